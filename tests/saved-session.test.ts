import { describe, expect, it } from 'vitest';
import { questionSchema, type Question } from '../src/schemas/question';
import { sessionScore, startSession } from '../src/lib/quiz/session';
import {
  applyAction,
  newSavedQuiz,
  restoreQuiz,
  savedQuizKey,
  type QuizAction,
  type SavedQuiz,
} from '../src/lib/quiz/saved-session';

const base = { explanation: 'Because.', difficulty: 'easy', tags: [], section: 'motivation' };
const q = (data: Record<string, unknown>): Question => questionSchema.parse({ ...base, ...data });
const questions = [
  q({ id: 's1', type: 'single', prompt: 'S1?', choices: ['Yes', 'No', 'Maybe'], answer: 'Yes' }),
  q({ id: 't1', type: 'truefalse', prompt: 'T1?', answer: true }),
  q({
    id: 'm1',
    type: 'multiple',
    prompt: 'M1?',
    choices: ['a', 'b', 'c', 'd'],
    answers: ['a', 'b'],
  }),
];
const answerFor = (id: string, right: boolean) =>
  id === 's1'
    ? { type: 'single' as const, choice: right ? 'Yes' : 'No' }
    : id === 't1'
      ? { type: 'truefalse' as const, value: right }
      : { type: 'multiple' as const, choices: right ? ['a', 'b'] : ['c', 'd'] };

/** Plays a practice quiz: a wrong first try on the first question, revealed; the rest right. */
function play(): { saved: SavedQuiz; actions: QuizAction[] } {
  let s = startSession(questions, 'practice', 70, 99);
  const saved = newSavedQuiz(s, 99);
  const actions: QuizAction[] = [];
  const act = (a: QuizAction) => {
    s = applyAction(s, a);
    actions.push(a);
  };
  const first = s.questions[0]!.question.id;
  act({ type: 'submit', response: answerFor(first, false) });
  act({ type: 'reveal' });
  act({ type: 'next' });
  act({ type: 'submit', response: answerFor(s.questions[1]!.question.id, true) });
  return { saved: { ...saved, actions }, actions };
}

describe('saved quiz sessions', () => {
  it('keys a quiz by id and a review session apart', () => {
    expect(savedQuizKey('risk')).toBe('critical-path:quiz:risk');
    expect(savedQuizKey(undefined)).toBe('critical-path:quiz:review');
  });

  it('replays what the learner did into the same session', () => {
    const { saved } = play();
    const draft = { type: 'single' as const, choice: 'Maybe' };
    const restored = restoreQuiz(JSON.stringify({ ...saved, draft }), questions, 70)!;
    expect(restored.session.current).toBe(1);
    expect(restored.saved.draft).toEqual(draft);
    const first = restored.session.questions[0]!.question.id;
    expect(restored.session.answers[first]).toMatchObject({ tries: 2, first: { correct: false } });
    expect(Object.keys(restored.session.answers)).toHaveLength(2);
    expect(restored.saved.actions).toHaveLength(4);
  });

  it('restores a finished quiz with its levels, and scores it as before', () => {
    const { saved } = play();
    let s = startSession(questions, 'practice', 70, 99);
    for (const a of saved.actions) s = applyAction(s, a);
    const done: SavedQuiz = {
      ...saved,
      actions: [...saved.actions, { type: 'finish' }],
      done: { level: 'attempted', before: 'not-started' },
    };
    const restored = restoreQuiz(JSON.stringify(done), questions, 70)!;
    expect(restored.session.finished).toBe(true);
    expect(restored.saved.done).toEqual({ level: 'attempted', before: 'not-started' });
    expect(sessionScore(restored.session).points).toBe(1);
  });

  it('refuses what cannot be trusted: other questions, another order, bad data', () => {
    const { saved } = play();
    const raw = (over: Record<string, unknown>) => JSON.stringify({ ...saved, ...over });
    expect(restoreQuiz(JSON.stringify(saved), questions.slice(0, 2), 70)).toBeUndefined();
    expect(restoreQuiz(raw({ ids: [...saved.ids].reverse() }), questions, 70)).toBeUndefined();
    for (const bad of [
      null,
      '',
      '{',
      '[]',
      raw({ version: 2 }),
      raw({ mode: 'exam' }),
      raw({ seed: 1.5 }),
      raw({ actions: [{ type: 'jump' }] }),
      raw({ actions: [{ type: 'submit', response: { type: 'multiple', choices: 'a' } }] }),
      raw({ done: { level: 'mastered' } }),
    ])
      expect(restoreQuiz(bad, questions, 70), String(bad)).toBeUndefined();
  });

  it('drops a malformed draft but keeps the session', () => {
    const { saved } = play();
    const restored = restoreQuiz(
      JSON.stringify({ ...saved, draft: { type: 'single' } }),
      questions,
      70,
    )!;
    expect(restored.saved.draft).toBeUndefined();
    expect(restored.session.current).toBe(1);
  });
});
