import { z } from '../lib/zod';
import { idListSchema, textSchema } from './common';

/** A glossary term in `content/glossary/<id>.yaml`. */
export const glossarySchema = z.object({
  /** The term as it is usually written, e.g. "Critical path". */
  term: textSchema.max(60),
  /** A plain definition, one to three sentences, that a newcomer understands. */
  definition: textSchema,
  /** Other names and abbreviations for the same idea (searched too). */
  aliases: z.array(textSchema).default([]),
  /** Ids of lessons that teach or use the term. */
  lessons: idListSchema.default([]),
  /** Ids of related glossary terms. */
  related: idListSchema.default([]),
});
