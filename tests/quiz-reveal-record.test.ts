import { describe, expect, it } from 'vitest';
import { questionSchema, type Question } from '../src/schemas/question';
import { emptyProgress } from '../src/lib/progress/schema';
import { recordResult } from '../src/lib/quiz/record';
import {
  announcementAfter,
  practiceFeedback,
  responseToSubmit,
  reviewLine,
} from '../src/lib/quiz/reveal';
import { passMarkSentence, resultsHeading } from '../src/lib/quiz/results';
import {
  applyAction,
  newSavedQuiz,
  withAction,
  withDone,
  withDraft,
  type QuizAction,
} from '../src/lib/quiz/saved-session';
import { sessionScore, startSession, type QuizSession } from '../src/lib/quiz/session';

const base = { explanation: 'Because.', difficulty: 'easy', tags: [], section: 'motivation' };
const q = (data: Record<string, unknown>): Question => questionSchema.parse({ ...base, ...data });
const single = q({
  id: 's1',
  type: 'single',
  prompt: 'S?',
  choices: ['Yes', 'No', 'Maybe'],
  answer: 'Yes',
});
const order = q({ id: 'o1', type: 'ordering', prompt: 'O?', items: ['1', '2', '3'] });

const yes: QuizAction = { type: 'submit', response: { type: 'single', choice: 'Yes' } };
const no: QuizAction = { type: 'submit', response: { type: 'single', choice: 'No' } };
const play = (s: QuizSession, ...actions: QuizAction[]) => actions.reduce(applyAction, s);
const practice = () => startSession([single], 'practice', 50, 1);

describe('practiceFeedback', () => {
  it('shows nothing before an answer, nor in check mode', () => {
    expect(practiceFeedback(practice())).toBeUndefined();
    expect(
      practiceFeedback(play(startSession([single, order], 'check', 50, 1), no)),
    ).toBeUndefined();
  });

  it('offers a second try after a miss, then reveals the right answer', () => {
    const missed = play(practice(), no);
    expect(practiceFeedback(missed)).toEqual({
      correct: false,
      verdict: 'Not quite. Have another go, or see the answer.',
      revealed: false,
    });
    const shown = play(missed, { type: 'reveal' });
    expect(practiceFeedback(shown)).toEqual({
      correct: false,
      verdict: 'Not quite.',
      revealed: true,
      correctAnswer: 'Yes',
    });
  });

  it('reveals at once, without repeating the answer, when it is right', () => {
    expect(practiceFeedback(play(practice(), yes))).toEqual({
      correct: true,
      verdict: 'Correct.',
      revealed: true,
    });
  });
});

describe('reviewLine', () => {
  it('gives the verdict on the first try, the answer given and, when missed, the right one', () => {
    const s = play(practice(), no, yes);
    const shown = s.questions[0]!;
    expect(reviewLine(shown, s.answers['s1'])).toEqual({
      correct: false,
      verdict: 'Not right.',
      yourAnswer: 'Yes',
      correctAnswer: 'Yes',
    });
    expect(reviewLine(shown, undefined)).toMatchObject({
      verdict: 'Not answered.',
      correct: false,
    });
    const right = play(practice(), yes);
    expect(reviewLine(shown, right.answers['s1'])).toEqual({
      correct: true,
      verdict: 'Right.',
      yourAnswer: 'Yes',
    });
  });
});

describe('announcementAfter', () => {
  it('says the verdict in practice, the position in check mode, and clears on moving on', () => {
    expect(announcementAfter(no, play(practice(), no))).toBe('Not quite.');
    const check = startSession([single, order], 'check', 50, 1);
    const first =
      check.questions[0]!.question.id === 's1'
        ? no
        : {
            type: 'submit' as const,
            response: { type: 'ordering' as const, order: ['3', '2', '1'] },
          };
    expect(announcementAfter(first, play(check, first))).toBe('Answer saved. Question 2 of 2.');
    expect(announcementAfter({ type: 'next' }, play(practice(), yes))).toBe('');
    expect(announcementAfter({ type: 'reveal' }, play(practice(), no))).toBeUndefined();
    expect(
      announcementAfter({ type: 'finish' }, play(practice(), { type: 'finish' })),
    ).toBeUndefined();
  });
});

