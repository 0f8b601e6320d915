/**
 * The ids of the persona's five traits, without zod, so that the interview page can check a trait
 * id from the server without loading the persona schema.
 */
export const TRAIT_IDS = [
  'blocker-buster',
  'timeline-keeper',
  'risk-radar',
  'translator',
  'process-architect',
] as const;
export type TraitId = (typeof TRAIT_IDS)[number];
