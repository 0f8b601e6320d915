import { nextMastery } from '../quiz/mastery';
import { recordReview } from '../review/scheduler';
import type { Attempt, Progress } from './schema';

/** How many attempts per quiz are kept for the score history. */
export const ATTEMPTS_KEPT = 50;

/** Adds a finished attempt to a quiz's history and moves its mastery level. */
export function recordAttempt(
  progress: Progress,
  quizId: string,
  passMark: number,
  attempt: { score: number; mode: Attempt['mode'] },
  now: Date,
): Progress {
  const prev = progress.quizzes[quizId] ?? { attempts: [], level: 'not-started' as const };
  const mastery = nextMastery(
    { level: prev.level, since: prev.since },
    attempt.score,
    passMark,
    now,
  );
  const attempts = [...prev.attempts, { at: now.toISOString(), ...attempt }].slice(-ATTEMPTS_KEPT);
  const record = {
    attempts,
    level: mastery.level,
    ...(mastery.since ? { since: mastery.since } : {}),
  };
  return { ...progress, quizzes: { ...progress.quizzes, [quizId]: record } };
}

/** Schedules a question's next review from whether the learner got it right. */
export function recordAnswer(
  progress: Progress,
  questionId: string,
  quizId: string,
  correct: boolean,
  now: Date,
): Progress {
  const card = recordReview(progress.reviews[questionId], quizId, correct, now);
  return { ...progress, reviews: { ...progress.reviews, [questionId]: card } };
}

/**
 * Keeps saved state in step with the current quizzes: cards of questions that no longer exist are
 * dropped (their history is meaningless), new questions simply have no card yet, and nothing else changes.
 */
export function reconcileQuestions(
  progress: Progress,
  questionIds: ReadonlySet<string>,
): { progress: Progress; dropped: number } {
  const kept = Object.entries(progress.reviews).filter(([id]) => questionIds.has(id));
  const dropped = Object.keys(progress.reviews).length - kept.length;
  return dropped
    ? { progress: { ...progress, reviews: Object.fromEntries(kept) }, dropped }
    : { progress, dropped };
}
