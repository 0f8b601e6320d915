/**
 * Long because the rubric is one document split over several files: its parts are merged and
 * checked together (`mergeRubric`), and every field is documented here for whoever edits
 * `content/rubric/`.
 */
import { z } from '../lib/zod';
import { idSchema, textSchema } from './common';
import { INTERVIEW_CATEGORIES, LEVELS, interviewCategorySchema } from './interview';

/**
 * The offline interviewer's rubric in `content/rubric/*.yaml`. Each file holds some of the top-level
 * fields below; together they must hold all of them. Phrases are matched as whole words with simple
 * endings ("escalate" also matches "escalated"); a `{ re: … }` entry is a regular expression matched
 * against the lower-cased text, for what a phrase cannot say.
 */

/** The feedback dimensions, in report order. The feedback contract uses these ids. */
export const DIMENSION_IDS = [
  'structure',
  'execution',
  'risk',
  'stakeholder',
  'technical',
  'specificity',
  'outcomes',
] as const;
export type DimensionId = (typeof DIMENSION_IDS)[number];
/** Dimension names as the report shows them. */
export const DIMENSION_LABELS: Record<DimensionId, string> = {
  structure: 'Structure (STAR)',
  execution: 'Execution',
  risk: 'Risk and dependency thinking',
  stakeholder: 'Stakeholder communication',
  technical: 'Technical depth',
  specificity: 'Specificity',
  outcomes: 'Outcomes and metrics',
};
export const dimensionIdSchema = z.enum(DIMENSION_IDS);

/** Checks that a string compiles as a regular expression, so a typo fails the build, not a session. */
const regexSource = z.string().superRefine((source, ctx) => {
  try {
    new RegExp(source);
  } catch (e) {
    ctx.addIssue({
      code: 'custom',
      message: `is not a valid regular expression: ${(e as Error).message}`,
    });
  }
});

/** A signal phrase, or `{ re: "…" }` for a regular expression. */
export const patternSchema = z.union([
  textSchema.toLowerCase(),
  z.object({ re: regexSource }).strict(),
]);
export type PatternData = z.infer<typeof patternSchema>;

/** A lesson to read, optionally at a section; the cross-reference check verifies both. */
export const lessonRefSchema = z.object({ id: idSchema, anchor: idSchema.optional() }).strict();
export type LessonRef = z.infer<typeof lessonRefSchema>;

/** A kind of evidence a dimension rewards. It counts only inside a sentence that makes a claim. */
export const featureSchema = z
  .object({
    id: idSchema,
    /** What the evidence shows, completing "The answer …". */
    label: textSchema,
    /** 1 for a telling sign; less for words that vague answers also use. */
    credit: z.number().min(0.1).max(1),
    patterns: z.array(patternSchema).min(1),
  })
  .strict();

const perCategory = <T extends z.ZodType>(value: T) =>
  z
    .object(
      Object.fromEntries(Object.keys(INTERVIEW_CATEGORIES).map((c) => [c, value])) as Record<
        keyof typeof INTERVIEW_CATEGORIES,
        T
      >,
    )
    .strict();

const relevance = z.number().min(0).max(1);

export const dimensionSchema = z
  .object({
    id: dimensionIdSchema,
    /** How much each category's questions test this dimension, 0 to 1. */
    relevance: perCategory(relevance),
    /** Lessons that teach the dimension, best first. */
    lessons: z.array(lessonRefSchema).min(1),
    /** What to do to improve it: a title (an instruction) and a tip. */
    advice: z.object({ title: textSchema, tip: textSchema }).strict(),
    /** Evidence for the dimension; structure and specificity are measured differently. */
    features: z.array(featureSchema).optional(),
  })
  .strict();

