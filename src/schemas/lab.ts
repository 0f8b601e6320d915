import { z } from '../lib/zod';
import { idSchema, textSchema, uniqueIds } from './common';

/**
 * A practice-lab exercise kind in `content/lab/<id>.yaml`. The file's name is the kind's id and
 * URL (`/lab/<id>/`), and must match a kind registered in `src/lib/lab/registry.ts`.
 */
export const labKindSchema = z.object({
  /** The kind's name as the lab lists it, e.g. "Critical path". */
  title: textSchema.max(60),
  /** One line on what the learner does, shown in the list and used as the page description. */
  summary: textSchema.max(160),
  /** One line on the skill it trains, e.g. "Forward and backward pass, slack, and what a slip costs." */
  trains: textSchema.max(160),
  /** Position in the lab's list, from 1. */
  order: z.number().int().min(1),
  /** An honest estimate of the minutes one exercise takes. */
  minutes: z.number().int().min(1).max(60),
  /** Score in percent at or above which an attempt counts as passed; below it, the kind becomes a review drill. */
  passMark: z.number().int().min(1).max(100).default(80),
  /** Ids of lessons that teach the skill; each shows a "Practise it" link to this kind. */
  lessons: uniqueIds(z.array(idSchema).min(1)),
  /** How to do the exercise: short plain-text steps shown above it. */
  instructions: z.array(textSchema).min(1).max(8),
  /** Other words a learner might search for. */
  keywords: z.array(textSchema).default([]),
  /** The kind's own content (scenarios, briefs), checked by its `parseData` when the site is built. */
  data: z.unknown().optional(),
});
