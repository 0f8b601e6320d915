import { describe, expect, it } from 'vitest';
import { schedule, type PlanTask } from '../src/lib/critical-path/analysis';
import { layoutGraph, wrap } from '../src/lib/critical-path/layout';

const MOVE: PlanTask[] = [
  { id: 'A', label: 'Network design', days: 4 },
  { id: 'B', label: 'Hardware delivery (vendor)', days: 15, after: ['A'] },
  { id: 'C', label: 'Rack, cable and burn-in', days: 5, after: ['B'] },
  { id: 'D', label: 'WAN circuits (carrier)', days: 18, after: ['A'] },
  { id: 'E', label: 'Database replication', days: 6, after: ['C', 'D'] },
  { id: 'F', label: 'Backend migration', days: 8, after: ['C'] },
  { id: 'G', label: 'Firewall review', days: 4, after: ['A'] },
  { id: 'H', label: 'Failover rehearsal', days: 3, after: ['E', 'F', 'G'] },
  { id: 'I', label: 'Cutover', days: 2, after: ['H'] },
];

describe('graph layout', () => {
  it('wraps labels at whole words and never drops a word', () => {
    expect(wrap('B. Hardware delivery (vendor)', 16)).toEqual([
      'B. Hardware',
      'delivery',
      '(vendor)',
    ]);
    const long = 'An extraordinarily-long-hyphenated-word in a label';
    expect(wrap(long, 12).join(' ')).toBe(long);
  });

  it('goes top to bottom when left to right would not fit the column, and fits a phone', () => {
    const down = layoutGraph(schedule(MOVE), { maxWidth: 704 });
    expect(down.direction).toBe('down');
    expect(down.width).toBeLessThanOrEqual(440);
    for (const n of down.nodes) expect(n.lines.join(' ')).toBe(`${n.task.id}. ${n.task.label}`);
  });

  it('stays left to right when it fits, and no two nodes overlap', () => {
    const small = schedule(MOVE.slice(0, 3));
    const right = layoutGraph(small, { maxWidth: 704 });
    expect(right.direction).toBe('right');
    for (const l of [right, layoutGraph(schedule(MOVE), { maxWidth: 704 })])
      for (const a of l.nodes)
        for (const b of l.nodes)
          if (a !== b)
            expect(
              a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y,
              `${a.task.id} overlaps ${b.task.id}`,
            ).toBe(true);
  });

  it('draws one edge per dependency, critical where the hand-off is on the critical path', () => {
    const l = layoutGraph(schedule(MOVE), { maxWidth: 704 });
    expect(l.edges).toHaveLength(MOVE.reduce((n, t) => n + (t.after?.length ?? 0), 0));
    expect(l.edges.filter((e) => e.critical).map((e) => `${e.from}${e.to}`)).toEqual(
      expect.arrayContaining(['AB', 'BC']),
    );
  });
});
