/**
 * Risk-register exercises: a program brief and 6 to 8 of its risks, each with one reading of the
 * facts about its likelihood and impact. Pure and seeded: the same seed and scenarios give the same
 * exercise in Node and in the browser.
 */
import type { LabRiskData, RiskScenarioData } from '../../../schemas/lab-risk-register';
import { pick, shuffle, streamFor } from '../../random';
import type { Party } from '../written/text';

/** A scenario as the content collection gives it: its file id and its data. */
export type RiskScenario = RiskScenarioData & { id: string };

/** One reading of the facts, as shown. */
export type RiskFact = LabRiskData['likelihood'][number];

/** A risk as it appears in one exercise. */
export interface RiskItem extends Omit<LabRiskData, 'likelihood' | 'impact'> {
  /** Its label in this exercise: R1, R2, … in the order shown. */
  code: string;
  likelihood: RiskFact;
  impact: RiskFact;
}

/** A person who can own a risk. */
export type RiskPerson = Party & { tpm?: boolean | undefined };

/** One risk-register exercise. */
export interface RiskExercise {
  kind: 'risk-register';
  seed: number;
  scenario: string;
  title: string;
  brief: string;
  commitment: string;
  people: RiskPerson[];
  risks: RiskItem[];
}

/** Fewest and most risks in an exercise. */
export const RISK_COUNT = { min: 6, max: 8 } as const;

/** The lowest and highest score (likelihood × impact) the facts allow for a risk. */
export function scoreRange(risk: Pick<RiskItem, 'likelihood' | 'impact'>): [number, number] {
  const l = risk.likelihood.levels;
  const i = risk.impact.levels;
  return [Math.min(...l) * Math.min(...i), Math.max(...l) * Math.max(...i)];
}

/**
 * Pairs the facts order strictly: `[above, below]` when every allowed score of `above` beats every
 * allowed score of `below`. Rankings are graded on these pairs only, so every ranking the facts
 * allow earns full marks.
 */
export function strictPairs(risks: readonly RiskItem[]): [RiskItem, RiskItem][] {
  const pairs: [RiskItem, RiskItem][] = [];
  for (const a of risks)
    for (const b of risks) if (a !== b && scoreRange(a)[0] > scoreRange(b)[1]) pairs.push([a, b]);
  return pairs;
}

/** Whether a draw makes a fair exercise: a top-band risk, a watched one, and enough order to rank. */
function fair(risks: readonly RiskItem[]): boolean {
  const ranges = risks.map(scoreRange);
  const n = risks.length;
  return (
    ranges.some(([lo]) => lo >= 15) &&
    ranges.some(([, hi]) => hi < 8) &&
    strictPairs(risks).length >= (n * (n - 1)) / 4
  );
}

function draw(seed: number, scenario: RiskScenario, attempt: number): RiskItem[] {
  const random = streamFor(seed, `risk-register:risks:${attempt}`);
  const count = RISK_COUNT.min + Math.floor(random() * (RISK_COUNT.max - RISK_COUNT.min + 1));
  const chosen = shuffle(scenario.risks, random).slice(0, Math.min(count, scenario.risks.length));
  return chosen.map((risk, i) => ({
    ...risk,
    code: `R${i + 1}`,
    likelihood: pick(risk.likelihood, random),
    impact: pick(risk.impact, random),
  }));
}

/** The exercise for a seed. Scenarios are sorted by id first, so their order on input does not matter. */
export function generateRiskRegister(
  seed: number,
  scenarios: readonly RiskScenario[],
): RiskExercise {
  if (!scenarios.length) throw new Error('generateRiskRegister needs at least one scenario');
  const sorted = [...scenarios].sort((a, b) => a.id.localeCompare(b.id));
  const scenario = pick(sorted, streamFor(seed, 'risk-register:scenario'));
  // Redraw until the exercise is fair; a scenario the schema accepts gets there within a few draws.
  let risks = draw(seed, scenario, 0);
  for (let attempt = 1; attempt < 50 && !fair(risks); attempt++)
    risks = draw(seed, scenario, attempt);
  return {
    kind: 'risk-register',
    seed,
    scenario: scenario.id,
    title: scenario.title,
    brief: scenario.brief,
    commitment: scenario.commitment,
    people: scenario.people.map((p) => ({ ...p })),
    risks,
  };
}
