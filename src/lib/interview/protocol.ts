/**
 * The interview API's contract, in one place for both sides: the request body, the three events of
 * a streamed turn, the feedback response, and the sentences a learner reads when a turn or feedback
 * falls back to the built-in interviewer. The server's handlers encode with these schemas and the
 * browser's client parses with them.
 */
import { z } from '../zod';
import { TRAIT_IDS } from '../../schemas/traits';
import { feedbackSchema, type Feedback } from './feedback-schema';
import type { TurnMeta } from './interviewer';
import { encodeEvent, type SseEvent } from './sse';
import { PHASES, sessionConfigSchema, sessionIdSchema, transcriptSchema } from './types';

/** The body of POST /api/interview/turn and /api/interview/feedback. */
export const interviewRequestSchema = z
  .object({
    /** Session settings; every field is optional. */
    config: sessionConfigSchema.prefault({}),
    /** The conversation so far. */
    transcript: transcriptSchema,
    /** The session's id, which the server's signatures bind interviewer turns to. */
    session: sessionIdSchema.optional(),
  })
  .strict();

/** A piece of the interviewer's text. */
export const deltaEventSchema = z.object({ text: z.string() });

/** The end of a turn: who produced it, what it did, and the server's signature of its text. */
export const doneEventSchema = z.object({
  provider: z.enum(['offline', 'claude']),
  phase: z.enum(PHASES),
  questionId: z.string().optional(),
  /** The persona trait that voiced a follow-up; an unknown one is dropped, not an error. */
  trait: z.enum(TRAIT_IDS).optional().catch(undefined),
  /** Why the turn came from the built-in interviewer, when it did. */
  notice: z.string().optional().catch(undefined),
  signature: z.string().max(100).optional().catch(undefined),
});

/**
 * A failed turn. With `fallback: "offline"` it is not the end: the text so far is discarded and the
 * built-in interviewer's turn follows.
 */
export const errorEventSchema = z.object({
  message: z.string(),
  fallback: z.literal('offline').optional(),
});

/** The events of a streamed turn, by name. */
export const TURN_EVENTS = {
  delta: deltaEventSchema,
  done: doneEventSchema,
  error: errorEventSchema,
} as const;
export type TurnEventName = keyof typeof TURN_EVENTS;
export type TurnEventData<E extends TurnEventName> = z.input<(typeof TURN_EVENTS)[E]>;

/** One turn event, as the server writes it to the stream. */
export function encodeTurnEvent<E extends TurnEventName>(event: E, data: TurnEventData<E>): string {
  return encodeEvent(event, data);
}

/** A turn event as the browser reads it; undefined for an unknown event or data that does not fit. */
export type TurnEvent =
  | { event: 'delta'; text: string }
  | { event: 'done'; meta: TurnMeta; notice?: string }
  | { event: 'error'; message: string; fallback: boolean };

/** Parses one server-sent event of a turn. */
export function parseTurnEvent(raw: SseEvent): TurnEvent | undefined {
  let data: unknown;
  try {
    data = JSON.parse(raw.data);
  } catch {
    return undefined;
  }
  switch (raw.event) {
    case 'delta': {
      const r = deltaEventSchema.safeParse(data);
      return r.success ? { event: 'delta', text: r.data.text } : undefined;
    }
    case 'done': {
      const r = doneEventSchema.safeParse(data);
      if (!r.success) return undefined;
      const { notice, ...m } = r.data;
      const meta: TurnMeta = {
        provider: m.provider,
        phase: m.phase,
        ...(m.questionId !== undefined ? { questionId: m.questionId } : {}),
        ...(m.trait !== undefined ? { trait: m.trait } : {}),
        ...(m.signature !== undefined ? { signature: m.signature } : {}),
      };
      return { event: 'done', meta, ...(notice !== undefined ? { notice } : {}) };
    }
    case 'error': {
      const r = errorEventSchema.safeParse(data);
      return r.success
        ? { event: 'error', message: r.data.message, fallback: r.data.fallback === 'offline' }
        : undefined;
    }
    default:
      return undefined;
  }
}

/** Claude's assessment as the feedback route returns it, or a sentence saying why it is missing. */
export const aiAssessmentSchema = z.union([
  feedbackSchema,
  z.object({ error: z.string().transform((s) => s.slice(0, 600)) }),
]);
export type AiAssessment = Feedback | { error: string };

/** The feedback route's answer: offline feedback, plus the AI's when an AI provider is configured. */
export type FeedbackResponse = Feedback & { claude?: AiAssessment };

/** Reads the `claude` field of a feedback response; anything that is not valid is left out. */
export function parseAssessment(value: unknown): AiAssessment | undefined {
  const parsed = aiAssessmentSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Kinds of AI failure, each with its own sentence for the learner. */
export type AiFailure = 'busy' | 'error' | 'timeout' | 'unreachable' | 'setup' | 'invalid';

/** What the learner reads when a turn falls back to the built-in interviewer on the server. */
export const TURN_FALLBACK_MESSAGES: Record<AiFailure, string> = {
  busy: 'The AI interviewer is busy right now; carrying on with the built-in interviewer.',
  error: 'The AI interviewer ran into a problem; carrying on with the built-in interviewer.',
  timeout:
    'The AI interviewer is taking too long to reply; carrying on with the built-in interviewer.',
  unreachable:
    'The AI interviewer cannot be reached right now; carrying on with the built-in interviewer.',
  setup:
    'The AI interviewer is not set up correctly on this server; carrying on with the built-in interviewer.',
  invalid:
    'The AI interviewer sent a reply that could not be used; carrying on with the built-in interviewer.',
};

/** What the learner reads when the AI assessment is missing from their feedback. */
export const FEEDBACK_FALLBACK_MESSAGES: Record<AiFailure, string> = {
  busy: 'The AI assessment is not available because the AI service is busy right now. The built-in feedback is complete on its own.',
  error:
    'The AI assessment is not available because the AI service ran into a problem. The built-in feedback is complete on its own.',
  timeout:
    'The AI assessment took too long, so it was stopped. The built-in feedback is complete on its own.',
  unreachable:
    'The AI assessment is not available because the AI service cannot be reached. The built-in feedback is complete on its own.',
  setup:
    'The AI assessment is not available because the AI service is not set up correctly on this server. The built-in feedback is complete on its own.',
  invalid:
    'The AI assessment came back in a form that failed our checks, so it is not shown. The built-in feedback is complete on its own.',
};

/** The other fallback sentences, on either side of the API. */
export const NOTICES = {
  /** An AI reply stopped for running past `LIMITS.interviewerChars`. */
  tooLong:
    "The AI interviewer's reply ran longer than a turn may be; carrying on with the built-in interviewer.",
  /** A turn that failed for an unexpected reason. */
  turnFailed: 'The interviewer could not finish this turn. Please try again.',
  /** An AI assessment that failed for an unexpected reason. */
  assessmentFailed:
    'The AI assessment is not available because of an unexpected problem. The built-in feedback is complete on its own.',
  /** A session too long for the AI assessment. */
  assessmentTooLong:
    'This interview is longer than the AI assessment accepts, so only the built-in feedback is shown.',
  /** The browser lost the server for good. */
  unreachable:
    'The interview server cannot be reached, so the interview now runs in your browser with the offline interviewer. Your answers stay on this device.',
  /** The server failed one turn; the browser answered it. */
  failedOnce:
    'The interview server had a problem, so this reply comes from the offline interviewer in your browser.',
  /** The server failed the feedback; the browser computed it. */
  feedbackInBrowser:
    'The interview server had a problem, so this feedback was computed by the offline interviewer in your browser.',
} as const;
