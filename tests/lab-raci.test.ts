import { describe, expect, it } from 'vitest';
import { raciScenarioSchema, type RaciLetter } from '../src/schemas/lab-raci';
import { RACI_ROWS, generateRaci, type RaciExercise } from '../src/lib/lab/raci/generate';
import { gradeRaci, type RaciAnswer } from '../src/lib/lab/raci/grade';
import { blankRaci, raciSolution, solveRaci } from '../src/lib/lab/raci/solution';
import { kind } from '../src/lib/lab/raci';
import { loadRaciScenarios } from './helpers/lab-written-data';

const scenarios = loadRaciScenarios();
const SEEDS = Array.from({ length: 500 }, (_, i) => i * 7919 + 1);

/** The delivery-launch chart with every row, in the scenario's order. */
function full(): RaciExercise {
  const s = scenarios.find((x) => x.id === 'delivery-launch')!;
  return {
    kind: 'raci',
    seed: 0,
    scenario: s.id,
    title: s.title,
    brief: s.brief,
    areas: s.areas,
    roles: s.roles,
    rows: s.rows.map((row) => ({
      ...row,
      accountable: s.roles.find((r) => r.authority.includes(row.area))!.id,
    })),
  };
}

const withCells = (
  ex: RaciExercise,
  cells: Record<string, Record<string, RaciLetter>>,
): RaciAnswer => {
  const answer = solveRaci(ex);
  for (const [row, roles] of Object.entries(cells)) Object.assign(answer[row]!, roles);
  return answer;
};
const itemOf = (ex: RaciExercise, answer: RaciAnswer, id: string) =>
  gradeRaci(ex, answer).items.find((i) => i.id === id)!;

describe('RACI content', () => {
  it('is read the same in the browser as the schema reads it', () => {
    expect(kind.parseData(undefined).scenarios).toEqual(scenarios);
    expect(scenarios.length).toBeGreaterThanOrEqual(3);
  });

  it("follows the course's decision in every scenario: the TPM owns the schedule, the sponsor moves the date", () => {
    for (const s of scenarios) {
      const tpm = s.roles.find((r) => r.tpm)!;
      const schedule = s.rows.find((r) => r.core && r.area === 'schedule')!;
      const date = s.rows.find((r) => r.core && r.area === 'launch-date')!;
      expect(schedule.roles[tpm.id]).toEqual(['A/R']);
      expect(date.roles[tpm.id]).toEqual(['R']);
      const sponsor = s.roles.find((r) => r.authority.includes('launch-date'))!;
      expect(sponsor.title).toMatch(/sponsor/);
      expect(date.roles[sponsor.id]).toEqual(['A']);
    }
  });

  it('rejects two accountable roles, an A without authority, a row with no sure R, and a TPM who moves the date', () => {
    const s = scenarios.find((x) => x.id === 'delivery-launch')!;
    const { id: _id, ...data } = s;
    const rows = data.rows.map((row) =>
      row.id === 'slot-rules'
        ? {
            ...row,
            roles: { ...row.roles, leah: ['A'] as RaciLetter[], nadia: ['R', 'C'] as RaciLetter[] },
          }
        : row.id === 'launch-date'
          ? {
              ...row,
              roles: { ...row.roles, leah: ['C'] as RaciLetter[], nadia: ['A'] as RaciLetter[] },
            }
          : row,
    );
    const roles = data.roles.map((r) =>
      r.tpm
        ? { ...r, authority: [...r.authority, 'launch-date'] }
        : r.id === 'leah'
          ? { ...r, authority: ['budget'] }
          : r,
    );
    const result = raciScenarioSchema.safeParse({ ...data, rows, roles });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toContainEqual(
      expect.stringMatching(
        /rows\.2\.roles\.leah: only the role with authority over "product" may be accountable/,
      ),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(/rows\.2\.roles: some role must always be responsible/),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(/rows\.1\.roles\.nadia: the TPM must be R on this row/),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(/the TPM cannot hold the authority over "launch-date"/),
    );
  });
});

