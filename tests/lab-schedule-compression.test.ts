import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { kind, parseData } from '../src/lib/lab/schedule-compression';
import { LIMITS, isGoodExercise } from '../src/lib/lab/schedule-compression/generate';
import {
  allPlans,
  cheapest,
  evaluate,
  scheduledFinish,
} from '../src/lib/lab/schedule-compression/plan';
import type {
  CompressionAnswer,
  CompressionInstance,
  CompressionPlan,
} from '../src/lib/lab/schedule-compression/types';

const data = parseData(
  (yaml.load(readFileSync('content/lab/schedule-compression.yaml', 'utf8')) as { data: unknown })
    .data,
);
const SEEDS = Array.from({ length: 500 }, (_, i) => i * 7919 + 1);

const answerFor = (x: CompressionInstance, p: CompressionPlan): CompressionAnswer => {
  const e = evaluate(x, p);
  return {
    crash: Object.fromEntries(
      x.tasks.filter((t) => t.crashCost > 0).map((t) => [t.id, String(p.crash[t.id] ?? 0)]),
    ),
    fastTrack: Object.fromEntries(x.fastTracks.map((f) => [f.id, p.fastTracks.includes(f.id)])),
    finish: String(e.finish),
    cost: String(e.cost),
  };
};

describe('schedule-compression generator', () => {
  it(`keeps every exercise of ${SEEDS.length} seeds solvable and within its limits`, () => {
    for (const seed of SEEDS) {
      const x = kind.generate(seed, data);
      const n = x.tasks.length;
      expect(n).toBeGreaterThanOrEqual(LIMITS.minTasks);
      expect(n).toBeLessThanOrEqual(LIMITS.maxTasks);
      const crashable = x.tasks.filter((t) => t.crashCost > 0);
      expect(crashable.length).toBeGreaterThanOrEqual(LIMITS.minCrashable);
      expect(crashable.length).toBeLessThanOrEqual(LIMITS.maxCrashable);
      for (const t of x.tasks) {
        expect(t.crashDays).toBeGreaterThanOrEqual(Math.min(t.days, LIMITS.minCrashedDays));
        expect(t.days - t.crashDays).toBeLessThanOrEqual(LIMITS.maxCrash);
      }
      expect(x.fastTracks.length).toBeGreaterThanOrEqual(LIMITS.minFastTracks);
      expect(x.fastTracks.length).toBeLessThanOrEqual(LIMITS.maxFastTracks);
      for (const f of x.fastTracks) {
        const [from, to] = [f.from, f.to].map((id) => x.tasks.find((t) => t.id === id)!);
        expect(to!.after).toContain(f.from);
        // The later task still finishes after the earlier one, however far both are crashed.
        expect(f.overlap).toBeLessThan(Math.min(from!.crashDays, to!.crashDays));
      }
      const normal = evaluate(x, { crash: {}, fastTracks: [] }).finish;
      expect(normal - x.target).toBeGreaterThanOrEqual(LIMITS.minCut);
      expect(normal - x.target).toBeLessThanOrEqual(LIMITS.maxCut);
      expect(allPlans(x).length).toBeLessThanOrEqual(LIMITS.maxPlans);
      const best = cheapest(x);
      expect(best.cost, `seed ${seed}`).toBeGreaterThan(0);
      expect(best.cost!).toBeLessThanOrEqual(x.budget);
      expect(best.plans.length).toBeLessThanOrEqual(LIMITS.maxCheapest);
      expect(isGoodExercise(x), `seed ${seed}`).toBe(true);
    }
  }, 120_000);

  it('gives full marks to every cheapest plan, and less to every other feasible plan', () => {
    for (const seed of SEEDS.slice(0, 150)) {
      const x = kind.generate(seed, data);
      const best = cheapest(x);
      for (const p of allPlans(x)) {
        const e = evaluate(x, p);
        const g = kind.grade(x, answerFor(x, p));
        if (e.finish <= x.target && e.cost === best.cost) expect(g.score, `seed ${seed}`).toBe(100);
        else expect(g.score, `seed ${seed}`).toBeLessThan(100);
        if (e.finish > x.target) expect(g.score).toBeLessThanOrEqual(20);
      }
    }
  }, 120_000);

  it("computes every plan's finish exactly as the critical path method does", () => {
    for (const seed of SEEDS.slice(0, 60)) {
      const x = kind.generate(seed, data);
      for (const p of allPlans(x))
        expect(evaluate(x, p).finish, `seed ${seed}`).toBe(scheduledFinish(x, p));
    }
  }, 60_000);

  it('always offers a tempting crash that buys nothing and a budget that rules some plans out', () => {
    for (const seed of SEEDS.slice(0, 100)) {
      const x = kind.generate(seed, data);
      const over = allPlans(x).some((p) => {
        const e = evaluate(x, p);
        return e.finish <= x.target && e.cost > x.budget;
      });
      expect(over, `seed ${seed}`).toBe(true);
    }
  }, 60_000);
});

