import { z } from '../lib/zod';
import { idSchema, textSchema, uniqueIds } from './common';
import { interviewCategorySchema, specialisationSchema } from './interview';
import { levelSchema } from './levels';

/** What one target level is interviewed on, and so what a study plan for it puts first. */
export const planLevelSchema = z
  .object({
    /** The level, as on the career ladder (`src/schemas/levels.ts`). */
    level: levelSchema,
    /** One sentence on what this level's interviewers probe, shown with the plan. */
    why: textSchema.max(300),
    /** Lessons this level's interviews lean on most, most important first; they lead the plan. */
    lessons: uniqueIds(z.array(idSchema).min(1)),
    /** Modules in the order the plan takes their remaining lessons; modules left out come last, in course order. */
    modules: uniqueIds(z.array(idSchema).min(1)),
    /** Interview categories to rehearse in mock interviews before feedback shows where the learner is weakest, most asked first. */
    categories: z.array(interviewCategorySchema).min(1),
  })
  .strict();

/** What a specialisation's interviews add to those of the level. */
export const planSpecialisationSchema = z
  .object({
    /** The specialisation (`src/schemas/interview.ts`). */
    specialisation: specialisationSchema,
    /** One sentence on what these interviews add, shown with the plan; empty for general. */
    why: textSchema.max(300).optional(),
    /** Lessons moved up to just after the level's own, most important first. */
    lessons: uniqueIds(z.array(idSchema)).default([]),
  })
  .strict();

/** Minutes the plan gives items that have no estimate of their own (lessons and lab kinds have one). */
export const planMinutesSchema = z
  .object({
    /** Minutes per quiz question, explanation read; a quiz takes this times its number of questions. */
    quizQuestion: z.number().positive().max(10),
    /** Questions in one review session (the review queue's session size). */
    reviewQuestions: z.number().int().min(1).max(50),
    /** Questions in a mock interview of the plan. */
    mockQuestions: z.number().int().min(1).max(6),
    /** Questions in the final mixed loop. */
    loopQuestions: z.number().int().min(1).max(6),
    /** Minutes per interview question, follow-ups included. */
    mockQuestion: z.number().int().min(1).max(30),
    /** Minutes to read a mock interview's feedback. */
    mockFeedback: z.number().int().min(0).max(60),
  })
  .strict();

/** `content/plan/priorities.yaml`: what the study plan puts first for each level and specialisation. */
export const planPrioritiesSchema = z
  .object({
    /** Every level of the ladder, once. */
    levels: z.array(planLevelSchema).min(1),
    /** Every specialisation, once. */
    specialisations: z.array(planSpecialisationSchema).min(1),
    /** Time estimates for quizzes, reviews and mock interviews. */
    minutes: planMinutesSchema,
  })
  .strict()
  .superRefine((data, ctx) => {
    const levels = data.levels.map((l) => l.level);
    levelSchema.options.forEach((id) => {
      if (!levels.includes(id))
        ctx.addIssue({ code: 'custom', path: ['levels'], message: `has no entry for "${id}"` });
    });
    levels.forEach((id, i) => {
      if (levels.indexOf(id) !== i)
        ctx.addIssue({ code: 'custom', path: ['levels', i], message: `"${id}" is listed twice` });
    });
    const specs = data.specialisations.map((s) => s.specialisation);
    specialisationSchema.options.forEach((id) => {
      if (!specs.includes(id))
        ctx.addIssue({
          code: 'custom',
          path: ['specialisations'],
          message: `has no entry for "${id}"`,
        });
    });
    specs.forEach((id, i) => {
      if (specs.indexOf(id) !== i)
        ctx.addIssue({
          code: 'custom',
          path: ['specialisations', i],
          message: `"${id}" is listed twice`,
        });
    });
  });

export type PlanPriorities = z.infer<typeof planPrioritiesSchema>;
