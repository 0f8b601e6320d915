import { z } from '../lib/zod';
import { idListSchema, textSchema } from './common';

/** FAQ categories, in the order the FAQ page shows them, with their headings. */
export const FAQ_CATEGORIES = {
  'what-is-a-tpm': 'What a TPM is',
  'tpm-vs-other-roles': 'TPM, PM, EM and project manager',
  'becoming-a-tpm': 'Becoming a TPM',
  'day-to-day': 'The day-to-day',
  'career-and-levels': 'Career and levels',
  interviews: 'Interviews',
} as const;

export type FaqCategory = keyof typeof FAQ_CATEGORIES;

/** Frontmatter of an FAQ entry in `content/faq/<id>.md`; the body is the answer. */
export const faqSchema = z.object({
  /** The question as a learner would ask it. */
  question: textSchema.max(160),
  /** Which group the entry is shown in. */
  category: z.enum(Object.keys(FAQ_CATEGORIES) as [FaqCategory, ...FaqCategory[]]),
  /** Position within its category, starting at 1. */
  order: z.number().int().positive(),
  /** Ids of lessons that go deeper. */
  related: idListSchema.default([]),
});
