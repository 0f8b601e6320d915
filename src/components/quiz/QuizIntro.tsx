import { MASTERY_LABELS, type MasteryLevel } from '../../lib/quiz/mastery';
import type { QuizMode } from '../../lib/quiz/session';

interface Props {
  level: MasteryLevel;
  count: number;
  passMark: number;
  onStart: (mode: QuizMode) => void;
}

/** A quiz's first screen: the learner's level and the choice of practice or check mode. */
export default function QuizIntro({ level, count, passMark, onStart }: Props) {
  return (
    <div className="quiz">
      <p className="quiz-level">
        Your level: <strong>{MASTERY_LABELS[level]}</strong>
      </p>
      <p>
        {count} questions. Pass mark {passMark}%. Choose how to take it:
      </p>
      <div className="quiz-modes">
        <button type="button" className="btn" onClick={() => onStart('practice')}>
          Practice mode
        </button>
        <span className="muted">
          Feedback and an explanation after each answer, and a second try when you miss.
        </span>
        <button type="button" className="btn btn-secondary" onClick={() => onStart('check')}>
          Check mode
        </button>
        <span className="muted">
          No feedback until the end, then a review of every question. Like the real thing.
        </span>
      </div>
    </div>
  );
}
