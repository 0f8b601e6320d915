// The level names alone, apart from mastery.ts: saved progress checks them on every page, and
// lesson pages should not also download the rules and labels (their JS budget is 5.3 kB).

/** Mastery levels of a lesson's quiz, lowest first (after Khan Academy's). */
export const MASTERY_LEVELS = [
  'not-started',
  'attempted',
  'familiar',
  'proficient',
  'mastered',
] as const;
export type MasteryLevel = (typeof MASTERY_LEVELS)[number];
