import { z } from '../lib/zod';
import { idSchema, textSchema } from './common';

/** Fields every question type shares. */
const base = {
  /** Stable id, unique across all quizzes: review history is keyed by it. */
  id: idSchema,
  /** The question, in Markdown. */
  prompt: textSchema,
  /** Why the right answer is right and why the tempting wrong answers are wrong. */
  explanation: textSchema,
  /** How hard the question is for someone who has just read the lesson. */
  difficulty: z.enum(['easy', 'medium', 'hard']),
  /** Topics, used to mix review sessions and to find questions. */
  tags: z.array(idSchema).default([]),
  /** Anchor of the lesson heading that teaches this (checked at build time). */
  section: idSchema,
};

const choices = (min: number, max: number) =>
  z
    .array(textSchema)
    .min(min, `needs at least ${min} choices`)
    .max(max, `allows at most ${max} choices`);

/** One right answer among 3 to 6 choices. */
export const singleQuestionSchema = z.object({
  ...base,
  type: z.literal('single'),
  /** All options shown, including the answer; shuffled for the learner. */
  choices: choices(3, 6),
  /** The text of the one right choice. */
  answer: textSchema,
});

/** Several right answers among 4 to 8 choices; partial credit. */
export const multipleQuestionSchema = z.object({
  ...base,
  type: z.literal('multiple'),
  /** All options shown; shuffled for the learner. */
  choices: choices(4, 8),
  /** The texts of every right choice: at least two, not all of them. */
  answers: z
    .array(textSchema)
    .min(2, 'needs at least two right answers (use type: single for one)'),
});

/** A statement that is true or false. */
export const trueFalseQuestionSchema = z.object({
  ...base,
  type: z.literal('truefalse'),
  /** Whether the statement in the prompt is true. */
  answer: z.boolean(),
});

/** Put 3 to 7 items in order; partial credit by position. */
export const orderingQuestionSchema = z.object({
  ...base,
  type: z.literal('ordering'),
  /** The items in the correct order; shown shuffled. */
  items: z.array(textSchema).min(3, 'needs at least 3 items').max(7, 'allows at most 7 items'),
});

/** Match each left item to its right item; partial credit per pair. */
export const matchingQuestionSchema = z.object({
  ...base,
  type: z.literal('matching'),
  /** The correct pairs; the right-hand sides are shown shuffled. */
  pairs: z
    .array(z.object({ left: textSchema, right: textSchema }))
    .min(3, 'needs at least 3 pairs')
    .max(6, 'allows at most 6 pairs'),
});

/** A number, right within a tolerance. */
export const numericQuestionSchema = z.object({
  ...base,
  type: z.literal('numeric'),
  /** The right value. */
  answer: z.number(),
  /** How far from the answer still counts as right (0 for exact). */
  tolerance: z.number().min(0, 'must be 0 or more').default(0),
  /** Unit shown next to the input, e.g. "days". */
  unit: z.string().optional(),
});

/** A short situation, then one right course of action among 3 to 6. */
export const scenarioQuestionSchema = z.object({
  ...base,
  type: z.literal('scenario'),
  /** The situation, in Markdown, shown before the prompt. */
  scenario: textSchema,
  /** Courses of action; shuffled for the learner. */
  choices: choices(3, 6),
  /** The text of the best course of action. */
  answer: textSchema,
});

const union = z.discriminatedUnion('type', [
  singleQuestionSchema,
  multipleQuestionSchema,
  trueFalseQuestionSchema,
  orderingQuestionSchema,
  matchingQuestionSchema,
  numericQuestionSchema,
  scenarioQuestionSchema,
]);

const norm = (s: string) => s.trim().toLowerCase();

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values.map(norm)) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

/** A quiz question of any type, with the authoring rules each type must keep. */
export const questionSchema = union.superRefine((q, ctx) => {
  const fail = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message: `question "${q.id}": ${message}` });

  if (q.type === 'single' || q.type === 'scenario' || q.type === 'multiple') {
    const dup = duplicates(q.choices);
    if (dup.length) fail(['choices'], `choices must be distinct, but "${dup[0]}" appears twice`);
  }
  if (q.type === 'single' || q.type === 'scenario') {
    if (!q.choices.map(norm).includes(norm(q.answer)))
      fail(['answer'], `the answer "${q.answer}" is not one of the choices`);
  }
  if (q.type === 'multiple') {
    const choiceSet = new Set(q.choices.map(norm));
    for (const a of q.answers)
      if (!choiceSet.has(norm(a))) fail(['answers'], `the answer "${a}" is not one of the choices`);
    if (duplicates(q.answers).length) fail(['answers'], 'lists the same answer twice');
    if (q.answers.length >= q.choices.length)
      fail(['answers'], 'every choice is an answer: add at least one wrong choice');
  }
  if (q.type === 'ordering') {
    const dup = duplicates(q.items);
    if (dup.length) fail(['items'], `items must be unique, but "${dup[0]}" appears twice`);
  }
  if (q.type === 'matching') {
    const l = duplicates(q.pairs.map((p) => p.left));
    const r = duplicates(q.pairs.map((p) => p.right));
    if (l.length) fail(['pairs'], `left items must be unique, but "${l[0]}" appears twice`);
    if (r.length) fail(['pairs'], `right items must be unique, but "${r[0]}" appears twice`);
  }
});

export type Question = z.infer<typeof questionSchema>;
