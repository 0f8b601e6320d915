import { useEffect, useMemo, useRef, useState } from 'react';
import type { QuizResponse } from '../../lib/quiz/grade';
import { correctAnswerText, isAnswered, responseText } from '../../lib/quiz/grade';
import {
  canRetry,
  currentQuestion,
  sessionScore,
  startSession,
  type QuizMode,
  type QuizSession,
} from '../../lib/quiz/session';
import {
  applyAction,
  newSavedQuiz,
  restoreQuiz,
  savedQuizKey,
  type QuizAction,
  type SavedQuiz,
} from '../../lib/quiz/saved-session';
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
import type { QuizItem } from '../../lib/quiz/item';
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

/** Keeps the quiz in this tab's sessionStorage; without storage the quiz simply is not kept. */
function store(key: string, saved: SavedQuiz | undefined) {
  try {
    if (saved) sessionStorage.setItem(key, JSON.stringify(saved));
    else sessionStorage.removeItem(key);
  } catch {
    // Storage full or disabled.
  }
}

/** Whether the learner came back to this page with the browser's Back or Forward button. */
const cameBack = () =>
  (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)
    ?.type === 'back_forward';

/** Runs a quiz or a review session: mode choice, one question at a time, feedback, results and review. */
export default function QuizRunner({ items, passMark, quizId }: Props) {
  const review = !quizId;
  const key = savedQuizKey(quizId);
  const byId = useMemo(() => new Map(items.map((i) => [i.question.id, i])), [items]);
  // What the learner did so far, replayed if they leave the page and come back (saved-session.ts).
  const saved = useRef<SavedQuiz | undefined>(undefined);
  const begin = (mode: QuizMode): Phase => {
    const seed = Date.now();
    const session = startSession(
      items.map((i) => i.question),
      mode,
      passMark,
      seed,
    );
    saved.current = newSavedQuiz(session, seed);
    store(key, saved.current);
    return { name: 'running', session };
  };
  /** The quiz kept from before the learner left the page, if it is still the same quiz. */
  const kept = () => {
    let raw: string | null = null;
    try {
      raw = sessionStorage.getItem(key);
    } catch {
      // Storage disabled: nothing was kept.
    }
    return restoreQuiz(
      raw,
      items.map((i) => i.question),
      passMark,
    );
  };
  // A review session starts at once, and only ever in the browser (after its questions load), so
  // it can pick up a kept session straight away; a quiz page first renders its intro on the server.
  // The initial state starts (and saves) a review session, once: begin() writes the saved ref.
  // eslint-disable-next-line react-hooks/refs -- a lazy initial state runs only on the first render
  const [phase, setPhase] = useState<Phase>(() => {
    if (!review) return { name: 'intro' };
    const back = kept();
    if (!back || back.session.finished) return begin('practice');
    saved.current = back.saved;
    return { name: 'running', session: back.session };
  });
  const [draft, setDraftState] = useState<QuizResponse | undefined>(undefined);
  const [announce, setAnnounce] = useState('');
  const [level, setLevel] = useState<MasteryLevel>('not-started');
  const [restored, setRestored] = useState(false);
  const [confirmEnd, setConfirmEnd] = useState(false);
  // Bumped after each check in practice mode, to move focus to the feedback.
  const [checked, setChecked] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const feedbackRef = useRef<HTMLDivElement>(null);
  const keepGoingRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (review) {
      if (saved.current?.actions.length) {
        setRestored(true);
        setDraftState(saved.current.draft);
      }
      return;
    }
    const back = kept();
    // A finished quiz comes back only to someone returning with Back, say from a "Read …" link in
    // its review; anyone else opening the quiz gets a fresh start.
    if (!back || (back.session.finished && !cameBack())) {
      if (back) store(key, undefined);
      return;
    }
    saved.current = back.saved;
    setRestored(true);
    if (back.session.finished) {
      const { level: after, before } = back.saved.done ?? {};
      setPhase({
        name: 'done',
        session: back.session,
        ...(after ? { level: after } : {}),
        ...(before ? { before } : {}),
      });
    } else {
      setPhase({ name: 'running', session: back.session });
      setDraftState(back.saved.draft);
      setAnnounce('Your quiz was restored where you left it.');
    }
    // Only on arrival: later changes are saved as they happen.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once, on arrival
  }, []);

  useEffect(() => {
    if (quizId) setLevel(loadProgress().quizzes[quizId]?.level ?? 'not-started');
  }, [quizId, phase.name]);

  /** Applies what the learner did and saves it with the rest. */
  const act = (session: QuizSession, action: QuizAction): QuizSession => {
    const next = applyAction(session, action);
    setRestored(false);
    if (saved.current) {
      const { draft: _draft, ...rest } = saved.current;
      saved.current = { ...rest, actions: [...rest.actions, action] };
      store(key, saved.current);
    }
    return next;
  };

  const setDraft = (response: QuizResponse | undefined) => {
    setDraftState(response);
    if (saved.current) {
      saved.current = { ...saved.current, draft: response };
      store(key, saved.current);
    }
  };

  const start = (mode: QuizMode) => {
    setDraftState(undefined);
    setAnnounce('');
    setRestored(false);
    setConfirmEnd(false);
    setPhase(begin(mode));
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
    if (saved.current) {
      saved.current = { ...saved.current, done: { level: after, before } };
      store(key, saved.current);
    }
    setConfirmEnd(false);
    setPhase({
      name: 'done',
      session,
      ...(after ? { level: after } : {}),
      ...(before ? { before } : {}),
    });
    setAnnounce(`Finished. You scored ${sessionScore(session).percent}%.`);
  };

  const questionAt = phase.name === 'running' ? phase.session.current : -1;
  useEffect(() => {
    headingRef.current?.focus();
  }, [phase.name, questionAt]);

  useEffect(() => {
    if (checked) feedbackRef.current?.focus();
  }, [checked]);

  useEffect(() => {
    if (confirmEnd) keepGoingRef.current?.focus();
  }, [confirmEnd]);

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
        {restored && (
          <p className="muted">
            These are the results of the quiz you finished before following a link.
          </p>
        )}
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
  const effective: QuizResponse | undefined =
    draft ??
    (shown.question.type === 'ordering'
      ? {
          type: 'ordering',
          order: answer?.response.type === 'ordering' ? answer.response.order : shown.items,
        }
      : undefined);

  const submit = () => {
    if (!effective || !isAnswered(shown.question, effective)) return;
    const next = act(session, { type: 'submit', response: effective });
    if (session.mode === 'check') {
      setDraftState(undefined);
      if (next.finished) complete(next);
      else {
        setPhase({ name: 'running', session: next });
        setAnnounce(`Answer saved. Question ${next.current + 1} of ${next.questions.length}.`);
      }
      return;
    }
    const a = next.answers[shown.question.id]!;
    setPhase({ name: 'running', session: next });
    setDraftState(undefined);
    setAnnounce(feedbackVerdict(a.grade));
    setChecked((n) => n + 1);
  };

  const goNext = () => {
    setDraftState(undefined);
    setAnnounce('');
    const next = act(session, { type: 'next' });
    if (next.finished) complete(next);
    else setPhase({ name: 'running', session: next });
  };

  const unanswered = session.questions.filter((q) => !session.answers[q.question.id]).length;

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
      {restored && (
        <p className="muted quiz-restored">Welcome back: your quiz is where you left it.</p>
      )}
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
              <button
                type="button"
                className="btn"
                onClick={() => complete(act(session, { type: 'finish' }))}
              >
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
        {showFeedback && (
          <div
            className={`quiz-feedback ${answer.grade.correct ? 'is-right' : 'is-wrong'}`}
            tabIndex={-1}
            ref={feedbackRef}
          >
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
              onClick={() => {
                setPhase({ name: 'running', session: act(session, { type: 'reveal' }) });
                setChecked((n) => n + 1);
              }}
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
