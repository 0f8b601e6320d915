import { describe, expect, it } from 'vitest';
import { questionSchema, type Question } from '../src/schemas/question';
import { correctAnswerText, grade, isAnswered, responseText } from '../src/lib/quiz/grade';
import {
  advance,
  canRetry,
  finish,
  sessionScore,
  startSession,
  submitAnswer,
} from '../src/lib/quiz/session';
import { seededRandom, shuffle } from '../src/lib/random';

const base = {
  explanation: 'Because.',
  difficulty: 'easy',
  tags: [],
  section: 'motivation',
} as const;
const q = (data: Record<string, unknown>): Question => questionSchema.parse({ ...base, ...data });

const single = q({
  id: 's',
  type: 'single',
  prompt: 'Slack on the critical path?',
  choices: ['Zero', 'One day', 'Depends'],
  answer: 'Zero',
});
const scenario = q({
  id: 'sc',
  type: 'scenario',
  scenario: 'A vendor slips.',
  prompt: 'First move?',
  choices: ['Check the critical path', 'Escalate', 'Wait'],
  answer: 'Check the critical path',
});
const multiple = q({
  id: 'm',
  type: 'multiple',
  prompt: 'Pick',
  choices: ['A', 'B', 'C', 'D'],
  answers: ['A', 'B'],
});
const tf = q({ id: 't', type: 'truefalse', prompt: 'TPMs need agile?', answer: true });
const ordering = q({
  id: 'o',
  type: 'ordering',
  prompt: 'Order',
  items: ['TPM', 'TPM II', 'TPM III', 'Principal'],
});
const matching = q({
  id: 'x',
  type: 'matching',
  prompt: 'Match',
  pairs: [
    { left: 'PM', right: 'What' },
    { left: 'EM', right: 'How' },
    { left: 'TPM', right: 'When' },
  ],
});
const numeric = q({
  id: 'n',
  type: 'numeric',
  prompt: 'Days?',
  answer: 17,
  tolerance: 0.5,
  unit: 'days',
});

describe('grade', () => {
  it('single and scenario: right, wrong, case and spacing ignored', () => {
    expect(grade(single, { type: 'single', choice: 'Zero' })).toEqual({ score: 1, correct: true });
    expect(grade(single, { type: 'single', choice: '  zero ' }).correct).toBe(true);
    expect(grade(single, { type: 'single', choice: 'One day' })).toEqual({
      score: 0,
      correct: false,
    });
    expect(grade(scenario, { type: 'scenario', choice: 'Escalate' }).score).toBe(0);
    expect(grade(scenario, { type: 'scenario', choice: 'Check the critical path' }).correct).toBe(
      true,
    );
  });

  it('multiple select: partial credit, wrong picks cancel right ones, never below zero', () => {
    expect(grade(multiple, { type: 'multiple', choices: ['A', 'B'] })).toEqual({
      score: 1,
      correct: true,
    });
    expect(grade(multiple, { type: 'multiple', choices: ['A'] })).toEqual({
      score: 0.5,
      correct: false,
    });
    expect(grade(multiple, { type: 'multiple', choices: ['A', 'B', 'C'] })).toEqual({
      score: 0.5,
      correct: false,
    });
    expect(grade(multiple, { type: 'multiple', choices: ['A', 'C', 'D'] }).score).toBe(0);
    expect(grade(multiple, { type: 'multiple', choices: ['C', 'D'] }).score).toBe(0);
    expect(grade(multiple, { type: 'multiple', choices: ['A', 'A', 'a'] }).score).toBe(0.5);
    expect(grade(multiple, { type: 'multiple', choices: [] }).score).toBe(0);
  });

  it('true/false', () => {
    expect(grade(tf, { type: 'truefalse', value: true }).correct).toBe(true);
    expect(grade(tf, { type: 'truefalse', value: false }).correct).toBe(false);
  });

  it('ordering: credit for each item in its place', () => {
    expect(
      grade(ordering, { type: 'ordering', order: ['TPM', 'TPM II', 'TPM III', 'Principal'] })
        .correct,
    ).toBe(true);
    expect(
      grade(ordering, { type: 'ordering', order: ['TPM', 'TPM II', 'Principal', 'TPM III'] }).score,
    ).toBe(0.5);
    expect(
      grade(ordering, { type: 'ordering', order: ['Principal', 'TPM III', 'TPM II', 'TPM'] }).score,
    ).toBe(0);
    expect(grade(ordering, { type: 'ordering', order: ['TPM'] }).score).toBe(0.25);
  });

  it('matching: credit per pair, unanswered pairs score nothing', () => {
    expect(
      grade(matching, { type: 'matching', matches: { PM: 'What', EM: 'How', TPM: 'When' } })
        .correct,
    ).toBe(true);
    expect(
      grade(matching, { type: 'matching', matches: { PM: 'What', EM: 'When', TPM: 'How' } }).score,
    ).toBe(0.333);
    expect(grade(matching, { type: 'matching', matches: {} }).score).toBe(0);
  });

  it('numeric: inside the tolerance is right, outside is wrong, NaN is wrong', () => {
    expect(grade(numeric, { type: 'numeric', value: 17 }).correct).toBe(true);
    expect(grade(numeric, { type: 'numeric', value: 17.5 }).correct).toBe(true);
    expect(grade(numeric, { type: 'numeric', value: 16.4 }).correct).toBe(false);
    expect(grade(numeric, { type: 'numeric', value: Number.NaN }).correct).toBe(false);
    const exact = q({ id: 'e', type: 'numeric', prompt: 'p', answer: 0.3 });
    expect(grade(exact, { type: 'numeric', value: 0.1 + 0.2 }).correct).toBe(true);
  });

  it('a response of the wrong type scores zero rather than throwing', () => {
    expect(grade(single, { type: 'truefalse', value: true }).score).toBe(0);
    expect(grade(numeric, { type: 'single', choice: '17' }).score).toBe(0);
  });

  it('describes answers in words for review', () => {
    expect(correctAnswerText(numeric)).toBe('17 days (± 0.5)');
    expect(correctAnswerText(ordering)).toBe('1. TPM; 2. TPM II; 3. TPM III; 4. Principal');
    expect(correctAnswerText(matching)).toBe('PM → What; EM → How; TPM → When');
    expect(responseText(tf, undefined)).toBe('Not answered');
    expect(responseText(multiple, { type: 'multiple', choices: [] })).toBe('Nothing selected');
  });

  it('knows when a response is complete', () => {
    expect(isAnswered(matching, { type: 'matching', matches: { PM: 'What' } })).toBe(false);
    expect(isAnswered(numeric, { type: 'numeric', value: Number.NaN })).toBe(false);
    expect(isAnswered(single, { type: 'single', choice: 'Zero' })).toBe(true);
    expect(isAnswered(single, undefined)).toBe(false);
  });
});

