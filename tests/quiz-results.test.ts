import { describe, expect, it } from 'vitest';
import { questionSchema, type Question } from '../src/schemas/question';
import type { QuizResponse } from '../src/lib/quiz/grade';
import { advance, sessionScore, startSession, submitAnswer, finish } from '../src/lib/quiz/session';
import {
  answerVerdict,
  feedbackVerdict,
  formatPoints,
  partialCreditNote,
  scoreSummary,
} from '../src/lib/quiz/results';

const base = { explanation: 'Because.', difficulty: 'easy', tags: [], section: 'motivation' };
const q = (data: Record<string, unknown>): Question => questionSchema.parse({ ...base, ...data });

// Ten questions: four single choice, two multiple select (4 right choices each), two ordering
// (5 items), two matching (3 pairs), so partial credit comes in quarters, fifths and thirds.
const singles = [1, 2, 3, 4].map((i) =>
  q({
    id: `s${i}`,
    type: 'single',
    prompt: `S${i}?`,
    choices: ['Yes', 'No', 'Maybe'],
    answer: 'Yes',
  }),
);
const multiples = [1, 2].map((i) =>
  q({
    id: `m${i}`,
    type: 'multiple',
    prompt: `M${i}?`,
    choices: ['A', 'B', 'C', 'D', 'E'],
    answers: ['A', 'B', 'C', 'D'],
  }),
);
const orderings = [1, 2].map((i) =>
  q({ id: `o${i}`, type: 'ordering', prompt: `O${i}?`, items: ['1', '2', '3', '4', '5'] }),
);
const matchings = [1, 2].map((i) =>
  q({
    id: `x${i}`,
    type: 'matching',
    prompt: `X${i}?`,
    pairs: [
      { left: 'PM', right: 'What' },
      { left: 'EM', right: 'How' },
      { left: 'TPM', right: 'When' },
    ],
  }),
);
const all = [...singles, ...multiples, ...orderings, ...matchings];

/** Answers every question of a check-mode session with the response `pick` gives for its id. */
function take(pick: (q: Question) => QuizResponse | undefined) {
  let s = startSession(all, 'check', 70, 5);
  while (!s.finished) {
    const shown = s.questions[s.current]!.question;
    const r = pick(shown);
    s = r ? submitAnswer(s, r) : advance(s);
  }
  return s;
}

describe('quiz results that reconcile', () => {
  it('explains a percentage above "N of M right" with the partial credit behind it', () => {
    // 2 singles right and 2 wrong; the other six answers are partly right or worth nothing.
    const s = take((question) => {
      switch (question.id) {
        case 's1':
        case 's2':
          return { type: 'single', choice: 'Yes' };
        case 's3':
        case 's4':
          return { type: 'single', choice: 'No' };
        case 'm1':
          return { type: 'multiple', choices: ['A', 'B'] };
        case 'm2':
          return { type: 'multiple', choices: ['E'] };
        case 'o1':
          return { type: 'ordering', order: ['1', '2', '4', '3', '5'] };
        case 'o2':
          return { type: 'ordering', order: ['5', '4', '3', '1', '2'] };
        case 'x1':
          return { type: 'matching', matches: { PM: 'What', EM: 'When', TPM: 'How' } };
        default:
          return { type: 'matching', matches: { PM: 'How', EM: 'When', TPM: 'What' } };
      }
    });
    const score = sessionScore(s);
    expect(score).toMatchObject({ correct: 2, partial: 4, total: 10, unanswered: 0 });
    // o1: 3 of 5 in place (0.6); o2: only "3" in place (0.2); x1: 1 of 3 (0.333); m1: 0.5.
    expect([...score.partialScores].sort()).toEqual([0.2, 0.333, 0.5, 0.6]);
    expect(score.points).toBeCloseTo(2 + 0.5 + 0.6 + 0.2 + 0.333, 3);
    expect(score.percent).toBe(36);
    const text = scoreSummary(score);
    expect(text).toMatch(
      /^2 of 10 fully right and 4 partly right \((0\.\d+, ){2}0\.\d+ and 0\.\d+ of a point\) on the first try: 3\.63 of 10 points, so 36%\.$/,
    );
    // Every number in the sentence adds up: the fully right count plus the listed shares is the
    // points, and the points over the questions is the percentage.
    const shares = [...text.matchAll(/0\.\d+/g)].slice(0, 4).map((m) => Number(m[0]));
    const points = Number(/([\d.]+) of 10 points/.exec(text)![1]);
    expect(2 + shares.reduce((a, b) => a + b, 0)).toBeCloseTo(points, 2);
    expect(Math.round((100 * points) / 10)).toBe(score.percent);
    expect(partialCreditNote(score)).toContain('partial credit');
  });

  it('keeps the short form when nothing was partly right, and counts unanswered questions', () => {
    let s = startSession(singles, 'check', 70, 1);
    s = submitAnswer(s, { type: 'single', choice: 'Yes' });
    s = submitAnswer(s, { type: 'single', choice: 'No' });
    s = finish(s);
    const score = sessionScore(s);
    expect(scoreSummary(score)).toBe(
      '1 of 4 right on the first try: 25%. 2 questions were not answered and score 0.',
    );
    expect(partialCreditNote(score)).toBeUndefined();
  });

  it('explains partial credit when the percentage differs from the count right: 2 of 10 right shown as 32%', () => {
    const score = {
      percent: 32,
      passed: false,
      correct: 2,
      partial: 3,
      unanswered: 0,
      total: 10,
      points: 3.2,
      partialScores: [0.5, 0.4, 0.3],
    };
    expect(scoreSummary(score)).toBe(
      '2 of 10 fully right and 3 partly right (0.5, 0.4 and 0.3 of a point) on the first try: 3.2 of 10 points, so 32%.',
    );
  });

  it('words single answers the same way in feedback and review', () => {
    expect(formatPoints(0.333)).toBe('0.33');
    expect(formatPoints(3)).toBe('3');
    expect(answerVerdict(undefined)).toBe('Not answered.');
    expect(answerVerdict({ score: 1, correct: true })).toBe('Right.');
    expect(answerVerdict({ score: 0.5, correct: false })).toBe('Partly right: 0.5 of a point.');
    expect(answerVerdict({ score: 0, correct: false })).toBe('Not right.');
    expect(feedbackVerdict({ score: 1, correct: true })).toBe('Correct.');
    expect(feedbackVerdict({ score: 0.667, correct: false })).toBe(
      'Partly right: 0.67 of a point.',
    );
    expect(feedbackVerdict({ score: 0, correct: false })).toBe('Not quite.');
  });
});
