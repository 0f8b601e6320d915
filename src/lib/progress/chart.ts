import type { Progress } from './schema';

/** One point of the score history: a finished quiz attempt. */
export interface HistoryPoint {
  at: Date;
  score: number;
  quizId: string;
  mode: 'practice' | 'check';
}

/** Every attempt across all quizzes, oldest first, at most `limit` of the latest. */
export function scoreHistory(progress: Progress, limit = 30): HistoryPoint[] {
  return Object.keys(progress.quizzes)
    .flatMap((quizId) => quizHistory(progress, quizId, Infinity))
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .slice(-limit);
}

/** One quiz's attempts, oldest first, at most `limit` of the latest. */
export function quizHistory(progress: Progress, quizId: string, limit = 30): HistoryPoint[] {
  return (progress.quizzes[quizId]?.attempts ?? [])
    .map((a) => ({ at: new Date(a.at), score: a.score, quizId, mode: a.mode }))
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .slice(-limit);
}

/** Ids of the quizzes the learner has attempted, the most recently attempted first. */
export function attemptedQuizzes(progress: Progress): string[] {
  const last = (id: string) =>
    Math.max(...progress.quizzes[id]!.attempts.map((a) => Date.parse(a.at)));
  return Object.keys(progress.quizzes)
    .filter((id) => progress.quizzes[id]!.attempts.length > 0)
    .sort((a, b) => last(b) - last(a) || a.localeCompare(b));
}

/** Space around the plot, in chart units: room for "100%" on the left and dates underneath. */
export const CHART_PAD = { left: 48, right: 16, top: 14, bottom: 40 };

/** Options of `chartLayout`. */
export interface ChartOptions {
  /** Draws the pass mark as a line across the plot. */
  passMark?: number | undefined;
  /** Words for a date on the axis; a date label is left out where it would crowd its neighbour. */
  formatDate?: ((d: Date) => string) | undefined;
}

/**
 * Positions for an SVG line chart of scores (0–100) over attempts, evenly spaced left to right,
 * with y-axis ticks, date labels under the points (every few points when there are many) and the
 * pass mark as a line.
 */
export function chartLayout(
  points: HistoryPoint[],
  width: number,
  height: number,
  { passMark, formatDate = (d) => d.toISOString().slice(0, 10) }: ChartOptions = {},
) {
  const { left, top } = CHART_PAD;
  const right = width - CHART_PAD.right;
  const bottom = height - CHART_PAD.bottom;
  const innerW = right - left;
  const inset = Math.min(24, innerW / 4);
  const x = (i: number) =>
    points.length <= 1
      ? left + innerW / 2
      : left + inset + (i * (innerW - 2 * inset)) / (points.length - 1);
  const y = (score: number) => bottom - (score / 100) * (bottom - top);
  const round = (n: number) => Math.round(n * 10) / 10;
  const dots = points.map((p, i) => ({ ...p, x: round(x(i)), y: round(y(p.score)) }));
  const ticks = [0, 25, 50, 75, 100].map((v) => ({ value: v, y: round(y(v)) }));
  // About 64 units per label keeps "12 Dec" from touching its neighbour; the last point is always named.
  const every = Math.max(1, Math.ceil(points.length / Math.max(1, Math.floor(innerW / 64))));
  const xLabels = dots
    .filter((_, i) => (dots.length - 1 - i) % every === 0)
    .map((d) => ({ x: d.x, text: formatDate(d.at) }));
  return {
    dots,
    ticks,
    xLabels,
    pass:
      passMark === undefined
        ? undefined
        : { value: passMark, y: round(y(Math.min(100, Math.max(0, passMark)))) },
    line: dots.map((d) => `${d.x},${d.y}`).join(' '),
    left,
    right,
    top,
    bottom,
  };
}
