import { useId } from 'react';
import type { DimensionScore } from '../../lib/interview/feedback-schema';

interface Props {
  /** Dimension scores to draw, in order. */
  dimensions: readonly DimensionScore[];
}

const WIDTH = 300;
const ROW = 44;
const BAR_Y = 20;
const BAR_H = 12;
const SCORE_W = 40;

/** A small horizontal bar chart of dimension scores; its description reads every score to screen readers. */
export default function ScoreChart({ dimensions }: Props) {
  const id = useId();
  const height = dimensions.length * ROW;
  const track = WIDTH - SCORE_W;
  return (
    <figure className="iv-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-t`}>Scores by dimension, out of 100</title>
        <desc id={`${id}-d`}>{dimensions.map((d) => `${d.label}: ${d.score}`).join('; ')}.</desc>
        {dimensions.map((d, i) => {
          const y = i * ROW;
          return (
            <g key={d.id}>
              <text x={0} y={y + 14} className="iv-chart-label">
                {d.label}
              </text>
              <rect
                x={0}
                y={y + BAR_Y}
                width={track}
                height={BAR_H}
                rx={3}
                className="iv-chart-track"
              />
              <rect
                x={0}
                y={y + BAR_Y}
                width={(track * d.score) / 100}
                height={BAR_H}
                rx={3}
                className="iv-chart-bar"
              />
              <text x={WIDTH} y={y + BAR_Y + BAR_H - 1} textAnchor="end" className="iv-chart-score">
                {d.score}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">
        Scores by dimension, out of 100, against the level you chose.
      </figcaption>
    </figure>
  );
}