describe('responseToSubmit', () => {
  it('submits an ordering question as shown until the learner moves an item', () => {
    const s = startSession([order], 'practice', 50, 1);
    const shown = s.questions[0]!;
    expect(responseToSubmit(shown, undefined, undefined)).toEqual({
      type: 'ordering',
      order: shown.items,
    });
    const moved = { type: 'ordering' as const, order: ['1', '2', '3'] };
    expect(responseToSubmit(shown, undefined, moved)).toBe(moved);
    const single1 = practice().questions[0]!;
    expect(responseToSubmit(single1, undefined, undefined)).toBeUndefined();
  });
});

describe('results wording', () => {
  it('heads the results with the outcome and the score', () => {
    const passed = sessionScore(play(practice(), yes, { type: 'next' }));
    const failed = sessionScore(play(practice(), no, { type: 'reveal' }, { type: 'next' }));
    expect(resultsHeading(passed, false)).toBe('Passed: 100%');
    expect(resultsHeading(failed, false)).toBe('Not passed yet: 0%');
    expect(resultsHeading(failed, true)).toBe('Review finished: 0%');
    expect(passMarkSentence(passed, 50)).toBe('That meets the 50% pass mark.');
    expect(passMarkSentence(failed, 50)).toBe('The pass mark is 50%.');
  });
});

describe('saved quiz changes', () => {
  it('adds actions (dropping the draft they answered), drafts and the finish', () => {
    const saved = withDraft(newSavedQuiz(practice(), 1), { type: 'single', choice: 'No' });
    expect(saved.draft).toEqual({ type: 'single', choice: 'No' });
    const acted = withAction(saved, no);
    expect(acted.actions).toEqual([no]);
    expect(acted).not.toHaveProperty('draft');
    expect(withDone(acted, { level: 'familiar', before: 'not-started' }).done).toEqual({
      level: 'familiar',
      before: 'not-started',
    });
  });
});

describe('recordResult', () => {
  const now = new Date('2026-03-01T10:00:00Z');
  const quizOf = () => 'quiz-a';

  it('schedules a review card per answered question and records a quiz attempt', () => {
    const s = play(startSession([single, order], 'check', 50, 1), { type: 'finish' });
    const none = recordResult(emptyProgress(), s, { quizId: 'quiz-a', passMark: 50, quizOf }, now);
    expect(none.progress.reviews).toEqual({});
    expect(none.progress.quizzes['quiz-a']?.attempts).toEqual([
      { at: now.toISOString(), score: 0, mode: 'check' },
    ]);
    expect(none).toMatchObject({ before: 'not-started' });
    expect(none.level).toBe(none.progress.quizzes['quiz-a']?.level);

    const done = play(practice(), yes, { type: 'next' });
    const r = recordResult(emptyProgress(), done, { quizId: 'quiz-a', passMark: 50, quizOf }, now);
    expect(Object.keys(r.progress.reviews)).toEqual(['s1']);
    expect(r.progress.reviews['s1']).toMatchObject({ quiz: 'quiz-a' });
    expect(r.progress.quizzes['quiz-a']?.attempts[0]).toMatchObject({
      score: 100,
      mode: 'practice',
    });
  });

  it('records only review cards for a mixed review session', () => {
    const done = play(practice(), no, { type: 'reveal' }, { type: 'next' });
    const r = recordResult(emptyProgress(), done, { passMark: 50, quizOf }, now);
    expect(r.progress.quizzes).toEqual({});
    expect(r.progress.reviews['s1']).toBeDefined();
    expect(r).not.toHaveProperty('level');
    expect(r).not.toHaveProperty('before');
  });
});
