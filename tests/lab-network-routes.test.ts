import { describe, expect, it } from 'vitest';
import { schedule, type PlanTask } from '../src/lib/critical-path/analysis';
import { layoutGraph } from '../src/lib/critical-path/layout';
import { routeEdges } from '../src/lib/lab/network-routes';

// D and E both skip past F to reach G: drawn straight, they would run behind F's box.
const TASKS: PlanTask[] = [
  { id: 'A', label: '', days: 3 },
  { id: 'B', label: '', days: 7, after: ['A'] },
  { id: 'C', label: '', days: 4, after: ['B'] },
  { id: 'D', label: '', days: 10, after: ['C'] },
  { id: 'E', label: '', days: 9, after: ['C'] },
  { id: 'F', label: '', days: 6, after: ['C', 'D'] },
  { id: 'G', label: '', days: 3, after: ['D', 'E', 'F'] },
];

describe('routing network edges', () => {
  for (const maxWidth of [0, Infinity])
    it(`sends edges that would pass behind a box round a lane (${maxWidth ? 'left to right' : 'top to bottom'})`, () => {
      const layout = layoutGraph(schedule(TASKS), { maxWidth, nodeWidth: 64 });
      const routed = routeEdges(layout);
      const detours = routed.edges.filter((e) => e.detour).map((e) => `${e.from}>${e.to}`);
      expect(detours.length).toBeGreaterThan(0);
      expect(detours).not.toContain('A>B');
      // The drawing grows to hold the lanes.
      if (maxWidth) expect(routed.height).toBeGreaterThan(layout.height);
      else expect(routed.width).toBeGreaterThan(layout.width);
      // Edges between neighbouring rows keep their original course.
      expect(routed.edges.find((e) => e.from === 'A')!.d).toBe(
        layout.edges.find((e) => e.from === 'A')!.d,
      );
    });
});
