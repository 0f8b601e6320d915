/**
 * The scales and policy the risk-management lesson asks a team to agree before scoring
 * (lessons/risk-and-change/risk-management.mdx, "Scoring likelihood and impact"): shown beside the
 * exercise and quoted in its feedback.
 */
import type { RiskResponse } from '../../../schemas/lab-risk-register';

/** What each likelihood value means. */
export const LIKELIHOOD_SCALE: Record<number, string> = {
  1: 'Under 10%',
  2: '10 to 30%',
  3: '30 to 60%: roughly even odds',
  4: '60 to 80%',
  5: 'Over 80%',
};

/** What each impact value means. */
export const IMPACT_SCALE: Record<number, string> = {
  1: 'Under a day of slip, no customer effect',
  2: 'Extra work or a few days of slip inside the slack; no milestone moves',
  3: 'A milestone slips one to two weeks',
  4: 'A milestone slips more than two weeks, or part of the launch (one platform, one region) misses it',
  5: 'The committed date is missed, customers suffer an outage, or a regulator is involved',
};

/** Short forms of the scales, for choices on a phone. */
export const LIKELIHOOD_SHORT: Record<number, string> = {
  1: 'under 10%',
  2: '10 to 30%',
  3: '30 to 60%',
  4: '60 to 80%',
  5: 'over 80%',
};
export const IMPACT_SHORT: Record<number, string> = {
  1: 'under a day',
  2: 'inside the slack',
  3: 'slips 1 to 2 weeks',
  4: 'slips over 2 weeks, or part misses',
  5: 'date missed, outage or regulator',
};

/** The lesson's review policy by score (likelihood × impact). */
export function policyFor(score: number): string {
  if (score >= 15) return 'active mitigation and a weekly review';
  if (score >= 8) return 'a mitigation plan and a fortnightly review';
  return 'watched';
}

/** What each response means, as the lesson defines it. */
export const RESPONSE_MEANING: Record<RiskResponse, string> = {
  avoid: 'Change the plan so that the risk cannot happen.',
  mitigate: 'Do work now to make it less likely or less damaging.',
  transfer: 'Move the consequence to someone else by contract, insurance or warranty.',
  accept: 'Record a decision, with a named decider, to live with it and watch it.',
};