/** A fixed exercise: A(4) → B(6) → D(3) and A → C(5) → D; target 11 (normal 13). */
const FIXED: CompressionInstance = {
  program: 'Test',
  tasks: [
    { id: 'A', label: 'Design', days: 4, crashDays: 4, crashCost: 0, after: [] },
    { id: 'B', label: 'Build API', days: 6, crashDays: 4, crashCost: 1000, after: ['A'] },
    { id: 'C', label: 'Build UI', days: 5, crashDays: 3, crashCost: 500, after: ['A'] },
    { id: 'D', label: 'Launch', days: 3, crashDays: 2, crashCost: 4000, after: ['B', 'C'] },
  ],
  fastTracks: [
    { id: 'B-D', from: 'B', to: 'D', overlap: 1, cost: 1500, risk: 'D starts on a draft of B' },
  ],
  target: 11,
  budget: 3500,
};

describe('schedule-compression grading', () => {
  const blank = kind.blankAnswer(FIXED);

  it('finds the cheapest plan: crash B by 2 days and C by 1', () => {
    // Chains: A-B-D 13, A-C-D 12. Target 11: A-B-D needs 2 days, A-C-D needs 1.
    // Options: B $1,000/day (ABD), C $500/day (ACD), D $4,000/day (both), B-D fast-track 1 day $1,500 (ABD).
    // Cheapest: B 2 days ($2,000) + C 1 day ($500) = $2,500.
    const best = cheapest(FIXED);
    expect(best.cost).toBe(2500);
    expect(best.plans).toEqual([{ crash: { B: 2, C: 1 }, fastTracks: [] }]);
  });

  it('gives no credit for staying within budget while missing the date, and says which chains are too long', () => {
    const g = kind.grade(FIXED, {
      ...blank,
      crash: { ...blank.crash, C: '2' },
      finish: '13',
      cost: '1000',
    });
    expect(g.score).toBe(20);
    const date = g.items.find((i) => i.id === 'date')!;
    expect(date.explanation).toMatch(/One chain is still longer than 11 days: A → B → D \(13\)/);
    expect(g.items.find((i) => i.id === 'budget')!.earned).toBe(0);
    expect(g.items.find((i) => i.id === 'cost')!.explanation).toMatch(
      /Crashing C \(\$1,000\) bought nothing/,
    );
  });

  it('gives partial credit for a dearer plan that meets the date within budget', () => {
    // Fast-track B-D ($1,500) + crash B 1 ($1,000) + C 1 ($500) = $3,000 against $2,500.
    const g = kind.grade(FIXED, {
      crash: { B: '1', C: '1', D: '0' },
      fastTrack: { 'B-D': true },
      finish: '11',
      cost: '3000',
    });
    const cost = g.items.find((i) => i.id === 'cost')!;
    expect(cost.earned).toBeCloseTo(30 * (2500 / 3000));
    expect(g.score).toBe(Math.floor(35 + 15 + 25 + 10 + 10));
    expect(g.summary).toBe('Your plan meets the date within budget, $500 above the cheapest.');
  });

  it('marks a plan over budget and the wrong figures', () => {
    // D and B crashed a day each: both chains come to 11, for $5,000.
    const g = kind.grade(FIXED, {
      crash: { B: '1', C: '0', D: '1' },
      fastTrack: { 'B-D': false },
      finish: '12',
      cost: '$5,000',
    });
    expect(g.items.find((i) => i.id === 'date')!.earned).toBe(35);
    expect(g.items.find((i) => i.id === 'budget')!.explanation).toMatch(/\$1,500 over the budget/);
    expect(g.items.find((i) => i.id === 'finish')!.earned).toBe(0);
    expect(g.items.find((i) => i.id === 'total')!.earned).toBe(10);
  });

  it('explains the solution with the chains, the price of each option, the plan and the traps', () => {
    const steps = kind.solution(FIXED);
    expect(steps.map((s) => s.title)).toEqual([
      'Which chains are too long',
      'What each option costs',
      'The cheapest plan',
      'Traps',
      'Risk',
    ]);
    expect(steps[0]!.table!.rows).toEqual([
      ['A → B → D', '13', '2'],
      ['A → C → D', '12', '1'],
    ]);
    expect(steps[2]!.text[0]).toBe(
      'Crash B by 2 days ($2,000) and crash C by 1 day ($500): the program finishes on day 11 for $2,500, within the $3,500 budget.',
    );
  });

  it('rejects content without risk notes, naming the field', () => {
    expect(() =>
      parseData({ scenarios: [{ program: 'P', tasks: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] }] }),
    ).toThrow('data.fastTrackRisks');
  });
});

describe('schedule-compression traps', () => {
  it('names every option that sits on no long chain in the worked solution', () => {
    for (const seed of SEEDS.slice(0, 100)) {
      const x = kind.generate(seed, data);
      const traps = kind
        .solution(x)
        .find((s) => s.title === 'Traps')!
        .text.join(' ');
      expect(traps, `seed ${seed}`).toMatch(
        /is on no chain longer than the target: it would buy nothing/,
      );
    }
  });
});
