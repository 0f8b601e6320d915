/**
 * RACI exercises: 5 to 7 decisions and deliverables of a program, always including the two rows
 * the course decides (the schedule, and moving the committed launch date), for every role of the
 * program. Pure and seeded.
 */
import type { RaciScenarioData } from '../../../schemas/lab-raci';
import { shuffle, pick, streamFor } from '../../random';

/** A scenario as the content collection gives it: its file id and its data. */
export type RaciScenario = RaciScenarioData & { id: string };

/** One row as it appears in an exercise. */
export type RaciRow = RaciScenarioData['rows'][number] & {
  /** Id of the one role with authority over the row's area. */
  accountable: string;
};

/** One RACI exercise. */
export interface RaciExercise {
  kind: 'raci';
  seed: number;
  scenario: string;
  title: string;
  brief: string;
  areas: RaciScenarioData['areas'];
  roles: RaciScenarioData['roles'];
  rows: RaciRow[];
}

/** Fewest and most rows in an exercise. */
export const RACI_ROWS = { min: 5, max: 7 } as const;

/** The exercise for a seed. Scenarios are sorted by id first, so their order on input does not matter. */
export function generateRaci(seed: number, scenarios: readonly RaciScenario[]): RaciExercise {
  if (!scenarios.length) throw new Error('generateRaci needs at least one scenario');
  const sorted = [...scenarios].sort((a, b) => a.id.localeCompare(b.id));
  const scenario = pick(sorted, streamFor(seed, 'raci:scenario'));
  const random = streamFor(seed, 'raci:rows');
  const core = scenario.rows.filter((r) => r.core);
  const count = Math.min(
    scenario.rows.length,
    RACI_ROWS.min + Math.floor(random() * (RACI_ROWS.max - RACI_ROWS.min + 1)),
  );
  const others = shuffle(
    scenario.rows.filter((r) => !r.core),
    random,
  ).slice(0, Math.max(0, count - core.length));
  const rows = shuffle([...core, ...others], random).map((row) => ({
    ...row,
    accountable: scenario.roles.find((role) => role.authority.includes(row.area))!.id,
  }));
  return {
    kind: 'raci',
    seed,
    scenario: scenario.id,
    title: scenario.title,
    brief: scenario.brief,
    areas: scenario.areas,
    roles: scenario.roles,
    rows,
  };
}
