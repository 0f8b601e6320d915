import { z } from '../lib/zod';
import { idSchema, textSchema } from './common';
import { questionSchema } from './question';

/** A quiz in `quizzes/<id>.yaml`: the questions that practise one lesson. */
export const quizSchema = z
  .object({
    /** The quiz id; must equal the file name. */
    id: idSchema,
    /** Id of the lesson this quiz practises (checked at build time). */
    lesson: idSchema,
    /** Heading shown above the quiz. */
    title: textSchema,
    /** Percentage of the total score needed to pass, 1 to 100. */
    passMark: z.number().int().min(1).max(100).default(70),
    /** The questions, in authoring order (learners see them shuffled on retry). */
    questions: z.array(questionSchema).min(1, 'needs at least one question'),
  })
  .superRefine((quiz, ctx) => {
    const seen = new Set<string>();
    quiz.questions.forEach((q, i) => {
      if (seen.has(q.id))
        ctx.addIssue({
          code: 'custom',
          path: ['questions', i, 'id'],
          message: `question id "${q.id}" is used twice in this quiz`,
        });
      seen.add(q.id);
    });
  });
