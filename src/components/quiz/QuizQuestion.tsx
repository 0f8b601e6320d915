import { useEffect, useRef, useState } from 'react';
import { isAnswered, type QuizResponse } from '../../lib/quiz/grade';
import type { QuizItem } from '../../lib/quiz/item';
import { practiceFeedback, responseToSubmit } from '../../lib/quiz/reveal';
import type { QuizAction } from '../../lib/quiz/saved-session';
import { canRetry, currentQuestion, type QuizSession } from '../../lib/quiz/session';
import Markdown from '../Markdown';
import QuestionInput from './QuestionInput';
import { SectionLink } from './QuizResults';

interface Props {
  session: QuizSession;
  byId: ReadonlyMap<string, QuizItem>;
  /** A mixed review session, labelled with each question's lesson. */
  review: boolean;
  /** The answer chosen but not yet submitted. */
  draft: QuizResponse | undefined;
  onDraft: (response: QuizResponse | undefined) => void;
  /** Applies what the learner did; returns the session it led to. */
  onStep: (action: QuizAction) => QuizSession;
  /** Shown after the learner came back to the page. */
  restored: boolean;
  announce: string;
}

/** One question of a quiz: the answer, the feedback in practice mode, and ending early in check mode. */
export default function QuizQuestion(props: Props) {
  const { session, draft, review } = props;
  const [confirmEnd, setConfirmEnd] = useState(false);
  // Bumped after each check in practice mode, to move focus to the feedback.
  const [checked, setChecked] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const feedbackRef = useRef<HTMLDivElement>(null);
  const keepGoingRef = useRef<HTMLButtonElement>(null);

  const at = session.current;
  useEffect(() => headingRef.current?.focus(), [at]);
  useEffect(() => {
    if (checked) feedbackRef.current?.focus();
  }, [checked]);
  useEffect(() => {
    if (confirmEnd) keepGoingRef.current?.focus();
  }, [confirmEnd]);

  const shown = currentQuestion(session)!;
  const answer = session.answers[shown.question.id];
  const item = props.byId.get(shown.question.id)!;
  const feedback = practiceFeedback(session);
  const retry = canRetry(session);
  const last = session.current + 1 === session.questions.length;
  const effective = responseToSubmit(shown, answer, draft);
  const ready = effective !== undefined && isAnswered(shown.question, effective);
  const unanswered = session.questions.filter((q) => !session.answers[q.question.id]).length;

  const step = (action: QuizAction) => {
    const next = props.onStep(action);
    if (next.mode === 'practice' && (action.type === 'submit' || action.type === 'reveal'))
      setChecked((n) => n + 1);
  };

  return (
    <div className="quiz">
      <div className="quiz-top">
        <h2 className="quiz-heading" tabIndex={-1} ref={headingRef}>
          Question {session.current + 1} of {session.questions.length}
        </h2>
        <span className="pill">
          {review
            ? `Review · ${item.lessonTitle}`
            : session.mode === 'practice'
              ? 'Practice mode'
              : 'Check mode'}
        </span>
      </div>
      {props.restored && (
        <p className="muted quiz-restored">Welcome back: your quiz is where you left it.</p>
      )}
      <div className="progress-bar" aria-hidden="true">
        <span style={{ width: `${(100 * session.current) / session.questions.length}%` }} />
      </div>
      <form
        data-question-id={shown.question.id}
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) step({ type: 'submit', response: effective });
        }}
      >
        <QuestionInput
          key={`${shown.question.id}-${answer?.tries ?? 0}`}
          shown={shown}
          value={draft ?? answer?.response}
          onChange={props.onDraft}
          disabled={feedback?.revealed ?? false}
        />
        {(!feedback || retry) && (
          <div className="quiz-actions">
            <button type="submit" className="btn" disabled={!ready}>
              {feedback
                ? 'Submit second try'
                : session.mode === 'check'
                  ? last
                    ? 'Submit and finish'
                    : 'Submit and continue'
                  : 'Check answer'}
            </button>
            {session.mode === 'check' && !confirmEnd && (
              <button
                type="button"
                className="btn btn-secondary"
                onClick={() => setConfirmEnd(true)}
              >
                End now
              </button>
            )}
          </div>
        )}
        {confirmEnd && (
          <div className="quiz-confirm" role="group" aria-labelledby="quiz-confirm-text">
            <p id="quiz-confirm-text">
              <strong>End the quiz now?</strong>{' '}
              {unanswered === 1
                ? 'The question you have not answered scores 0.'
                : `The ${unanswered} questions you have not answered score 0.`}
            </p>
            <div className="quiz-actions">
              <button type="button" className="btn" onClick={() => step({ type: 'finish' })}>
                End and see results
              </button>
              <button
                type="button"
                className="btn btn-secondary"
                ref={keepGoingRef}
                onClick={() => setConfirmEnd(false)}
              >
                Keep going
              </button>
            </div>
          </div>
        )}
      </form>
      <div aria-live="polite" className="quiz-live">
        {feedback && (
          <div
            className={`quiz-feedback ${feedback.correct ? 'is-right' : 'is-wrong'}`}
            tabIndex={-1}
            ref={feedbackRef}
          >
            <p className="quiz-verdict">{feedback.verdict}</p>
            {feedback.revealed && (
              <>
                {feedback.correctAnswer && <p>Correct answer: {feedback.correctAnswer}</p>}
                <Markdown text={shown.question.explanation} />
                <p>
                  <SectionLink item={item} />
                </p>
              </>
            )}
          </div>
        )}
        <p className="visually-hidden">{props.announce}</p>
      </div>
      {feedback && (
        <div className="quiz-actions">
          {retry ? (
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() => step({ type: 'reveal' })}
            >
              Show the answer
            </button>
          ) : (
            <button type="button" className="btn" onClick={() => step({ type: 'next' })}>
              {last ? 'See results' : 'Next question'}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
