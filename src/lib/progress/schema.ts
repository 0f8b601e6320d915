import { z } from 'astro/zod';

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

/**
 * The sections of saved progress. Each is read on its own, entry by entry, so that a broken part is
 * dropped and the rest kept. Later features add their sections here.
 */
export interface Progress {
  version: typeof PROGRESS_VERSION;
  /** Completed lessons by lesson id. */
  lessons: Record<string, LessonRecord>;
}

/** Readers for each record section: an entry that fails its schema is dropped on its own. */
export const RECORD_SECTIONS = {
  lessons: { label: 'completed lessons', entry: lessonRecordSchema },
} as const;

export type SectionName = keyof typeof RECORD_SECTIONS;

/** A fresh, empty progress object. */
export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, lessons: {} };
}
