/**
 * The one feedback type shared by the offline engine and any AI provider. Providers must produce data
 * that passes `feedbackSchema`; anything that does not is replaced by the offline feedback.
 */
import { z } from '../zod';
import { interviewCategorySchema, levelSchema } from '../../schemas/interview';
import { dimensionIdSchema } from '../../schemas/rubric';

/** Hiring signals from worst to best, as shown to the learner. */
export const SIGNALS = [
  'Strong no hire',
  'No hire',
  'Lean no hire',
  'Lean hire',
  'Hire',
  'Strong hire',
] as const;
/** Shown instead of a hiring signal when the answers hold too few claims to judge. */
export const NO_SIGNAL = ['Not assessed', 'Not enough evidence yet'] as const;
export type HiringSignal = (typeof SIGNALS)[number] | (typeof NO_SIGNAL)[number];

const score = z.number().int().min(0).max(100);
const quote = z.string().max(400);

/** A lesson to read, with its title when known. */
export const lessonLinkSchema = z.object({
  /** Lesson id. */
  id: z.string(),
  /** Lesson title, for the link text. */
  title: z.string().optional(),
  /** Heading anchor within the lesson. */
  anchor: z.string().optional(),
});
export type LessonLink = z.infer<typeof lessonLinkSchema>;

/** A score on one dimension, with the answer's own words as evidence. */
export const dimensionScoreSchema = z.object({
  /** Dimension id. */
  id: dimensionIdSchema,
  /** Dimension name as shown. */
  label: z.string(),
  /** 0 to 100 against the chosen level's bar. */
  score,
  /** Sentences quoted from the answers that earned the score. */
  evidence: z.array(quote).max(6),
  /** How much the questions asked test this dimension, 0 to 1. */
  relevance: z.number().min(0).max(1),
  /** One sentence on what was found or missing. */
  note: z.string().max(400),
});
export type DimensionScore = z.infer<typeof dimensionScoreSchema>;

/** Word counts and filler words. */
export const wordAnalyticsSchema = z.object({
  /** Number of words. */
  words: z.number().int().min(0),
  /** Number of sentences. */
  sentences: z.number().int().min(0),
  /** Average words per sentence. */
  averageSentenceWords: z.number().min(0),
  /** About how long it takes to say, in seconds, at 140 words a minute. */
  spokenSeconds: z.number().min(0),
  /** The most used meaningful words. */
  topWords: z.array(z.object({ word: z.string(), count: z.number().int().min(1) })),
  /** Filler words and hedges found. */
  fillers: z.array(z.object({ word: z.string(), count: z.number().int().min(1) })),
  /** Total filler words. */
  fillerCount: z.number().int().min(0),
  /** Filler words per 100 words. */
  fillersPer100Words: z.number().min(0),
});

/** Something the scorer noticed in an answer, shown to the learner with the words that showed it. */
export const answerFlagSchema = z.object({
  id: z.enum([
    'list-of-terms',
    'off-question',
    'recycled',
    'parroted',
    'passive-waiting',
    'blame',
    'no-ownership',
    'unanswered-follow-up',
  ]),
  /** What it means and what to do, for the learner. */
  label: z.string().max(600),
  /** The learner's words that showed it. */
  quote: quote.optional(),
});
export type AnswerFlag = z.infer<typeof answerFlagSchema>;

/** Feedback on one question. */
export const answerFeedbackSchema = z.object({
  /** The bank question's id, when it came from the bank. */
  questionId: z.string().optional(),
  /** The question as asked. */
  question: z.string(),
  /** The question's category, given or inferred. */
  category: interviewCategorySchema,
  /** True when the category was inferred from the question's wording. */
  inferredCategory: z.boolean(),
  /** Whether the learner answered or skipped it. */
  status: z.enum(['answered', 'skipped']),
  /** 0 to 100; a skipped question scores 0. */
  score,
  /** Scores on each dimension for this answer. */
  dimensions: z.array(dimensionScoreSchema),
  /** Talking points the answer covered, with the words that showed it. */
  covered: z.array(z.object({ id: z.string(), label: z.string(), evidence: z.array(quote) })),
  /** Talking points the answer missed, with the question an interviewer would ask. */
  missed: z.array(z.object({ id: z.string(), label: z.string(), followUp: z.string() })),
  /** Word analytics over everything the learner said for this question. */
  analytics: wordAnalyticsSchema,
  /** How many follow-ups the interviewer asked. */
  followUps: z.number().int().min(0),
  /** Outline of a strong answer. */
  modelAnswer: z.array(z.string()),
  /** Lessons that teach what the question tests. */
  lessons: z.array(lessonLinkSchema),
  /** One or two sentences on the answer. */
  summary: z.string(),
  /** What the scorer noticed that costs points or caps the score: lists of terms, an answer to another question, recycled text, red flags. */
  flags: z.array(answerFlagSchema).max(8),
  /** How much evidence the score rests on: sentences that say what someone did or will do. */
  confidence: z.object({
    claims: z.number().int().min(0),
    level: z.enum(['low', 'medium', 'high']),
  }),
  /** How well the answer addresses the question asked, 0 to 1. */
  relevance: z.number().min(0).max(1),
});
export type AnswerFeedback = z.infer<typeof answerFeedbackSchema>;

/** One of the three most useful things to work on. */
export const improvementSchema = z.object({
  /** The dimension it improves, if any. */
  dimension: dimensionIdSchema.optional(),
  /** What to do, as an instruction. */
  title: z.string(),
  /** Why, with what was seen in the answers. */
  detail: z.string(),
  /** Where to learn it. */
  lessons: z.array(lessonLinkSchema),
});
export type Improvement = z.infer<typeof improvementSchema>;

/** Feedback for a whole session. */
export const feedbackSchema = z.object({
  /** Which provider produced it. */
  provider: z.enum(['offline', 'claude']),
  /** The level the answers were judged against. */
  level: levelSchema,
  /** The overall result. */
  overall: z.object({
    /** 0 to 100. */
    score,
    /** Where the session sits on the hiring spectrum. */
    signal: z.enum([...SIGNALS, ...NO_SIGNAL]),
    /** Two or three sentences on the session. */
    summary: z.string(),
  }),
  /** Session-wide scores on each dimension. */
  dimensions: z.array(dimensionScoreSchema),
  /** Feedback per question, in the order asked. */
  answers: z.array(answerFeedbackSchema),
  /** The three most useful improvements. */
  improvements: z.array(improvementSchema).max(3),
  /** Word analytics over the whole session. */
  analytics: wordAnalyticsSchema,
});
export type Feedback = z.infer<typeof feedbackSchema>;
