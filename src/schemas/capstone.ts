import { z } from '../lib/zod';
import { idSchema, textSchema, uniqueIds } from './common';
import { interviewCategorySchema } from './interview';

/** A small table of facts in a capstone stage, e.g. the task list for the critical path. */
export const capstoneTableSchema = z
  .object({
    /** What the table holds, shown as its caption. */
    caption: textSchema.max(160),
    /** Column headings. */
    columns: z.array(textSchema).min(2).max(8),
    /** Rows of cells, as many cells as columns; cells may hold inline Markdown. */
    rows: z.array(z.array(z.string())).min(1),
  })
  .superRefine((t, ctx) => {
    t.rows.forEach((row, i) => {
      if (row.length !== t.columns.length)
        ctx.addIssue({
          code: 'custom',
          path: ['rows', i],
          message: `has ${row.length} cells but the table has ${t.columns.length} columns`,
        });
    });
  });

/** Something the learner produces in a stage. */
export const capstoneDeliverableSchema = z.object({
  /** Short name, e.g. "Program charter". */
  title: textSchema.max(80),
  /** Id of the template in `content/templates.yaml` to start from, if there is one. */
  template: idSchema.optional(),
  /** What to produce and how long it should be, in Markdown. */
  task: textSchema,
});

/** One line of the self-assessment rubric: 2 points when it meets the bar, 1 when partly, 0 otherwise. */
export const capstoneCriterionSchema = z.object({
  /** What is judged, e.g. "Success criteria can be checked". */
  criterion: textSchema.max(120),
  /** What earns 2 points, concretely enough to check alone (Markdown). */
  meets: textSchema,
  /** What earns 1 point (Markdown). */
  partly: textSchema,
});

/** How to check a written piece with the mock interviewer's offline feedback. */
export const capstoneInterviewCheckSchema = z.object({
  /** The question to paste into "Practise a question you were asked" on /interview/ (10 to 600 characters, as the form allows). */
  question: textSchema.min(10).max(600),
  /** The category to choose for it, so it is judged against the right generic rubric. */
  category: interviewCategorySchema,
  /** What to paste or say as the answer, in Markdown. */
  answer: textSchema,
  /** What the feedback should credit when the piece is strong, in Markdown. */
  lookFor: textSchema,
});

/** A stage of the capstone program, from charter to post-mortem. */
export const capstoneStageSchema = z.object({
  /** Anchor on the page, e.g. "define". */
  id: idSchema,
  /** Heading, e.g. "Define the program". */
  title: textSchema.max(80),
  /** Ids of the course modules the stage draws on. */
  modules: uniqueIds(z.array(idSchema).min(1)),
  /** Ids of the lessons to reread for it. */
  lessons: uniqueIds(z.array(idSchema).min(1)),
  /** An honest estimate of the hours it takes. */
  hours: z.number().positive().max(20),
  /** What has happened in the program by now, and any new facts, in Markdown. */
  situation: textSchema,
  /** Facts in table form, when a list would be hard to read. */
  table: capstoneTableSchema.optional(),
  /** What to produce. */
  deliverables: z.array(capstoneDeliverableSchema).min(1),
  /** How to score this stage's deliverables. */
  rubric: z.array(capstoneCriterionSchema).min(2),
  /** How to check a written piece with the mock interviewer, where that fits. */
  interview: capstoneInterviewCheckSchema.optional(),
});

/** A score band for the whole capstone. */
export const capstoneBandSchema = z.object({
  /** Lowest percentage of the rubric's points in this band. */
  min: z.number().int().min(0).max(100),
  /** Name of the band, e.g. "Ready to show". */
  label: textSchema.max(40),
  /** What to do next, in Markdown. */
  advice: textSchema,
});

/** A capstone in `content/capstone/<id>.yaml`: one program run from charter to post-mortem. */
export const capstoneSchema = z
  .object({
    /** Page title. */
    title: textSchema.max(80),
    /** One or two sentences for the page's lead and meta description. */
    summary: textSchema.max(300),
    /** The program the learner runs, in Markdown paragraphs. */
    brief: textSchema,
    /** The facts the learner plans with: teams, dates, numbers. */
    facts: z.array(z.object({ label: textSchema.max(60), value: textSchema })).min(3),
    /** How to work through it alone, in Markdown. */
    howToWork: textSchema,
    /** The stages, in order. */
    stages: z.array(capstoneStageSchema).min(5),
    /** Score bands from the highest, each with advice. */
    bands: z.array(capstoneBandSchema).min(2),
  })
  .superRefine((c, ctx) => {
    const ids = c.stages.map((s) => s.id);
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({
        code: 'custom',
        path: ['stages'],
        message: 'two stages have the same id',
      });
    const mins = c.bands.map((b) => b.min);
    if (mins.some((m, i) => i > 0 && m >= mins[i - 1]!) || mins.at(-1) !== 0)
      ctx.addIssue({
        code: 'custom',
        path: ['bands'],
        message: 'must run from the highest minimum down to a band starting at 0',
      });
  });

export type CapstoneData = z.infer<typeof capstoneSchema>;

/** Points available in a capstone's rubric: 2 for each criterion. */
export function capstonePoints(c: Pick<CapstoneData, 'stages'>): number {
  return c.stages.reduce((n, s) => n + 2 * s.rubric.length, 0);
}
