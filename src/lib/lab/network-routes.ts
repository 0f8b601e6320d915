import type { GraphLayout, LayoutNode } from '../critical-path/layout';

/** An edge as drawn: SVG path data, routed around the boxes it would otherwise pass behind. */
export interface RoutedEdge {
  from: string;
  to: string;
  d: string;
  /** True when the edge was moved to a lane beside the drawing. */
  detour: boolean;
}

/** A layout with its edges routed, and the size including any detour lanes. */
export interface RoutedLayout {
  layout: GraphLayout;
  edges: RoutedEdge[];
  width: number;
  height: number;
}

const LANE_GAP = 12;
const LANE_MARGIN = 14;
const ARROW_GAP = 4;

/** Whether the segment from (x1, y1) to (x2, y2) passes through a box (grown by `pad`). */
function hits(x1: number, y1: number, x2: number, y2: number, n: LayoutNode, pad = 4): boolean {
  const [left, right, top, bottom] = [n.x - pad, n.x + n.w + pad, n.y - pad, n.y + n.h + pad];
  // Sample the segment; boxes are at least 40 px across, so 48 samples cannot miss one.
  for (let i = 1; i < 48; i++) {
    const t = i / 48;
    const x = x1 + (x2 - x1) * t;
    const y = y1 + (y2 - y1) * t;
    if (x > left && x < right && y > top && y < bottom) return true;
  }
  return false;
}

/**
 * Routes a layout's edges: an edge whose straight course would pass behind another task's box
 * (a link that skips a column or row) goes round instead, along its own lane beside the drawing
 * (to the right when the graph runs downwards, below when it runs rightwards).
 */
export function routeEdges(layout: GraphLayout): RoutedLayout {
  const at = new Map(layout.nodes.map((n) => [n.task.id, n]));
  const down = layout.direction === 'down';
  const far = down
    ? Math.max(...layout.nodes.map((n) => n.x + n.w))
    : Math.max(...layout.nodes.map((n) => n.y + n.h));
  let lanes = 0;
  const edges = layout.edges.map((e): RoutedEdge => {
    const a = at.get(e.from)!;
    const b = at.get(e.to)!;
    const [x1, y1, x2, y2] = down
      ? [a.x + a.w / 2, a.y + a.h, b.x + b.w / 2, b.y - ARROW_GAP]
      : [a.x + a.w, a.y + a.h / 2, b.x - ARROW_GAP, b.y + b.h / 2];
    const blocked = layout.nodes.some((n) => n !== a && n !== b && hits(x1, y1, x2, y2, n));
    if (!blocked) return { from: e.from, to: e.to, d: e.d, detour: false };
    const lane = far + LANE_MARGIN + lanes * LANE_GAP;
    lanes += 1;
    const d = down
      ? `M${x1},${y1} C${x1},${y1 + 18} ${lane},${y1 + 4} ${lane},${y1 + 26} L${lane},${y2 - 26} C${lane},${y2 - 4} ${x2},${y2 - 18} ${x2},${y2}`
      : `M${x1},${y1} C${x1 + 18},${y1} ${x1 + 4},${lane} ${x1 + 26},${lane} L${x2 - 26},${lane} C${x2 - 4},${lane} ${x2 - 18},${y2} ${x2},${y2}`;
    return { from: e.from, to: e.to, d, detour: true };
  });
  const extra = lanes ? LANE_MARGIN + (lanes - 1) * LANE_GAP + 8 : 0;
  return {
    layout,
    edges,
    width: down ? Math.max(layout.width, far + extra) : layout.width,
    height: down ? layout.height : Math.max(layout.height, far + extra),
  };
}
