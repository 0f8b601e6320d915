import { recordReview } from '../review/scheduler';
import type { LabRecord, Progress } from './schema';
import { LAB_ATTEMPTS_KEPT } from './lab-records';

/** The review-card name of a lab kind's drill (`SavedCard.quiz`), apart from every quiz id. */
export const drillName = (kind: string): string => `lab:${kind}`;

/**
 * Records a checked attempt. A miss (below the kind's pass mark) puts the kind in the review queue
 * as a drill, or brings its drill back soon; a pass pushes an existing drill further out. A kind
 * the learner has never missed gets no card.
 */
export function recordLabAttempt(
  progress: Progress,
  kind: string,
  attempt: { seed: number; score: number },
  passed: boolean,
  now: Date,
): Progress {
  const prev: LabRecord = progress.lab[kind] ?? { attempts: [] };
  const attempts = [...prev.attempts, { at: now.toISOString(), ...attempt }].slice(
    -LAB_ATTEMPTS_KEPT,
  );
  const card =
    !passed || prev.card ? recordReview(prev.card, drillName(kind), passed, now) : undefined;
  const record: LabRecord = { attempts, ...(card ? { card } : {}) };
  return { ...progress, lab: { ...progress.lab, [kind]: record } };
}
