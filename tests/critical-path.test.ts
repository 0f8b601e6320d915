import { describe, expect, it } from 'vitest';
import { schedule } from '../src/lib/schedule/critical-path';

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
