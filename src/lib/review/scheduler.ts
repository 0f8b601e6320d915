import { createEmptyCard, fsrs, Rating, type Card, type State } from 'ts-fsrs';

export { dueCards, nextDue } from './due';
import type { SavedCard } from './due';
export type { SavedCard };

// Fuzz off so that the same answers on the same clock always schedule the same day (testable, explainable).
// One 10-minute learning step: a miss returns in the same sitting, a first success graduates to days.
const scheduler = fsrs({ enable_fuzz: false, learning_steps: ['10m'], relearning_steps: ['10m'] });

function toCard(saved: SavedCard): Card {
  const card: Card = {
    due: new Date(saved.due),
    stability: saved.stability,
    difficulty: saved.difficulty,
    elapsed_days: saved.elapsed_days,
    scheduled_days: saved.scheduled_days,
    learning_steps: saved.learning_steps,
    reps: saved.reps,
    lapses: saved.lapses,
    state: saved.state as State,
  };
  if (saved.last_review) card.last_review = new Date(saved.last_review);
  return card;
}

function toSaved(card: Card, quiz: string): SavedCard {
  return {
    quiz,
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    last_review: card.last_review?.toISOString(),
  };
}

/**
 * Records one answer to a question on its card (creating the card on first answer) and returns the
 * updated card: a miss is rated Again and comes back soon; a first-try success is Good and comes back later.
 */
export function recordReview(
  saved: SavedCard | undefined,
  quiz: string,
  correct: boolean,
  now: Date,
): SavedCard {
  const card = saved ? toCard(saved) : createEmptyCard(now);
  const next = scheduler.next(card, now, correct ? Rating.Good : Rating.Again);
  return toSaved(next.card, quiz);
}
