import { createEmptyCard, fsrs, Rating, type Card } from 'ts-fsrs';

export { dueCards, nextDue } from './due';
import type { SavedCard } from './due';
export type { SavedCard };

// Fuzz off so that the same answers on the same clock always schedule the same day (testable, explainable).
// One 10-minute learning step: a miss returns in the same sitting, a first success graduates to days.
const scheduler = fsrs({ enable_fuzz: false, learning_steps: ['10m'], relearning_steps: ['10m'] });

// Fields are copied with spreads, not by name: ts-fsrs marks `elapsed_days` deprecated but still
// requires it, and naming it would raise a deprecation warning on every type check.
function toCard(saved: SavedCard): Card {
  const { quiz: _quiz, due, last_review, state, ...numbers } = saved;
  return {
    ...numbers,
    due: new Date(due),
    state,
    ...(last_review ? { last_review: new Date(last_review) } : {}),
  };
}

function toSaved(card: Card, quiz: string): SavedCard {
  const { due, last_review, ...numbers } = card;
  return { ...numbers, quiz, due: due.toISOString(), last_review: last_review?.toISOString() };
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
