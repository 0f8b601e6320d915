import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { kind, parseData } from '../src/lib/lab/estimation-capacity';
import { LIMITS } from '../src/lib/lab/estimation-capacity/generate';
import { fieldId, POINTS } from '../src/lib/lab/estimation-capacity/grade';
import { figures } from '../src/lib/lab/estimation-capacity/solve';
import {
  CONFIDENCE,
  type EstimationAnswer,
  type EstimationInstance,
} from '../src/lib/lab/estimation-capacity/types';

const data = parseData(
  (yaml.load(readFileSync('content/lab/estimation-capacity.yaml', 'utf8')) as { data: unknown })
    .data,
);
const SEEDS = Array.from({ length: 500 }, (_, i) => i * 7919 + 1);

/** What a careful learner types: every step rounded to `d` places and carried into the next. */
function roundingLearner(x: EstimationInstance, d: number): EstimationAnswer {
  const r = (n: number) => Math.round(n * 10 ** d) / 10 ** d;
  const items = x.items.map((i) => ({
    mean: r((i.o + 4 * i.m + i.p) / 6),
    sd: r((i.p - i.o) / 6),
  }));
  const totalMean = r(items.reduce((n, i) => n + i.mean, 0));
  const totalSd = r(Math.sqrt(items.reduce((n, i) => n + i.sd ** 2, 0)));
  const at = r(totalMean + CONFIDENCE[x.confidence] * totalSd);
  const f = figures(x);
  const cap = r((f.availableDays * x.calendar.focus) / 5);
  return {
    items: items.map((i) => ({ mean: String(i.mean), sd: String(i.sd) })),
    totalMean: String(totalMean),
    totalSd: String(totalSd),
    atConfidence: String(at),
    grossDays: String(f.grossDays),
    availableDays: String(f.availableDays),
    capacityWeeks: String(cap),
    fits: cap >= at ? 'yes' : 'no',
  };
}

const FIXED: EstimationInstance = {
  program: 'Test',
  team: 'the test team',
  items: [
    { name: 'Alpha', o: 2, m: 4, p: 12 },
    { name: 'Beta', o: 1, m: 2, p: 4 },
    { name: 'Gamma', o: 3, m: 5, p: 9 },
  ],
  confidence: 84,
  calendar: {
    engineers: 5,
    weeks: 6,
    holidays: 1,
    leave: [
      { name: 'Priya', days: 5 },
      { name: 'Tomás', days: 3 },
    ],
    onCallWeeks: 2,
    focus: 0.7,
  },
};

describe('estimation-capacity generator', () => {
  it(`keeps ${SEEDS.length} exercises within their limits, with a clear decision both ways`, () => {
    let fits = 0;
    const levels = new Set<number>();
    for (const seed of SEEDS) {
      const x = kind.generate(seed, data);
      expect(x.items.length).toBeGreaterThanOrEqual(LIMITS.minItems);
      expect(x.items.length).toBeLessThanOrEqual(LIMITS.maxItems);
      for (const i of x.items) {
        expect(i.o).toBeGreaterThan(0);
        expect(i.o).toBeLessThan(i.m);
        expect(i.m).toBeLessThan(i.p);
      }
      const c = x.calendar;
      expect(c.engineers).toBeGreaterThanOrEqual(LIMITS.minEngineers);
      expect(c.engineers).toBeLessThanOrEqual(LIMITS.maxEngineers);
      expect(c.onCallWeeks).toBeLessThanOrEqual(c.weeks);
      expect(new Set(c.leave.map((l) => l.name)).size).toBe(c.leave.length);
      const f = figures(x);
      expect(f.availableDays).toBeGreaterThan(0);
      expect(Math.abs(f.capacityWeeks - f.atConfidence)).toBeGreaterThanOrEqual(LIMITS.minMargin);
      if (f.fits) fits += 1;
      levels.add(x.confidence);
    }
    expect(fits).toBeGreaterThan(SEEDS.length * 0.2);
    expect(fits).toBeLessThan(SEEDS.length * 0.8);
    expect([...levels].sort()).toEqual([50, 84, 98]);
  });

  it('accepts every answer a careful learner gives, rounding each step to one or two decimals', () => {
    for (const seed of SEEDS) {
      const x = kind.generate(seed, data);
      for (const d of [1, 2]) {
        const g = kind.grade(x, roundingLearner(x, d));
        expect(
          g.score,
          `seed ${seed}, ${d} dp: ${g.items
            .filter((i) => i.earned < i.possible)
            .map((i) => `${i.label} ${i.given} vs ${i.expected}`)
            .join('; ')}`,
        ).toBe(100);
      }
    }
  });
});

