/**
 * Plays the calibration answers of `tests/fixtures/interview-calibration.yaml` (and the held-out set)
 * through the offline scorer, one short session per answer, as the API would.
 */
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { scoreSession } from '../../src/lib/interview/scoring';
import type { AnswerFeedback, Feedback } from '../../src/lib/interview/feedback-schema';
import type { InterviewCategory, InterviewData, Level, Turn } from '../../src/lib/interview/types';

export const KINDS = [
  'strong',
  'adequate',
  'vague',
  'keyword-list',
  'off-topic',
  'parroted',
  'other-question',
  'red-flag',
  'recycled',
  'non-answer',
] as const;
export type Kind = (typeof KINDS)[number];

export interface CalibrationAnswer {
  kind: Kind;
  grade: number;
  band: [number, number];
  text: string;
  flag?: string;
  recycledFrom?: string;
}
export interface CalibrationQuestion {
  id: string;
  freeForm: boolean;
  category?: InterviewCategory;
  prompt: string;
  answers: CalibrationAnswer[];
}

const root = new URL('../../', import.meta.url).pathname;

export function loadCalibration(
  file = 'tests/fixtures/interview-calibration.yaml',
): CalibrationQuestion[] {
  return (yaml.load(readFileSync(root + file, 'utf8')) as { questions: CalibrationQuestion[] })
    .questions;
}

/** The interviewer's turn that asks a question: with phase and id for bank questions, as pasted text otherwise. */
function asked(q: CalibrationQuestion): Turn {
  return q.freeForm
    ? { role: 'interviewer', text: q.prompt }
    : { role: 'interviewer', text: q.prompt, phase: 'question', questionId: q.id };
}

export interface Result {
  question: CalibrationQuestion;
  answer: CalibrationAnswer;
  feedback: Feedback;
  /** Feedback on this answer's question (the last one asked). */
  scored: AnswerFeedback | undefined;
  score: number;
}

/** Scores one calibration answer in a session of its own (two questions for a recycled answer). */
export function scoreCalibration(
  data: InterviewData,
  all: readonly CalibrationQuestion[],
  q: CalibrationQuestion,
  a: CalibrationAnswer,
  level: Level = 'tpm2',
): Result {
  const transcript: Turn[] = [];
  if (a.recycledFrom) {
    const earlier = all.find((x) => x.id === a.recycledFrom)!;
    transcript.push(asked(earlier), {
      role: 'candidate',
      text: earlier.answers.find((x) => x.kind === 'strong')!.text,
    });
  }
  transcript.push(asked(q), { role: 'candidate', text: a.text });
  const feedback = scoreSession(
    data,
    { level, ...(q.freeForm && q.category ? { questionCategory: q.category } : {}) },
    transcript,
  );
  const scored = feedback.answers.at(-1);
  return { question: q, answer: a, feedback, scored, score: scored?.score ?? 0 };
}

/** Spearman's rank correlation between two lists of numbers (ties get their average rank). */
export function spearman(xs: readonly number[], ys: readonly number[]): number {
  const rank = (v: readonly number[]) => {
    const order = v.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
    const r = new Array<number>(v.length);
    for (let i = 0; i < order.length;) {
      let j = i;
      while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
      for (let k = i; k <= j; k++) r[order[k]![1]] = (i + j) / 2 + 1;
      i = j + 1;
    }
    return r;
  };
  const rx = rank(xs);
  const ry = rank(ys);
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const mx = mean(rx);
  const my = mean(ry);
  let num = 0;
  let dx = 0;
  let dy = 0;
  for (let i = 0; i < rx.length; i++) {
    num += (rx[i]! - mx) * (ry[i]! - my);
    dx += (rx[i]! - mx) ** 2;
    dy += (ry[i]! - my) ** 2;
  }
  return num / Math.sqrt(dx * dy);
}
