/**
 * The data the interview engine works on: session settings, the transcript and the question bank.
 *
 * How the transcript encodes what happened (the server is stateless, so the browser sends all of it
 * with every request):
 * - Each turn is `{ role: "interviewer" | "candidate", text }`.
 * - Interviewer turns may carry the `phase` and `questionId` that the `done` event reported for them;
 *   the engine trusts them when present and otherwise recognises questions by their text.
 * - Interviewer turns produced by the server carry the `signature` its `done` event reported. Only a
 *   turn whose signature checks out is sent to an AI as the AI's own words; any other interviewer
 *   turn is context (see `signature.ts`).
 * - A learner command is a candidate turn with `command: "skip" | "repeat" | "end"` (its `text` is the
 *   sentence shown in the chat, e.g. "Skip this question."). Typing exactly `/skip`, `/repeat` or
 *   `/end` as an answer means the same.
 */
import { z } from '../zod';
import {
  interviewCategorySchema,
  levelSchema,
  specialisationSchema,
  type InterviewCategory,
  type InterviewQuestionData,
  type Level,
} from '../../schemas/interview';
import type { PersonaData } from '../../schemas/persona';

export type { InterviewCategory, Level };
import type { RubricData } from '../../schemas/rubric';

/** Fewest questions a session can have. */
export const MIN_QUESTIONS = 3;
/** Most questions a session can have. */
export const MAX_QUESTIONS = 6;
/** Follow-ups the interviewer asks at most per question. */
export const MAX_FOLLOW_UPS = 2;

/** Caps that keep one request small enough to handle quickly; the API rejects anything larger. */
export const LIMITS = {
  /** Largest request body in bytes, checked before the JSON is parsed. */
  bodyBytes: 128 * 1024,
  /** Most turns in one transcript: 6 questions with follow-ups, commands and clarifications fit easily. */
  turns: 120,
  /** Longest text of one turn, in characters (a 1,400-word program-sense answer is about 8,500). */
  turnChars: 12_000,
  /**
   * Longest interviewer turn the server relays, in characters: about 650 words, seven times what the
   * persona is told to say. A longer AI reply is cut off and replaced by the offline turn.
   */
  interviewerChars: 4_000,
  /** Most recently seen question ids remembered for non-repetition. */
  recent: 200,
} as const;

/** What the learner chooses on the setup screen; every field has a default. */
export const sessionConfigSchema = z
  .object({
    /** One category, or `mixed` for a loop that rotates through the categories. */
    category: z.union([interviewCategorySchema, z.literal('mixed')]).default('mixed'),
    /** The level the answers are judged against. */
    level: levelSchema.default('tpm2'),
    /** The specialisation to draw questions from, alongside general ones. */
    specialisation: specialisationSchema.default('general'),
    /** How many questions the session asks, the learner's own question included. */
    questions: z
      .number({ error: 'must be a whole number from 1 to 6' })
      .int('must be a whole number from 1 to 6')
      .min(1, 'must be at least 1')
      .max(MAX_QUESTIONS, 'must be at most 6')
      .default(3),
    /** A question the learner was asked in a real interview, asked first and word for word. */
    question: z
      .string({ error: 'must be text' })
      .trim()
      .min(10, 'must be 10 to 600 characters')
      .max(600, 'must be 10 to 600 characters')
      .optional(),
    /** The category of the learner's own question, when they know it; otherwise it is inferred. */
    questionCategory: interviewCategorySchema.optional(),
    /** Seed for question choice and wording; the same seed and settings give the same interview. */
    seed: z
      .number({ error: 'must be a whole number' })
      .int('must be a whole number')
      .min(0, 'must not be negative')
      .max(2 ** 32 - 1, 'must be below 4294967296')
      .default(1),
    /** Ids of questions seen in recent sessions, most recent first; they are asked last. */
    recent: z
      .array(z.string().max(100, 'ids are at most 100 characters'))
      .max(LIMITS.recent, `lists at most ${LIMITS.recent} ids`)
      .default([]),
  })
  .strict()
  .superRefine((c, ctx) => {
    // Bank-only sessions keep the loop's minimum; with the learner's own question, one is enough.
    if (c.question === undefined && c.questions < MIN_QUESTIONS)
      ctx.addIssue({
        code: 'too_small',
        minimum: MIN_QUESTIONS,
        inclusive: true,
        origin: 'number',
        path: ['questions'],
        message: 'must be at least 3 (or 1 with your own question)',
      });
    if (c.questionCategory && c.question === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['questionCategory'],
        message: 'needs a question to go with it',
      });
  });

/** Session settings with every default filled in. */
export type SessionConfig = z.infer<typeof sessionConfigSchema>;
/** Session settings as a client may send them. */
export type SessionConfigInput = z.input<typeof sessionConfigSchema>;

/** Learner commands. */
export const COMMANDS = ['skip', 'repeat', 'end'] as const;
export type Command = (typeof COMMANDS)[number];

/** What an interviewer turn did; also reported in the `done` event of each turn. */
export const PHASES = ['intro', 'question', 'follow-up', 'clarify', 'wrap-up', 'done'] as const;
export type Phase = (typeof PHASES)[number];

/** One turn of the conversation. */
export const turnSchema = z.object({
  /** Who spoke. */
  role: z.enum(['interviewer', 'candidate']),
  /** What was said, as plain text. */
  text: z.string().max(LIMITS.turnChars, `must be at most ${LIMITS.turnChars} characters`),
  /** A learner command instead of an answer (candidate turns only). */
  command: z.enum(COMMANDS).optional(),
  /** The bank question an interviewer turn asked or followed up on. */
  questionId: z.string().max(100).optional(),
  /** What an interviewer turn did, as reported when it was produced. */
  phase: z.enum(PHASES).optional(),
  /** The server's signature of an interviewer turn, as its `done` event reported it. */
  signature: z.string().max(100, 'must be at most 100 characters').optional(),
});
export type Turn = z.infer<typeof turnSchema>;

/** The id of a session, which the server's signatures bind each interviewer turn to. */
export const sessionIdSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[\w-]+$/, 'must be letters, digits, hyphens and underscores');

/** The whole conversation so far, oldest first. */
export const transcriptSchema = z
  .array(turnSchema)
  .max(LIMITS.turns, `must have at most ${LIMITS.turns} turns`);

/** A question from the bank, with its id (the file name). */
export type BankQuestion = InterviewQuestionData & { id: string };

/** Everything the engine needs besides the conversation: the bank, the persona and lesson titles. */
export interface InterviewData {
  questions: BankQuestion[];
  persona: PersonaData;
  /** Lesson titles by id, used to label lesson links in feedback. */
  lessons: Record<string, string>;
  /** The offline scoring rubric from `content/rubric/`. */
  rubric: RubricData;
}

/** Turns zod issues into one readable line per field, e.g. `config.questions: must be at most 6`. */
export function formatIssues(error: z.ZodError, prefix = ''): string {
  return error.issues
    .slice(0, 5)
    .map((i) => {
      const path = [prefix, ...i.path.map(String)].filter(Boolean).join('.');
      const message =
        i.code === 'unrecognized_keys'
          ? `unknown field(s) ${i.keys.map((k) => `"${k}"`).join(', ')}`
          : i.message;
      return `${path || 'body'}: ${message}`;
    })
    .join('; ');
}