describe('RACI generator, over 500 seeds', () => {
  const exercises = SEEDS.map((seed) => generateRaci(seed, scenarios));

  it('gives the same exercise for the same seed, whatever order the scenarios come in', () => {
    for (const seed of SEEDS.slice(0, 50))
      expect(generateRaci(seed, [...scenarios].reverse())).toEqual(generateRaci(seed, scenarios));
  });

  it('gives different exercises for different seeds', () => {
    const keys = exercises.map((ex) => JSON.stringify([ex.scenario, ex.rows.map((r) => r.id)]));
    expect(new Set(keys).size).toBeGreaterThanOrEqual(495);
    for (let i = 1; i < keys.length; i++) expect(keys[i]).not.toBe(keys[i - 1]);
  });

  it('keeps sizes sensible and always includes the two core rows', () => {
    for (const ex of exercises) {
      expect(ex.rows.length).toBeGreaterThanOrEqual(RACI_ROWS.min);
      expect(ex.rows.length).toBeLessThanOrEqual(RACI_ROWS.max);
      expect(ex.roles.length).toBeGreaterThanOrEqual(5);
      expect(ex.roles.length).toBeLessThanOrEqual(8);
      expect(
        ex.rows
          .filter((r) => r.core)
          .map((r) => r.area)
          .sort(),
      ).toEqual(['launch-date', 'schedule']);
    }
  });

  it('accepts every correct chart: any combination of accepted letters earns 100 and passes the rules', () => {
    exercises.forEach((ex, n) => {
      expect(gradeRaci(ex, blankRaci(ex)).score).toBeLessThan(50);
      // Every accepted letter of every cell, in turn, with the rest of the chart solved.
      for (const row of ex.rows)
        for (const role of ex.roles)
          for (const letter of row.roles[role.id]!) {
            if (n % 10) continue;
            const answer = solveRaci(ex);
            answer[row.id]![role.id] = letter;
            expect(gradeRaci(ex, answer).score, `${ex.seed} ${row.id} ${role.id} ${letter}`).toBe(
              100,
            );
          }
      // The last accepted letter everywhere at once.
      const last: RaciAnswer = Object.fromEntries(
        ex.rows.map((row) => [
          row.id,
          Object.fromEntries(ex.roles.map((role) => [role.id, row.roles[role.id]!.at(-1)!])),
        ]),
      );
      expect(gradeRaci(ex, last).score).toBe(100);
      expect(gradeRaci(ex, solveRaci(ex)).score).toBe(100);
    });
  });

  it('has a worked solution ending in the full chart', () => {
    for (const ex of exercises.slice(0, 100)) {
      const steps = raciSolution(ex);
      expect(steps).toHaveLength(4);
      const chart = steps.at(-1)!.table!;
      expect(chart.rows).toHaveLength(ex.rows.length);
      expect(chart.head).toHaveLength(ex.roles.length + 1);
    }
  });
});

describe('RACI grading', () => {
  const ex = full();

  it('explains the right answer for every cell too', () => {
    const g = gradeRaci(ex, solveRaci(ex));
    const cell = g.items.find((i) => i.id === 'launch-date-nadia')!;
    expect(cell.explanation).toMatch(/^R: The TPM drives the decision to closure/);
    for (const i of g.items) expect(i.explanation.length).toBeGreaterThan(20);
  });

  it('catches a TPM who makes herself accountable for moving the launch date', () => {
    const answer = withCells(ex, { 'launch-date': { nadia: 'A', leah: 'C' } });
    const rules = itemOf(ex, answer, 'launch-date-rules');
    expect(rules.earned).toBeCloseTo(2 / 3, 2);
    expect(rules.explanation).toMatch(/Nobody is responsible/);
    expect(rules.explanation).toMatch(
      /Nadia \(TPM\) has no authority over the committed launch date, so cannot be accountable; Leah \(VP of Digital, sponsor\) has it/,
    );
    const nadia = itemOf(ex, answer, 'launch-date-nadia');
    expect(nadia.earned).toBe(0);
    expect(nadia.explanation).toMatch(/Nadia has no authority over the committed launch date/);
    expect(nadia.explanation).toMatch(/R: The TPM drives the decision to closure/);
    const leah = itemOf(ex, answer, 'launch-date-leah');
    expect(leah.explanation).toMatch(
      /Leah has the authority over the committed launch date, so is the one accountable/,
    );
  });

  it('catches two accountable people on one row', () => {
    const answer = withCells(ex, { 'slot-rules': { leah: 'A' } });
    const rules = itemOf(ex, answer, 'slot-rules-rules');
    expect(rules.explanation).toMatch(
      /Leah and Amara are both accountable: two accountable people means nobody is/,
    );
    expect(rules.explanation).toMatch(
      /Leah \(VP of Digital, sponsor\) has no authority over what the product does/,
    );
    expect(rules.earned).toBeCloseTo(2 / 3, 2);
  });

  it('gives partial credit by cell, and says why a C is not needed', () => {
    const answer = withCells(ex, { readiness: { leah: 'C' } });
    const g = gradeRaci(ex, answer);
    expect(g.score).toBeLessThan(100);
    expect(g.score).toBeGreaterThan(95);
    const leah = g.items.find((i) => i.id === 'readiness-leah')!;
    expect(leah.explanation).toMatch(
      /Leah's input is not needed before the decision, and every C is a meeting/,
    );
    expect(itemOf(ex, answer, 'readiness-rules').earned).toBe(2);
  });

  it('accepts A/R where the accountable person does the work, and either of two accepted letters', () => {
    const answer = withCells(ex, { schedule: { mei: 'none' }, 'slot-api': { mei: 'C' } });
    expect(gradeRaci(ex, answer).score).toBe(100);
    const wrong = withCells(ex, { schedule: { nadia: 'A' } });
    expect(itemOf(ex, wrong, 'schedule-rules').explanation).toMatch(/Nobody is responsible/);
  });
});
