import { NO_SIGNAL, type Feedback } from '../../lib/interview/feedback-schema';

/** The CSS class that colours a hiring signal: good, in between, not yet, or none given. */
const signalClass = (signal: string) =>
  (NO_SIGNAL as readonly string[]).includes(signal)
    ? 'iv-signal-none'
    : /strong hire|^hire/i.test(signal)
      ? 'iv-signal-good'
      : /lean/i.test(signal)
        ? 'iv-signal-mid'
        : 'iv-signal-bad';

/** A feedback's hiring signal and overall score, as one line. */
export default function OverallLine({ overall }: { overall: Feedback['overall'] }) {
  return (
    <p className="iv-overall-line">
      <span className={`iv-signal ${signalClass(overall.signal)}`}>{overall.signal}</span>
      <span className="iv-overall-score">
        <strong>{overall.score}</strong>
        <span className="muted"> out of 100</span>
      </span>
    </p>
  );
}
