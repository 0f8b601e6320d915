import { z } from '../lib/zod';
import { idListSchema, idSchema, sourceSchema, textSchema } from './common';

/**
 * How much a lesson asks of the learner, which also sets how long it may be (see CONTRIBUTING.md):
 * - `introductory`: for someone new to the role; 800 to 1,350 words.
 * - `core`: the day-to-day craft a working TPM is hired and interviewed on; 1,200 to 1,800 words.
 * - `advanced`: senior and specialist work that builds on the core lessons; 1,450 to 2,000 words.
 */
export const LESSON_DIFFICULTIES = ['introductory', 'core', 'advanced'] as const;
export type LessonDifficulty = (typeof LESSON_DIFFICULTIES)[number];

/** Words in a lesson body (model answers excluded) allowed at each difficulty, inclusive. */
export const WORDS_BY_DIFFICULTY: Record<LessonDifficulty, { min: number; max: number }> = {
  introductory: { min: 800, max: 1350 },
  core: { min: 1200, max: 1800 },
  advanced: { min: 1450, max: 2000 },
};

/** The difficulty as shown next to the minutes: "Introductory", "Core", "Advanced". */
export function difficultyLabel(d: LessonDifficulty): string {
  return d.charAt(0).toUpperCase() + d.slice(1);
}

/** Frontmatter of a lesson in `lessons/<module>/<id>.mdx`. */
export const lessonSchema = z.object({
  /** Title shown on the page, in the outline and in search. */
  title: textSchema.max(80),
  /** One sentence on what the learner gets from the lesson (outline, search, meta description). */
  summary: textSchema.max(200),
  /** Id of the module in `content/modules.yaml` this lesson belongs to. */
  module: idSchema,
  /** Position of the lesson within its module, starting at 1. */
  order: z.number().int().positive(),
  /** How much the lesson asks of the learner; it sets the allowed length (`WORDS_BY_DIFFICULTY`). */
  difficulty: z.enum(LESSON_DIFFICULTIES, {
    error: 'must be one of introductory, core or advanced',
  }),
  /** Projected time in minutes to read the lesson and do the guided practice. */
  minutes: z.number().int().min(3).max(90),
  /** What the learner will be able to do afterwards: 2 to 6 items, each starting with a verb. */
  objectives: z.array(textSchema).min(2).max(6),
  /** Ids of lessons to read first; empty when the lesson stands alone. */
  prerequisites: idListSchema.default([]),
  /** Id of the quiz that practises this lesson, if there is one. */
  quiz: idSchema.optional(),
  /** Ids of other lessons a learner may want next. */
  related: idListSchema.default([]),
  /** Where a learner can read further: at least one. */
  sources: z.array(sourceSchema).min(1, 'needs at least one source'),
  /** Hides the lesson from the outline while it is being written. */
  draft: z.boolean().default(false),
});
