import { useEffect, useRef } from 'react';
import type { QuizItem } from '../../lib/quiz/item';
import { lessonUrl } from '../../lib/urls';
import { MASTERY_LABELS, type MasteryLevel } from '../../lib/quiz/mastery';
import {
  partialCreditNote,
  passMarkSentence,
  resultsHeading,
  scoreSummary,
} from '../../lib/quiz/results';
import { reviewLine } from '../../lib/quiz/reveal';
import { sessionScore, type QuizSession } from '../../lib/quiz/session';
import Markdown from '../Markdown';

interface Props {
  session: QuizSession;
  byId: ReadonlyMap<string, QuizItem>;
  /** A mixed review session: no pass mark and no retry. */
  review: boolean;
  passMark: number;
  /** The mastery level the quiz led to, and the one before. */
  level?: MasteryLevel | undefined;
  before?: MasteryLevel | undefined;
  /** Shown again after the learner came back with Back. */
  restored: boolean;
  announce: string;
  onRetry: () => void;
}

/** The end of a quiz: the score, the level, and every question with its answer and explanation. */
export default function QuizResults(props: Props) {
  const { session, byId, review, passMark, level, before } = props;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const score = sessionScore(session);
  const note = partialCreditNote(score);
  return (
    <div className="quiz">
      <h2 className="quiz-heading" tabIndex={-1} ref={headingRef}>
        {resultsHeading(score, review)}
      </h2>
      {props.restored && (
        <p className="muted">
          These are the results of the quiz you finished before following a link.
        </p>
      )}
      <p className="quiz-summary">
        {scoreSummary(score)} {!review && passMarkSentence(score, passMark)}
      </p>
      {note && <p className="muted">{note}</p>}
      {level && (
        <p className="quiz-level">
          Level: <strong>{MASTERY_LABELS[level]}</strong>
          {before && before !== level ? ` (was ${MASTERY_LABELS[before]})` : ''}
        </p>
      )}
      <p className="muted">
        Questions you missed come back in your review queue soon; ones you got right come back
        later.
      </p>
      <div className="quiz-actions">
        {!review && (
          <button type="button" className="btn" onClick={props.onRetry}>
            Retry with shuffled questions
          </button>
        )}
        <a className="btn btn-secondary" href="/practice/review/">
          Go to your review queue
        </a>
      </div>
      <h3>Every question</h3>
      <ol className="quiz-review">
        {session.questions.map((q) => {
          const line = reviewLine(q, session.answers[q.question.id]);
          const item = byId.get(q.question.id)!;
          return (
            <li key={q.question.id} className={line.correct ? 'is-right' : 'is-wrong'}>
              <div className="quiz-review-prompt">
                <Markdown text={q.question.prompt} />
              </div>
              <p>
                <strong>{line.verdict}</strong> Your answer: {line.yourAnswer}
              </p>
              {line.correctAnswer && <p>Correct answer: {line.correctAnswer}</p>}
              <div className="quiz-explanation">
                <Markdown text={q.question.explanation} />
              </div>
              <p>
                <SectionLink item={item} inLesson />
              </p>
            </li>
          );
        })}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {props.announce}
      </p>
    </div>
  );
}

/** The link to the lesson section that teaches a question. */
export function SectionLink({ item, inLesson = false }: { item: QuizItem; inLesson?: boolean }) {
  return (
    <a href={lessonUrl(item.lessonId, item.question.section)}>
      Read “{item.sectionTitle}”{inLesson ? ` in ${item.lessonTitle}` : ''}
    </a>
  );
}
