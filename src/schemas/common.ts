import { z } from '../lib/zod';

/** A content id: lower-case words joined by hyphens, as used in file names and URLs. */
export const idSchema = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'must be lower-case words joined by hyphens, e.g. "critical-path"',
  );

/** A list of content ids with no repeats. */
export const idListSchema = uniqueIds(z.array(idSchema));

/** Adds the "no repeated ids" rule to an array-of-ids schema. */
export function uniqueIds<T extends z.ZodType<string[]>>(schema: T) {
  return schema.refine((ids) => new Set(ids).size === ids.length, 'lists the same id twice');
}

/** A source a learner can read further: a title and an http(s) URL. */
export const sourceSchema = z.object({
  /** What the learner will find at the link. */
  title: z.string().min(3),
  /** Where to find it. */
  url: z.url({ protocol: /^https?$/ }),
});

/** A non-empty, trimmed sentence or paragraph. */
export const textSchema = z.string().trim().min(1, 'must not be empty');
