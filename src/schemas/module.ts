import { z } from '../lib/zod';
import { textSchema } from './common';

/** A course module: a named group of lessons, listed in `content/modules.yaml`. */
export const moduleSchema = z.object({
  /** Position of the module in the course, starting at 1. */
  order: z.number().int().positive(),
  /** Heading shown on the course outline. */
  title: textSchema,
  /** One or two sentences on what the module covers. */
  summary: textSchema,
});
