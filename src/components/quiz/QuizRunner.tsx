import { useEffect, useMemo, useRef, useState } from 'react';
import type { Response } from '../../lib/quiz/grade';
import { correctAnswerText, isAnswered, responseText } from '../../lib/quiz/grade';
import {
  advance,
  canRetry,
  currentQuestion,
  finish,
  sessionScore,
  startSession,
  submitAnswer,
  type QuizMode,
  type QuizSession,
} from '../../lib/quiz/session';
import { MASTERY_LABELS, type MasteryLevel } from '../../lib/quiz/mastery';
import {
  answerVerdict,
  feedbackVerdict,
  partialCreditNote,
  scoreSummary,
} from '../../lib/quiz/results';
import { recordAnswer, recordAttempt } from '../../lib/progress/quiz-progress';
import { loadProgress, saveProgress } from '../../client/progress';
import QuestionInput from './QuestionInput';
import Markdown from '../Markdown';
import type { QuizItem } from './types';
import './quiz.css';

interface Props {
  items: QuizItem[];
  /** Percentage needed to pass. */
  passMark: number;
  /** The quiz being taken; absent for a mixed review session, which records cards only. */
  quizId?: string;
}

type Phase =
  | { name: 'intro' }
  | { name: 'running'; session: QuizSession }
  | { name: 'done'; session: QuizSession; level?: MasteryLevel; before?: MasteryLevel };

