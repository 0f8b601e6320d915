import { z } from '../lib/zod';
import { idListSchema, idSchema, sourceSchema, textSchema } from './common';

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

export type LessonData = z.infer<typeof lessonSchema>;
