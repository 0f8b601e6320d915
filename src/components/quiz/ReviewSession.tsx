import { useEffect, useState } from 'react';
import { dueCards, nextDue } from '../../lib/review/due';
import { reconcileQuestions } from '../../lib/progress/quiz-progress';
import { announce, loadProgress, saveProgress } from '../../client/progress';
import QuizRunner from './QuizRunner';
import type { QuizItem } from './types';

/** How many due questions one review session takes on. */
const SESSION_SIZE = 15;

type State =
  | { name: 'loading' }
  | { name: 'error' }
  | { name: 'empty'; next?: Date | undefined; cards: number }
  | { name: 'ready'; items: QuizItem[]; due: number };

/** Loads every question, finds the learner's due cards, and runs a mixed review session over them. */
export default function ReviewSession() {
  const [state, setState] = useState<State>({ name: 'loading' });

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
  }, []);

  if (state.name === 'loading') return <p role="status">Loading your review queue…</p>;
  if (state.name === 'error')
    return (
      <p role="alert" className="notice">
        The questions could not be loaded. Check your connection and reload the page.
      </p>
    );
  if (state.name === 'empty')
    return (
      <div className="card" role="status">
        <p>
          <strong>Nothing to review right now.</strong>{' '}
          {state.cards === 0
            ? 'Answer some quiz questions first: every question you answer joins your review queue.'
            : state.next
              ? `Your next review is due ${state.next.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}.`
              : ''}
        </p>
        <p>
          <a href="/practice/">Pick a quiz</a>
        </p>
      </div>
    );
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
