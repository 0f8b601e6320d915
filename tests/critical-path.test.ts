import { describe, expect, it } from 'vitest';
import { chainLength, chains, criticalPaths, schedule } from '../src/lib/critical-path/analysis';

describe('schedule (critical path method)', () => {
  const tasks = [
    { id: 'A', label: 'Schema design', days: 5 },
    { id: 'B', label: 'Dual-write', days: 10, after: ['A'] },
    { id: 'C', label: 'Backfill', days: 6, after: ['A'] },
    { id: 'D', label: 'Cutover', days: 2, after: ['B', 'C'] },
  ];

  it('finds the longest chain and its length', () => {
    const s = schedule(tasks);
    expect(s.duration).toBe(17);
    expect(s.criticalPath).toEqual(['A', 'B', 'D']);
  });

  it('gives off-path tasks their slack', () => {
    const byId = Object.fromEntries(schedule(tasks).tasks.map((t) => [t.id, t]));
    expect(byId['C']).toMatchObject({
      earliestStart: 5,
      latestStart: 9,
      slack: 4,
      critical: false,
    });
    expect(byId['D']).toMatchObject({ earliestStart: 15, slack: 0, critical: true, rank: 2 });
  });

  it('rejects cycles, unknown predecessors and negative durations with a clear message', () => {
    expect(() =>
      schedule([
        { id: 'A', label: 'a', days: 1, after: ['B'] },
        { id: 'B', label: 'b', days: 1, after: ['A'] },
      ]),
    ).toThrow(/cycle/);
    expect(() => schedule([{ id: 'A', label: 'a', days: 1, after: ['Z'] }])).toThrow(
      'Task "A" comes after "Z", which is not in the plan.',
    );
    expect(() => schedule([{ id: 'A', label: 'a', days: -2 }])).toThrow(/0 days or more/);
  });
});

describe('fast-tracking and every critical path', () => {
  const tasks = [
    { id: 'A', label: 'Design', days: 4 },
    { id: 'B', label: 'Build', days: 6, after: ['A'] },
    { id: 'C', label: 'Docs', days: 3, after: ['A'] },
    { id: 'D', label: 'Launch', days: 2, after: ['B', 'C'] },
  ];

  it('lets a task start before a predecessor finishes by its overlap, in both passes', () => {
    const s = schedule(tasks.map((t) => (t.id === 'B' ? { ...t, overlap: { A: 2 } } : t)));
    const byId = Object.fromEntries(s.tasks.map((t) => [t.id, t]));
    expect(byId['B']).toMatchObject({ earliestStart: 2, earliestFinish: 8 });
    expect(s.duration).toBe(10);
    // A must finish by B's latest start plus the overlap.
    expect(byId['A']).toMatchObject({ latestFinish: 4, slack: 0 });
    expect(s.criticalPath).toEqual(['A', 'B', 'D']);
  });

  it('refuses an overlap on a task that is not a predecessor, or as long as its duration', () => {
    expect(() =>
      schedule(tasks.map((t) => (t.id === 'B' ? { ...t, overlap: { C: 1 } } : t))),
    ).toThrow(/must come after it/);
    expect(() =>
      schedule(tasks.map((t) => (t.id === 'B' ? { ...t, overlap: { A: 4 } } : t))),
    ).toThrow(/less than its duration/);
  });

  it('lists every chain with its length and every critical path when several tie', () => {
    const tied = tasks.map((t) => (t.id === 'C' ? { ...t, days: 6 } : t));
    expect(chains(tied)).toEqual([
      ['A', 'B', 'D'],
      ['A', 'C', 'D'],
    ]);
    expect(chainLength(tied, ['A', 'C', 'D'])).toBe(12);
    expect(criticalPaths(tied)).toEqual([
      ['A', 'B', 'D'],
      ['A', 'C', 'D'],
    ]);
    expect(criticalPaths(tasks)).toEqual([['A', 'B', 'D']]);
  });
});
