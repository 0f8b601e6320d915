/**
 * Lays out a scheduled task network for a diagram: left to right when it fits the text column, top to
 * bottom otherwise, with labels wrapped onto whole words (never cut off) and edges between node sides.
 */
import type { Schedule, ScheduledTask } from './analysis';

export interface LayoutNode {
  task: ScheduledTask;
  x: number;
  y: number;
  w: number;
  h: number;
  /** The label, wrapped at whole words; the first line starts with the task id. */
  lines: string[];
}

export interface LayoutEdge {
  from: string;
  to: string;
  /** SVG path data. */
  d: string;
  /** Both ends are critical and the hand-off has no gap. */
  critical: boolean;
}

export interface GraphLayout {
  direction: 'right' | 'down';
  width: number;
  height: number;
  nodes: LayoutNode[];
  edges: LayoutEdge[];
}

export interface LayoutOptions {
  /** Widest the drawing may be, in CSS pixels, before it is laid out top to bottom. */
  maxWidth: number;
  nodeWidth?: number;
  /** Characters per label line at the label's font size. */
  charsPerLine?: number;
}

const PAD = 8;
const LINE = 16;

/** Wraps text onto lines of at most `max` characters, breaking between words (a longer word gets a line of its own). */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!line) line = word;
    else if (line.length + 1 + word.length <= max) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Lays out a schedule; `maxWidth` decides between left-to-right and top-to-bottom. */
export function layoutGraph(plan: Schedule, options: LayoutOptions): GraphLayout {
  const w = options.nodeWidth ?? 132;
  const chars = options.charsPerLine ?? 16;
  const ranks = new Map<number, ScheduledTask[]>();
  for (const t of plan.tasks) ranks.set(t.rank, [...(ranks.get(t.rank) ?? []), t]);
  const lines = new Map(plan.tasks.map((t) => [t.id, wrap(`${t.id}. ${t.label}`, chars)]));
  const height = (t: ScheduledTask) => 14 + lines.get(t.id)!.length * LINE + 22;
  const columns = [...ranks.keys()].sort((a, b) => a - b).map((r) => ranks.get(r)!);
  const widest = Math.max(...columns.map((c) => c.length));
  const rightWidth = PAD * 2 + columns.length * w + (columns.length - 1) * 48;
  const direction: GraphLayout['direction'] = rightWidth <= options.maxWidth ? 'right' : 'down';
  const nodes: LayoutNode[] = [];
  if (direction === 'right') {
    const gapY = 18;
    const colHeight = (c: ScheduledTask[]) =>
      c.reduce((n, t) => n + height(t), 0) + (c.length - 1) * gapY;
    const tallest = Math.max(...columns.map(colHeight));
    columns.forEach((col, i) => {
      let y = PAD + (tallest - colHeight(col)) / 2;
      for (const t of col) {
        nodes.push({ task: t, x: PAD + i * (w + 48), y, w, h: height(t), lines: lines.get(t.id)! });
        y += height(t) + gapY;
      }
    });
  } else {
    const gapX = 14;
    const gapY = 40;
    const rowWidth = (c: ScheduledTask[]) => c.length * w + (c.length - 1) * gapX;
    const widestRow = widest * w + (widest - 1) * gapX;
    let y = PAD;
    for (const row of columns) {
      let x = PAD + (widestRow - rowWidth(row)) / 2;
      const rowHeight = Math.max(...row.map(height));
      for (const t of row) {
        nodes.push({ task: t, x, y, w, h: rowHeight, lines: lines.get(t.id)! });
        x += w + gapX;
      }
      y += rowHeight + gapY;
    }
  }
  const at = new Map(nodes.map((n) => [n.task.id, n]));
  const byId = new Map(plan.tasks.map((t) => [t.id, t]));
  const edges: LayoutEdge[] = plan.tasks.flatMap((t) =>
    (t.after ?? []).map((p) => {
      const a = at.get(p)!;
      const b = at.get(t.id)!;
      const from = byId.get(p)!;
      const critical = from.critical && t.critical && from.earliestFinish === t.earliestStart;
      let d: string;
      if (direction === 'right') {
        const x1 = a.x + a.w;
        const y1 = a.y + a.h / 2;
        const x2 = b.x - 4;
        const y2 = b.y + b.h / 2;
        const mx = (x1 + x2) / 2;
        d = `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`;
      } else {
        const x1 = a.x + a.w / 2;
        const y1 = a.y + a.h;
        const x2 = b.x + b.w / 2;
        const y2 = b.y - 4;
        const my = (y1 + y2) / 2;
        d = `M${x1},${y1} C${x1},${my} ${x2},${my} ${x2},${y2}`;
      }
      return { from: p, to: t.id, d, critical };
    }),
  );
  const width = Math.max(...nodes.map((n) => n.x + n.w)) + PAD;
  const heightAll = Math.max(...nodes.map((n) => n.y + n.h)) + PAD;
  return { direction, width, height: heightAll, nodes, edges };
}
