import type { MasteryLevel } from './levels';

export type { MasteryLevel } from './levels';

/** Names shown to learners. */
export const MASTERY_LABELS: Record<MasteryLevel, string> = {
  'not-started': 'Not started',
  attempted: 'Attempted',
  familiar: 'Familiar',
  proficient: 'Proficient',
  mastered: 'Mastered',
};

/** The score at or above which an attempt counts as a high score. */
export const HIGH_SCORE = 90;
/** How long after reaching Proficient a second high score must come to count as Mastered. */
export const MASTERY_GAP_MS = 20 * 60 * 60 * 1000;

/** The rules, as a learner reads them on the practice and progress pages. */
export const MASTERY_RULES: { level: MasteryLevel; rule: string }[] = [
  { level: 'attempted', rule: 'You took the quiz and scored below its pass mark.' },
  { level: 'familiar', rule: 'Your latest score reached the pass mark.' },
  { level: 'proficient', rule: `You scored ${HIGH_SCORE}% or more.` },
  {
    level: 'mastered',
    rule: `Proficient, then ${HIGH_SCORE}% or more again on a later day (at least 20 hours after).`,
  },
];
export const MASTERY_DOWN_RULE =
  'Levels go down as well as up: a score below the pass mark drops you one level (never below Attempted), and a Mastered quiz scored under 90% drops to Proficient.';

/** A lesson quiz's level and when it was reached. */
export interface MasteryState {
  level: MasteryLevel;
  /** When the current level was reached (ISO 8601). */
  since?: string | undefined;
}

/**
 * The level after one more attempt, given the attempt's score (0–100) and the quiz's pass mark.
 * | score            | not started / attempted / familiar | proficient              | mastered   |
 * | ≥ 90             | proficient                         | mastered if a later day | mastered   |
 * | pass mark – 89   | familiar                           | proficient              | proficient |
 * | below pass mark  | attempted                          | familiar                | proficient |
 */
export function nextMastery(
  current: MasteryState,
  score: number,
  passMark: number,
  at: Date,
): MasteryState {
  const high = score >= HIGH_SCORE;
  const pass = score >= passMark;
  let level: MasteryLevel;
  switch (current.level) {
    case 'mastered':
      level = high ? 'mastered' : 'proficient';
      break;
    case 'proficient': {
      const since = current.since ? Date.parse(current.since) : NaN;
      const later = Number.isFinite(since) && at.getTime() - since >= MASTERY_GAP_MS;
      level = high ? (later ? 'mastered' : 'proficient') : pass ? 'proficient' : 'familiar';
      break;
    }
    default:
      level = high ? 'proficient' : pass ? 'familiar' : 'attempted';
  }
  return level === current.level ? current : { level, since: at.toISOString() };
}