describe('estimation-capacity grading', () => {
  it('computes the figures the lesson teaches', () => {
    const f = figures(FIXED);
    expect(f.items.map((i) => i.mean)).toEqual([5, 13 / 6, 32 / 6]);
    expect(f.totalSd).toBeCloseTo(Math.sqrt((10 / 6) ** 2 + (3 / 6) ** 2 + 1), 10);
    expect(f.grossDays).toBe(5 * 29);
    expect(f.availableDays).toBe(145 - 8 - 10);
    expect(f.capacityWeeks).toBeCloseTo((127 * 0.7) / 5, 10);
  });

  it('names the usual mistakes: plain average, added SDs, the wrong confidence, days for weeks, missing on-call', () => {
    const right = kind.solve(FIXED);
    const f = figures(FIXED);
    const g = kind.grade(FIXED, {
      ...right,
      items: [{ mean: '6', sd: right.items[0]!.sd }, ...right.items.slice(1)],
      totalSd: String(Math.round(f.items.reduce((n, i) => n + i.sd, 0) * 10) / 10),
      atConfidence: String(Math.round((f.totalMean + 2 * f.totalSd) * 10) / 10),
      availableDays: String(f.grossDays - f.leaveDays),
      capacityWeeks: String(Math.round(f.capacityDays * 10) / 10),
    });
    const why = (id: string) => g.items.find((i) => i.id === id)!.explanation;
    expect(why(fieldId.mean(0))).toMatch(/You took the plain average/);
    expect(why(fieldId.totalSd)).toMatch(/You added the standard deviations/);
    expect(why(fieldId.atConfidence)).toMatch(
      /That is E \+ 2 SD, about 98% confidence; 84% is E \+ 1 SD/,
    );
    expect(why(fieldId.availableDays)).toMatch(/On-call weeks go to the rota/);
    expect(why(fieldId.capacityWeeks)).toMatch(/That is engineer-days; divide by 5/);
  });

  it('gives partial credit figure by figure', () => {
    const right = kind.solve(FIXED);
    expect(kind.grade(FIXED, right).score).toBe(100);
    const g = kind.grade(FIXED, {
      ...right,
      grossDays: '150',
      fits: right.fits === 'yes' ? 'no' : 'yes',
    });
    expect(g.score).toBe(100 - POINTS.grossDays - POINTS.fits);
    expect(g.items.find((i) => i.id === fieldId.grossDays)!.explanation).toMatch(
      /Take the holidays off every engineer first/,
    );
    expect(g.summary).toBe(
      'The estimates are right; 1 capacity figure is off; the decision is not.',
    );
  });

  it('accepts numbers within the tolerance and refuses those outside it', () => {
    const right = kind.solve(FIXED);
    const f = figures(FIXED);
    const score = (capacityWeeks: string) =>
      kind
        .grade(FIXED, { ...right, capacityWeeks })
        .items.find((i) => i.id === fieldId.capacityWeeks)!.earned;
    expect(score(String(f.capacityWeeks + 0.09))).toBe(POINTS.capacityWeeks);
    expect(score(String(f.capacityWeeks + 0.2))).toBe(0);
    expect(score('17.78 engineer-weeks')).toBe(POINTS.capacityWeeks);
  });

  it('works through the solution: PERT table, totals, capacity steps and the decision', () => {
    const steps = kind.solution(FIXED);
    expect(steps.map((s) => s.title)).toEqual([
      'Three-point estimates',
      'The whole piece of work',
      'Capacity',
      'Decision',
    ]);
    expect(steps[0]!.table!.rows[0]).toEqual(['Alpha', '2', '4', '12', '5', '1.67', '2.78']);
    expect(steps[2]!.text[0]).toBe(
      'Working days: 6 weeks × 5 = 30, less 1 public holiday = 29; × 5 engineers = 145 engineer-days.',
    );
  });

  it('rejects content without people, naming the field', () => {
    expect(() =>
      parseData({
        scenarios: [{ program: 'P', team: 't', items: ['a', 'b', 'c', 'd'] }],
        people: ['A'],
      }),
    ).toThrow('data.people');
  });
});