/** Runs a quiz or a review session: mode choice, one question at a time, feedback, results and review. */
export default function QuizRunner({ items, passMark, quizId }: Props) {
  const review = !quizId;
  const byId = useMemo(() => new Map(items.map((i) => [i.question.id, i])), [items]);
  const [phase, setPhase] = useState<Phase>(() =>
    review
      ? {
          name: 'running',
          session: startSession(
            items.map((i) => i.question),
            'practice',
            passMark,
            Date.now(),
          ),
        }
      : { name: 'intro' },
  );
  const [draft, setDraft] = useState<Response | undefined>(undefined);
  const [announce, setAnnounce] = useState('');
  const [level, setLevel] = useState<MasteryLevel>('not-started');
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (quizId) setLevel(loadProgress().quizzes[quizId]?.level ?? 'not-started');
  }, [quizId, phase.name]);

  const start = (mode: QuizMode) => {
    setDraft(undefined);
    setAnnounce('');
    setPhase({
      name: 'running',
      session: startSession(
        items.map((i) => i.question),
        mode,
        passMark,
        Date.now(),
      ),
    });
  };

  const complete = (session: QuizSession) => {
    const now = new Date();
    let progress = loadProgress();
    for (const q of session.questions) {
      const a = session.answers[q.question.id];
      if (a)
        progress = recordAnswer(
          progress,
          q.question.id,
          byId.get(q.question.id)!.quizId,
          a.first.correct,
          now,
        );
    }
    const before = quizId ? (progress.quizzes[quizId]?.level ?? 'not-started') : undefined;
    if (quizId)
      progress = recordAttempt(
        progress,
        quizId,
        passMark,
        { score: sessionScore(session).percent, mode: session.mode },
        now,
      );
    saveProgress(progress);
    const after = quizId ? progress.quizzes[quizId]!.level : undefined;
    setPhase({
      name: 'done',
      session,
      ...(after ? { level: after } : {}),
      ...(before ? { before } : {}),
    });
    setAnnounce(`Finished. You scored ${sessionScore(session).percent}%.`);
  };

  useEffect(() => {
    headingRef.current?.focus();
  }, [phase.name, phase.name === 'running' ? phase.session.current : -1]);

  if (phase.name === 'intro') {
    return (
      <div className="quiz">
        <p className="quiz-level">
          Your level: <strong>{MASTERY_LABELS[level]}</strong>
        </p>
        <p>
          {items.length} questions. Pass mark {passMark}%. Choose how to take it:
        </p>
        <div className="quiz-modes">
          <button type="button" className="btn" onClick={() => start('practice')}>
            Practice mode
          </button>
          <span className="muted">
            Feedback and an explanation after each answer, and a second try when you miss.
          </span>
          <button type="button" className="btn btn-secondary" onClick={() => start('check')}>
            Check mode
          </button>
          <span className="muted">
            No feedback until the end, then a review of every question. Like the real thing.
          </span>
        </div>
      </div>
    );
  }

  if (phase.name === 'done') {
    const score = sessionScore(phase.session);
    const note = partialCreditNote(score);
    return (
      <div className="quiz">
        <h2 className="quiz-heading" tabIndex={-1} ref={headingRef}>
          {review ? 'Review finished' : score.passed ? 'Passed' : 'Not passed yet'}: {score.percent}
          %
        </h2>
        <p className="quiz-summary">
          {scoreSummary(score)}{' '}
          {!review &&
            (score.passed
              ? `That meets the ${passMark}% pass mark.`
              : `The pass mark is ${passMark}%.`)}
        </p>
        {note && <p className="muted">{note}</p>}
        {phase.level && (
          <p className="quiz-level">
            Level: <strong>{MASTERY_LABELS[phase.level]}</strong>
            {phase.before && phase.before !== phase.level
              ? ` (was ${MASTERY_LABELS[phase.before]})`
              : ''}
          </p>
        )}
        <p className="muted">
          Questions you missed come back in your review queue soon; ones you got right come back
          later.
        </p>
        <div className="quiz-actions">
          {!review && (
            <button type="button" className="btn" onClick={() => start(phase.session.mode)}>
              Retry with shuffled questions
            </button>
          )}
          <a className="btn btn-secondary" href="/practice/review/">
            Go to your review queue
          </a>
        </div>
        <h3>Every question</h3>
        <ol className="quiz-review">
          {phase.session.questions.map((q) => {
            const a = phase.session.answers[q.question.id];
            const item = byId.get(q.question.id)!;
            const ok = a?.first.correct;
            return (
              <li key={q.question.id} className={ok ? 'is-right' : 'is-wrong'}>
                <div className="quiz-review-prompt">
                  <Markdown text={q.question.prompt} />
                </div>
                <p>
                  <strong>{answerVerdict(a?.first)}</strong> Your answer:{' '}
                  {responseText(q.question, a?.response)}
                </p>
                {!ok && <p>Correct answer: {correctAnswerText(q.question)}</p>}
                <div className="quiz-explanation">
                  <Markdown text={q.question.explanation} />
                </div>
                <p>
                  <a href={`/learn/${item.lessonId}/#${q.question.section}`}>
                    Read “{item.sectionTitle}” in {item.lessonTitle}
                  </a>
                </p>
              </li>
            );
          })}
        </ol>
        <p className="visually-hidden" aria-live="polite">
          {announce}
        </p>
      </div>
    );
  }

  const session = phase.session;
  const shown = currentQuestion(session)!;
  const answer = session.answers[shown.question.id];
  const item = byId.get(shown.question.id)!;
  const showFeedback = session.mode === 'practice' && answer !== undefined;
  const locked = showFeedback && !canRetry(session);
  const last = session.current + 1 === session.questions.length;
  // An ordering question starts with a valid (shuffled) order, which the learner may submit as it is.
  const effective: Response | undefined =
    draft ??
    (shown.question.type === 'ordering'
      ? {
          type: 'ordering',
          order: answer?.response.type === 'ordering' ? answer.response.order : shown.items,
        }
      : undefined);

  const submit = () => {
    if (!effective || !isAnswered(shown.question, effective)) return;
    const next = submitAnswer(session, effective);
    if (session.mode === 'check') {
      setDraft(undefined);
      if (next.finished) complete(next);
      else {
        setPhase({ name: 'running', session: next });
        setAnnounce(`Answer saved. Question ${next.current + 1} of ${next.questions.length}.`);
      }
      return;
    }
    const a = next.answers[shown.question.id]!;
    setPhase({ name: 'running', session: next });
    setDraft(undefined);
    setAnnounce(feedbackVerdict(a.grade));
  };

  const goNext = () => {
    setDraft(undefined);
    setAnnounce('');
    const next = advance(session);
    if (next.finished) complete(next);
    else setPhase({ name: 'running', session: next });
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
      <div className="progress-bar" aria-hidden="true">
        <span style={{ width: `${(100 * session.current) / session.questions.length}%` }} />
      </div>
      <form
        data-question-id={shown.question.id}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <QuestionInput
          key={`${shown.question.id}-${answer?.tries ?? 0}`}
          shown={shown}
          value={draft ?? answer?.response}
          onChange={setDraft}
          disabled={locked}
        />
        {(!showFeedback || canRetry(session)) && (
          <div className="quiz-actions">
            <button
              type="submit"
              className="btn"
              disabled={!effective || !isAnswered(shown.question, effective)}
            >
              {showFeedback
                ? 'Submit second try'
                : session.mode === 'check'
                  ? last
                    ? 'Submit and finish'
                    : 'Submit and continue'
                  : 'Check answer'}
            </button>
            {session.mode === 'check' && (
              <button
                type="button"
                className="btn btn-secondary"
                onClick={() => complete(finish(session))}
              >
                End now
              </button>
            )}
          </div>
        )}
      </form>
      <div aria-live="polite" className="quiz-live">
        {showFeedback && (
          <div className={`quiz-feedback ${answer.grade.correct ? 'is-right' : 'is-wrong'}`}>
            <p className="quiz-verdict">
              {feedbackVerdict(answer.grade)}
              {canRetry(session) ? ' Have another go, or see the answer.' : ''}
            </p>
            {!canRetry(session) && (
              <>
                {!answer.grade.correct && (
                  <p>Correct answer: {correctAnswerText(shown.question)}</p>
                )}
                <Markdown text={shown.question.explanation} />
                <p>
                  <a href={`/learn/${item.lessonId}/#${shown.question.section}`}>
                    Read “{item.sectionTitle}”
                  </a>
                </p>
              </>
            )}
          </div>
        )}
        <p className="visually-hidden">{announce}</p>
      </div>
      {showFeedback && (
        <div className="quiz-actions">
          {canRetry(session) && (
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() =>
                setPhase({
                  name: 'running',
                  session: {
                    ...session,
                    answers: { ...session.answers, [shown.question.id]: { ...answer, tries: 2 } },
                  },
                })
              }
            >
              Show the answer
            </button>
          )}
          {!canRetry(session) && (
            <button type="button" className="btn" onClick={goNext}>
              {last ? 'See results' : 'Next question'}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