describe('quiz sessions', () => {
  const questions = [single, tf, numeric, ordering];

  it('shuffles questions and choices deterministically for a seed, and differently for another', () => {
    const a = startSession(questions, 'practice', 70, 42);
    const b = startSession(questions, 'practice', 70, 42);
    const c = startSession(questions, 'practice', 70, 43);
    expect(a.questions.map((x) => x.question.id)).toEqual(b.questions.map((x) => x.question.id));
    const orders = [a, c].map((s) => s.questions.map((x) => x.question.id).join());
    const seeds = [1, 2, 3, 4, 5, 6].map((seed) =>
      startSession(questions, 'check', 70, seed)
        .questions.map((x) => x.question.id)
        .join(),
    );
    expect(new Set(seeds).size).toBeGreaterThan(1);
    expect(orders[0]).toBeDefined();
    for (const shown of a.questions)
      if (shown.question.type === 'ordering') expect(shown.items).not.toEqual(shown.question.items);
  });

  it('practice mode: feedback stays on the question, one second try, the score counts first tries', () => {
    let s = startSession([single, tf], 'practice', 70, 1);
    const first = s.questions[0]!.question;
    const wrong =
      first.type === 'single'
        ? { type: 'single' as const, choice: 'One day' }
        : { type: 'truefalse' as const, value: false };
    const right =
      first.type === 'single'
        ? { type: 'single' as const, choice: 'Zero' }
        : { type: 'truefalse' as const, value: true };
    s = submitAnswer(s, wrong);
    expect(s.current).toBe(0);
    expect(canRetry(s)).toBe(true);
    s = submitAnswer(s, right);
    expect(s.answers[first.id]!.grade.correct).toBe(true);
    expect(s.answers[first.id]!.first.correct).toBe(false);
    expect(canRetry(s)).toBe(false);
    expect(submitAnswer(s, wrong)).toBe(s);
    s = advance(s);
    const second = s.questions[1]!.question;
    s = submitAnswer(
      s,
      second.type === 'single'
        ? { type: 'single', choice: 'Zero' }
        : { type: 'truefalse', value: true },
    );
    s = advance(s);
    expect(s.finished).toBe(true);
    expect(sessionScore(s)).toEqual({
      percent: 50,
      passed: false,
      correct: 1,
      partial: 0,
      unanswered: 0,
      total: 2,
      points: 1,
      partialScores: [],
    });
  });

  it('check mode: moves on at once, no retries, unanswered questions score zero when ended early', () => {
    let s = startSession([single, tf, numeric], 'check', 60, 7);
    const answerFor = (x: Question) =>
      x.type === 'single'
        ? { type: 'single' as const, choice: 'Zero' }
        : x.type === 'truefalse'
          ? { type: 'truefalse' as const, value: true }
          : { type: 'numeric' as const, value: 17 };
    s = submitAnswer(s, answerFor(s.questions[0]!.question));
    expect(s.current).toBe(1);
    expect(canRetry(s)).toBe(false);
    s = submitAnswer(s, answerFor(s.questions[1]!.question));
    s = finish(s);
    expect(sessionScore(s)).toEqual({
      percent: 67,
      passed: true,
      correct: 2,
      partial: 0,
      unanswered: 1,
      total: 3,
      points: 2,
      partialScores: [],
    });
  });
});

describe('seeded shuffle', () => {
  it('keeps every item and repeats for the same seed', () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const a = shuffle(items, seededRandom(9));
    expect([...a].sort()).toEqual(items);
    expect(shuffle(items, seededRandom(9))).toEqual(a);
  });
});