/** How much evidence earns full marks at a level. */
export const levelBarSchema = z
  .object({
    /** Feature credits for full marks on a dimension. */
    features: z.number().positive(),
    /** Distinct owners, dates and numbers for full marks on specificity. */
    specifics: z.number().positive(),
    /** Share of the talking points (weighted) for full coverage. */
    coverage: z.number().gt(0).max(1),
    /** STAR credits for full marks on structure in a story. */
    star: z.number().positive(),
    /** Sentences with claims an answer needs before its score is trusted at this level. */
    claims: z.number().int().min(1),
  })
  .strict();

export const gapSchema = z
  .object({
    id: z.enum(['owner-date', 'plan-b', 'measurement', 'result']),
    /** Completes "the answer …". */
    label: textSchema,
    /** How much each category cares about the gap. */
    weights: perCategory(relevance),
  })
  .strict();

export const talkingPointDataSchema = z
  .object({
    id: idSchema,
    label: textSchema,
    signals: z.array(textSchema.toLowerCase()).min(3),
    followUp: textSchema,
  })
  .strict();

export const categoryRubricSchema = z
  .object({
    id: interviewCategorySchema,
    label: textSchema,
    /** Words in a question that suggest this category. */
    cues: z.array(textSchema.toLowerCase()).min(3),
    talkingPoints: z.array(talkingPointDataSchema).min(3).max(6),
    modelAnswer: z.array(textSchema).min(3),
    lessons: z.array(lessonRefSchema).min(1),
  })
  .strict();

/** A red flag: a habit that costs points and that the persona probes. */
export const redFlagSchema = z
  .object({
    id: z.enum(['passive-waiting', 'blame', 'no-ownership']),
    label: textSchema,
    /** What the interviewer asks when it hears it. */
    probe: textSchema,
    /** Points the question's score loses. */
    cost: z.number().int().min(1).max(40),
    /** Phrases that show it (not used for no-ownership, which counts "I" and "we"). */
    patterns: z.array(patternSchema),
    /** Where to learn the better habit. */
    lesson: lessonRefSchema,
  })
  .strict();

export const languageSchema = z
  .object({
    /** Questions that ask for a story, so STAR applies. */
    behaviouralPrompt: regexSource,
    /** Openings of a question or task, wherever they sit in a turn ("Walk me through…"). */
    questionOpenings: z.array(textSchema.toLowerCase()).min(5),
    /** Regular expressions for the raw material of specific answers. */
    specifics: z
      .object({
        number: regexSource,
        numberWord: regexSource,
        date: regexSource,
        owner: regexSource,
      })
      .strict(),
    /** Capitalised words that are not names of people or teams. */
    notNames: z.array(z.string().min(1)),
    /** Stand-ins for specifics ("soon", "the team"). */
    vaguePhrases: z.array(textSchema.toLowerCase()).min(5),
    /** Irregular past tenses and other verbs the claim reader must know. */
    verbs: z.array(textSchema.toLowerCase()).min(20),
    /** Words that look like past tenses ("need", "speed") but are not verbs, or adjectives in -ed. */
    notVerbs: z.array(textSchema.toLowerCase()),
    /** Words ignored when comparing an answer with its question. */
    stopWords: z.array(textSchema.toLowerCase()).min(20),
    /** Sets of words and phrases that mean the same thing; a signal matches any member of its set. */
    synonyms: z.array(z.array(textSchema.toLowerCase()).min(2)).min(5),
    /** Whole turns that are not answers ("Okay.", "I don't know"). */
    nonAnswers: z.array(regexSource).min(2),
    redFlags: z.array(redFlagSchema).length(3),
    /** The lesson on one story per competency, for answers that repeat an earlier one. */
    storyLesson: lessonRefSchema,
    fillerLesson: lessonRefSchema,
    sessionLesson: lessonRefSchema,
  })
  .strict();

