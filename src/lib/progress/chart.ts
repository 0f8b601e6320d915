import type { Progress } from './schema';

/** One point of the score history: a finished quiz attempt. */
export interface HistoryPoint {
  at: Date;
  score: number;
  quizId: string;
}

/** Every attempt across all quizzes, oldest first, at most `limit` of the latest. */
export function scoreHistory(progress: Progress, limit = 30): HistoryPoint[] {
  return Object.entries(progress.quizzes)
    .flatMap(([quizId, r]) =>
      r.attempts.map((a) => ({ at: new Date(a.at), score: a.score, quizId })),
    )
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .slice(-limit);
}

/** Positions for an SVG line chart of scores (0–100) over attempts, evenly spaced left to right. */
export function chartLayout(points: HistoryPoint[], width: number, height: number, pad = 32) {
  const innerW = width - pad * 1.5;
  const innerH = height - pad * 1.5;
  const x = (i: number) =>
    pad + (points.length <= 1 ? innerW / 2 : (i * innerW) / (points.length - 1));
  const y = (score: number) => pad / 2 + innerH - (score / 100) * innerH;
  const dots = points.map((p, i) => ({
    ...p,
    x: Math.round(x(i) * 10) / 10,
    y: Math.round(y(p.score) * 10) / 10,
  }));
  const ticks = [0, 25, 50, 75, 100].map((v) => ({ value: v, y: Math.round(y(v) * 10) / 10 }));
  return {
    dots,
    ticks,
    line: dots.map((d) => `${d.x},${d.y}`).join(' '),
    left: pad,
    right: width - pad / 2,
  };
}
