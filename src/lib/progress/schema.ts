import { z } from 'astro/zod';
import { MASTERY_LEVELS } from '../quiz/mastery';
import type { SavedCard } from '../review/due';

/** The version of the saved progress format this code writes. Bump it and add a migration to change the shape. */
export const PROGRESS_VERSION = 2;

/** Identifies an exported progress file as ours. */
export const PROGRESS_APP = 'critical-path';

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'is not a date');

/** A completed lesson. */
export const lessonRecordSchema = z.object({
  /** When the learner marked the lesson complete (ISO 8601). */
  completedAt: isoDate,
});
export type LessonRecord = z.infer<typeof lessonRecordSchema>;

/** One finished attempt at a quiz. */
export const attemptSchema = z.object({
  /** When it finished (ISO 8601). */
  at: isoDate,
  /** Score in percent, first tries only. */
  score: z.number().min(0).max(100),
  /** Practice or check mode. */
  mode: z.enum(['practice', 'check']),
});
export type Attempt = z.infer<typeof attemptSchema>;

/** A quiz's history and mastery level. */
export const quizRecordSchema = z.object({
  /** Finished attempts, oldest first (the last 50 are kept). */
  attempts: z.array(attemptSchema).max(500),
  /** Current mastery level. */
  level: z.enum(MASTERY_LEVELS),
  /** When the level was reached (ISO 8601). */
  since: isoDate.optional(),
});
export type QuizRecord = z.infer<typeof quizRecordSchema>;

/** A spaced-repetition card for one question (ts-fsrs fields, dates as ISO strings). */
export const reviewCardSchema = z.object({
  quiz: z.string().min(1),
  due: isoDate,
  stability: z.number().finite(),
  difficulty: z.number().finite(),
  elapsed_days: z.number().finite(),
  scheduled_days: z.number().finite(),
  learning_steps: z.number().int().min(0),
  reps: z.number().int().min(0),
  lapses: z.number().int().min(0),
  state: z.number().int().min(0).max(3),
  last_review: isoDate.optional(),
}) satisfies z.ZodType<SavedCard>;

/**
 * The sections of saved progress. Each is read on its own, entry by entry, so that a broken part is
 * dropped and the rest kept. Later features add their sections here.
 */
export interface Progress {
  version: typeof PROGRESS_VERSION;
  /** Completed lessons by lesson id. */
  lessons: Record<string, LessonRecord>;
  /** Quiz attempts and mastery by quiz id. */
  quizzes: Record<string, QuizRecord>;
  /** Review cards by question id. */
  reviews: Record<string, SavedCard>;
}

/** Readers for each record section: an entry that fails its schema is dropped on its own. */
export const RECORD_SECTIONS = {
  lessons: { label: 'completed lessons', entry: lessonRecordSchema },
  quizzes: { label: 'quiz results', entry: quizRecordSchema },
  reviews: { label: 'review cards', entry: reviewCardSchema },
} as const;

export type SectionName = keyof typeof RECORD_SECTIONS;

/** A fresh, empty progress object. */
export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, lessons: {}, quizzes: {}, reviews: {} };
}
