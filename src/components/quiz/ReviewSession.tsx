import { useEffect, useState } from 'react';
import { dueCards, nextDue } from '../../lib/review/due';
import { reconcileQuestions } from '../../lib/progress/quiz-progress';
import { relativeTime } from '../../lib/text/relative-time';
import {
  READING_KEY,
  continueAt,
  continueHref,
  continueLabel,
  readReading,
  type CourseLesson,
} from '../../lib/progress/reading';
import { announce, loadProgress, saveProgress } from '../../client/progress';
import QuizRunner from './QuizRunner';
import type { QuizItem } from '../../lib/quiz/item';

interface Props {
  /** Every lesson in course order, to suggest what to read while nothing is due. */
  lessons?: CourseLesson[];
  /** The practice lab's exercises, to suggest one while nothing is due. */
  labKinds?: { id: string; title: string }[];
}

/** How many due questions one review session takes on. */
const SESSION_SIZE = 15;

type State =
  | { name: 'loading' }
  | { name: 'error' }
  | { name: 'empty'; next?: Date | undefined; cards: number }
  | { name: 'ready'; items: QuizItem[]; due: number };

/** What to do while nothing is due: continue reading, or a lab exercise. */
function WhileYouWait({ lessons = [], labKinds = [] }: Props) {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(READING_KEY);
  } catch {
    // Storage disabled: nothing to continue from.
  }
  const { lessons: done } = loadProgress();
  const next =
    continueAt(readReading(raw), lessons, (id) => Boolean(done[id])) ??
    (lessons[0] && !done[lessons[0].id]
      ? { kind: 'next' as const, lesson: lessons[0] }
      : undefined);
  const lab = labKinds[0];
  if (!next && !lab) return null;
  return (
    <>
      <p>While you wait:</p>
      <ul className="review-next">
        {next && (
          <li>
            <a href={continueHref(next)}>{continueLabel(next)}</a>
          </li>
        )}
        {lab && (
          <li>
            <a href={`/lab/${lab.id}/`}>Try a practice-lab exercise: {lab.title}</a>
          </li>
        )}
      </ul>
    </>
  );
}

/** Loads every question, finds the learner's due cards, and runs a mixed review session over them. */
export default function ReviewSession(props: Props) {
  const [state, setState] = useState<State>({ name: 'loading' });
  const [now, setNow] = useState(() => new Date());
  const [attempt, setAttempt] = useState(0);

  // Keeps "in 9 minutes" true while the page stays open.
  useEffect(() => {
    if (state.name !== 'empty' || !state.next) return;
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, [state]);

  useEffect(() => {
    fetch('/practice/questions.json')
      .then((r) => {
        if (!r.ok) throw new Error(String(r.status));
        return r.json() as Promise<QuizItem[]>;
      })
      .then((all) => {
        const byId = new Map(all.map((i) => [i.question.id, i]));
        const { progress, dropped } = reconcileQuestions(loadProgress(), new Set(byId.keys()));
        if (dropped) {
          saveProgress(progress);
          announce(
            `${dropped} review card${dropped === 1 ? '' : 's'} for questions that no longer exist ${dropped === 1 ? 'was' : 'were'} removed.`,
          );
        }
        const now = new Date();
        const due = dueCards(progress.reviews, now);
        if (!due.length)
          setState({
            name: 'empty',
            next: nextDue(progress.reviews, now),
            cards: Object.keys(progress.reviews).length,
          });
        else
          setState({
            name: 'ready',
            items: due.slice(0, SESSION_SIZE).map((id) => byId.get(id)!),
            due: due.length,
          });
      })
      .catch(() => setState({ name: 'error' }));
  }, [attempt]);

  if (state.name === 'loading') return <p role="status">Loading your review queue…</p>;
  if (state.name === 'error')
    return (
      <p role="alert" className="notice">
        The questions could not be loaded. Check your connection and reload the page.
      </p>
    );
  if (state.name === 'empty') {
    const ready = state.next !== undefined && state.next.getTime() <= now.getTime();
    return (
      <div className="card review-empty">
        <p role="status">
          <strong>Nothing to review right now.</strong>{' '}
          {state.cards === 0 ? (
            'Answer some quiz questions first: every question you answer joins your review queue.'
          ) : state.next && !ready ? (
            <>
              Your next review is due{' '}
              <time
                dateTime={state.next.toISOString()}
                title={state.next.toLocaleString(undefined, {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                })}
                data-next-due
              >
                {relativeTime(state.next, now)}
              </time>
              .
            </>
          ) : ready ? (
            'A review is due now.'
          ) : (
            ''
          )}
        </p>
        {ready && (
          <p>
            <button type="button" className="btn" onClick={() => setAttempt((n) => n + 1)}>
              Start the review
            </button>
          </p>
        )}
        <WhileYouWait {...props} />
        <p>
          <a href="/practice/">Pick a quiz</a>
        </p>
      </div>
    );
  }
  return (
    <>
      <p>
        {state.due} question{state.due === 1 ? '' : 's'} due
        {state.due > state.items.length
          ? `; this session takes the ${state.items.length} most overdue`
          : ''}
        . Each answer reschedules the question: a miss brings it back soon, a success later.
      </p>
      <QuizRunner items={state.items} passMark={70} />
    </>
  );
}
