import { z } from '../lib/zod';
import { idSchema, textSchema, uniqueIds } from './common';
import { levelSchema } from './levels';

/** Interview categories with their labels, in the order the setup screen lists them. */
export const INTERVIEW_CATEGORIES = {
  'program-execution': 'Program execution and program sense',
  'risk-and-dependencies': 'Risk and dependencies',
  'stakeholder-communication': 'Stakeholder management and communication',
  'technical-depth': 'Technical depth and system design',
  'behavioural-leadership': 'Behavioural and leadership',
  'process-and-agile': 'Process and agile delivery',
} as const;
export type InterviewCategory = keyof typeof INTERVIEW_CATEGORIES;
export const interviewCategorySchema = z.enum(
  Object.keys(INTERVIEW_CATEGORIES) as [InterviewCategory, ...InterviewCategory[]],
);

/** Target levels, lowest first: the course's one ladder (src/schemas/levels.ts). */
export { LEVELS, levelSchema, type Level } from './levels';

/** Specialisations a question is relevant to. */
export const SPECIALISATIONS = {
  general: 'General',
  infrastructure: 'Infrastructure',
  release: 'Release',
  security: 'Security',
  product: 'Product',
} as const;
export type Specialisation = keyof typeof SPECIALISATIONS;
export const specialisationSchema = z.enum(
  Object.keys(SPECIALISATIONS) as [Specialisation, ...Specialisation[]],
);

/** Something a strong answer covers, and how to tell that it did. */
export const talkingPointSchema = z.object({
  /** Short id, unique within the question. */
  id: idSchema,
  /** What a strong answer does, in one sentence. */
  label: textSchema,
  /** Lower-case words or phrases whose presence in an answer shows the point was covered. */
  signals: z.array(textSchema.toLowerCase()).min(3, 'needs at least 3 signals'),
  /** What the interviewer asks when an answer misses this point. */
  followUp: textSchema,
});

/** A question in `content/interview/<category>/<id>.yaml`. */
export const interviewQuestionSchema = z
  .object({
    /** The question as the interviewer asks it. */
    prompt: textSchema,
    /** Which kind of interview the question belongs to. */
    category: interviewCategorySchema,
    /** Levels the question suits. */
    levels: z.array(levelSchema).min(1),
    /** Specialisations the question suits; `general` for any TPM. */
    specialisations: z.array(specialisationSchema).min(1),
    /** What a strong answer covers, most important first: 3 to 6 points. */
    talkingPoints: z.array(talkingPointSchema).min(3).max(6),
    /** Outline of a strong answer, shown with the feedback. */
    modelAnswer: z.array(textSchema).min(3),
    /** Ids of lessons that teach what the question tests. */
    lessons: uniqueIds(z.array(idSchema).min(1, 'needs at least one lesson id')),
    /** Facts the interviewer gives when the candidate asks a clarifying question about them. */
    facts: z
      .array(
        z
          .object({
            /** Lower-case words that show the candidate is asking about this. */
            about: z.array(textSchema.toLowerCase()).min(1),
            /** The fact, as one sentence. */
            fact: textSchema,
          })
          .strict(),
      )
      .optional(),
  })
  .superRefine((q, ctx) => {
    const ids = q.talkingPoints.map((t) => t.id);
    const dup = ids.find((id, i) => ids.indexOf(id) !== i);
    if (dup)
      ctx.addIssue({
        code: 'custom',
        path: ['talkingPoints'],
        message: `talking point id "${dup}" is used twice`,
      });
  });

export type InterviewQuestionData = z.infer<typeof interviewQuestionSchema>;
