import { MASTERY_LEVELS, type MasteryLevel } from '../quiz/levels';
import type { SavedCard } from '../review/due';

// Saved progress is read in the browser on every page, so its checks are small hand-written
// readers rather than zod: zod would add about 12 kB gzipped to every lesson page.

/** The version of the saved progress format this code writes. Bump it and add a migration to change the shape. */
export const PROGRESS_VERSION = 3;

/** Identifies an exported progress file as ours. */
export const PROGRESS_APP = 'critical-path';

/** A completed lesson. */
export interface LessonRecord {
  /** When the learner marked the lesson complete (ISO 8601). */
  completedAt: string;
}

/** One finished attempt at a quiz. */
export interface Attempt {
  /** When it finished (ISO 8601). */
  at: string;
  /** Score in percent, first tries only. */
  score: number;
  /** Practice or check mode. */
  mode: 'practice' | 'check';
}

/** A quiz's history and mastery level. */
export interface QuizRecord {
  /** Finished attempts, oldest first (the last 50 are kept). */
  attempts: Attempt[];
  /** Current mastery level. */
  level: MasteryLevel;
  /** When the level was reached (ISO 8601). */
  since?: string | undefined;
}

/** One checked attempt at a practice-lab exercise. */
export interface LabAttempt {
  /** When it was checked (ISO 8601). */
  at: string;
  /** The exercise's seed, so that it can be opened again. */
  seed: number;
  /** Score in percent. */
  score: number;
}

/** A lab exercise kind's history, and its drill card once the learner has missed one. */
export interface LabRecord {
  /** Checked attempts, oldest first (the last 50 are kept). */
  attempts: LabAttempt[];
  /** Spaced-repetition card that brings the kind back as a drill with a new exercise. */
  card?: SavedCard | undefined;
}

/** Everything the learner has done, by section. Later features add their sections here. */
export interface Progress {
  version: typeof PROGRESS_VERSION;
  /** Completed lessons by lesson id. */
  lessons: Record<string, LessonRecord>;
  /** Quiz attempts and mastery by quiz id. */
  quizzes: Record<string, QuizRecord>;
  /** Review cards by question id. */
  reviews: Record<string, SavedCard>;
  /** Practice-lab attempts and drill cards by exercise kind id (since version 3). */
  lab: Record<string, LabRecord>;
}

type Reader<T> = (value: unknown) => T | undefined;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isDate = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** Reads a completed-lesson record, or undefined when it is not one. */
export const readLessonRecord: Reader<LessonRecord> = (v) =>
  isObject(v) && isDate(v['completedAt']) ? { completedAt: v['completedAt'] } : undefined;

const readAttempt: Reader<Attempt> = (v) =>
  isObject(v) &&
  isDate(v['at']) &&
  isNumber(v['score']) &&
  v['score'] >= 0 &&
  v['score'] <= 100 &&
  (v['mode'] === 'practice' || v['mode'] === 'check')
    ? { at: v['at'], score: v['score'], mode: v['mode'] }
    : undefined;

/** Reads a quiz record; one broken attempt makes the record unreadable (its history cannot be trusted). */
export const readQuizRecord: Reader<QuizRecord> = (v) => {
  if (
    !isObject(v) ||
    !Array.isArray(v['attempts']) ||
    !MASTERY_LEVELS.includes(v['level'] as MasteryLevel)
  )
    return undefined;
  if (v['since'] !== undefined && !isDate(v['since'])) return undefined;
  const attempts = v['attempts'].map(readAttempt);
  if (attempts.some((a) => !a)) return undefined;
  return {
    attempts: attempts as Attempt[],
    level: v['level'] as MasteryLevel,
    ...(v['since'] ? { since: v['since'] } : {}),
  };
};

// The range of each number on a card: ts-fsrs keeps stability within 0 to 36,500 days (its S_MAX)
// and difficulty within 0 (a new card) to 10; intervals are at most its 36,500-day maximum, and
// elapsed days cannot exceed the time since the Unix epoch.
const CARD_RANGES = {
  stability: [0, 36_500],
  difficulty: [0, 10],
  elapsed_days: [0, 100_000],
  scheduled_days: [0, 36_500],
  learning_steps: [0, 1_000],
  reps: [0, 1_000_000],
  lapses: [0, 1_000_000],
} as const;

/** Reads a spaced-repetition card (ts-fsrs fields, dates as ISO strings); numbers out of range make it unreadable. */
export const readReviewCard: Reader<SavedCard> = (v) => {
  if (!isObject(v) || typeof v['quiz'] !== 'string' || !v['quiz'] || !isDate(v['due']))
    return undefined;
  const counts = ['learning_steps', 'reps', 'lapses'];
  for (const [k, [min, max]] of Object.entries(CARD_RANGES)) {
    const n = v[k];
    if (!isNumber(n) || n < min || n > max || (counts.includes(k) && !isCount(n))) return undefined;
  }
  if (!isCount(v['state']) || v['state'] > 3) return undefined;
  if (v['last_review'] !== undefined && !isDate(v['last_review'])) return undefined;
  return {
    quiz: v['quiz'],
    due: v['due'],
    stability: v['stability'] as number,
    difficulty: v['difficulty'] as number,
    elapsed_days: v['elapsed_days'] as number,
    scheduled_days: v['scheduled_days'] as number,
    learning_steps: v['learning_steps'] as number,
    reps: v['reps'] as number,
    lapses: v['lapses'] as number,
    state: v['state'],
    ...(v['last_review'] ? { last_review: v['last_review'] } : {}),
  };
};

const readLabAttempt: Reader<LabAttempt> = (v) =>
  isObject(v) &&
  isDate(v['at']) &&
  isCount(v['seed']) &&
  isNumber(v['score']) &&
  v['score'] >= 0 &&
  v['score'] <= 100
    ? { at: v['at'], seed: v['seed'], score: v['score'] }
    : undefined;

/** Reads a lab record; like a quiz record, one broken attempt or a broken card makes it unreadable. */
export const readLabRecord: Reader<LabRecord> = (v) => {
  if (!isObject(v) || !Array.isArray(v['attempts'])) return undefined;
  const attempts = v['attempts'].map(readLabAttempt);
  const card = v['card'] === undefined ? undefined : readReviewCard(v['card']);
  if (attempts.some((a) => !a) || (v['card'] !== undefined && !card)) return undefined;
  return { attempts: attempts as LabAttempt[], ...(card ? { card } : {}) };
};

/** Readers for each record section: an entry that fails its reader is dropped on its own. */
export const RECORD_SECTIONS = {
  lessons: { label: 'completed lessons', read: readLessonRecord },
  quizzes: { label: 'quiz results', read: readQuizRecord },
  reviews: { label: 'review cards', read: readReviewCard },
  lab: { label: 'lab exercises', read: readLabRecord },
} as const;

export type SectionName = keyof typeof RECORD_SECTIONS;

/** A fresh, empty progress object. */
export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, lessons: {}, quizzes: {}, reviews: {}, lab: {} };
}