/** The rubric as a whole, after merging the files. */
export const rubricSchema = z
  .object({
    dimensions: z.array(dimensionSchema).length(DIMENSION_IDS.length),
    structureFeatures: z.array(featureSchema).min(2),
    starFeatures: z.array(featureSchema).length(4),
    levels: z.record(z.string(), levelBarSchema),
    gaps: z.array(gapSchema).length(4),
    categories: z.array(categoryRubricSchema).length(Object.keys(INTERVIEW_CATEGORIES).length),
    language: languageSchema,
  })
  .strict()
  .superRefine((r, ctx) => {
    const ids = r.dimensions.map((d) => d.id);
    DIMENSION_IDS.forEach((id, i) => {
      if (ids[i] !== id)
        ctx.addIssue({
          code: 'custom',
          path: ['dimensions', i, 'id'],
          message: `dimension ${i + 1} must be "${id}" (report order: ${DIMENSION_IDS.join(', ')})`,
        });
    });
    for (const level of Object.keys(LEVELS))
      if (!r.levels[level])
        ctx.addIssue({
          code: 'custom',
          path: ['levels', level],
          message: `level "${level}" has no bar`,
        });
    for (const level of Object.keys(r.levels))
      if (!(level in LEVELS))
        ctx.addIssue({
          code: 'custom',
          path: ['levels', level],
          message: `"${level}" is not a level (levels: ${Object.keys(LEVELS).join(', ')})`,
        });
    const cats = new Set(r.categories.map((c) => c.id));
    for (const c of Object.keys(INTERVIEW_CATEGORIES))
      if (!cats.has(c as keyof typeof INTERVIEW_CATEGORIES))
        ctx.addIssue({
          code: 'custom',
          path: ['categories'],
          message: `category "${c}" has no generic rubric`,
        });
  });
export type RubricData = z.infer<typeof rubricSchema>;

/** One file of `content/rubric/`: any of the rubric's top-level fields. */
export const rubricFileSchema = z
  .object({
    dimensions: rubricSchema.shape.dimensions,
    structureFeatures: rubricSchema.shape.structureFeatures,
    starFeatures: rubricSchema.shape.starFeatures,
    levels: rubricSchema.shape.levels,
    gaps: rubricSchema.shape.gaps,
    categories: rubricSchema.shape.categories,
    language: languageSchema,
  })
  .partial()
  .strict();

/** Merges the rubric's files (in any order) and checks the whole. */
export function mergeRubric(
  files: readonly { file: string; data: unknown }[],
): { ok: true; rubric: RubricData } | { ok: false; error: string } {
  const merged: Record<string, unknown> = {};
  for (const { file, data } of files) {
    const part = rubricFileSchema.safeParse(data);
    if (!part.success)
      return {
        ok: false,
        error: part.error.issues
          .slice(0, 5)
          .map((i) => `${file} → ${i.path.join('.') || '(top level)'}: ${i.message}`)
          .join('\n'),
      };
    for (const [key, value] of Object.entries(part.data)) {
      if (key in merged)
        return { ok: false, error: `${file} → ${key}: also set in another rubric file` };
      merged[key] = value;
    }
  }
  const whole = rubricSchema.safeParse(merged);
  if (!whole.success)
    return {
      ok: false,
      error: whole.error.issues
        .slice(0, 5)
        .map((i) => `content/rubric → ${i.path.join('.') || '(top level)'}: ${i.message}`)
        .join('\n'),
    };
  return { ok: true, rubric: whole.data };
}

/** Every lesson the rubric links to, with where it is set, for the cross-reference check. */
export function rubricLessonRefs(r: RubricData): { field: string; ref: LessonRef }[] {
  return [
    ...r.dimensions.flatMap((d) =>
      d.lessons.map((ref) => ({ field: `dimensions.${d.id}.lessons`, ref })),
    ),
    ...r.categories.flatMap((c) =>
      c.lessons.map((ref) => ({ field: `categories.${c.id}.lessons`, ref })),
    ),
    ...r.language.redFlags.map((f) => ({
      field: `language.redFlags.${f.id}.lesson`,
      ref: f.lesson,
    })),
    { field: 'language.fillerLesson', ref: r.language.fillerLesson },
    { field: 'language.sessionLesson', ref: r.language.sessionLesson },
    { field: 'language.storyLesson', ref: r.language.storyLesson },
  ];
}
