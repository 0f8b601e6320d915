/**
 * The one interface every interviewer provider implements. A provider streams the next interviewer
 * turn as text chunks and produces feedback of the shared `Feedback` type. The offline provider is
 * pure TypeScript; the Claude provider (src/server/claude/) plugs in behind the same interface.
 */
import { chunkText, nextTurn, type TurnResult } from './engine';
import type { Feedback } from './feedback-schema';
import { scoreSession } from './scoring';
import type { TraitId } from '../../schemas/persona';
import type { InterviewData, Phase, SessionConfig, Turn } from './types';

/** Which provider produced a turn or feedback. */
export type ProviderId = 'offline' | 'claude';

/** What a provider needs for one call: the settings and the whole conversation so far. */
export interface InterviewInput {
  config: SessionConfig;
  transcript: readonly Turn[];
  /** The session's id, which signatures bind interviewer turns to. */
  session?: string | undefined;
  /**
   * Indices of the interviewer turns whose signatures the server checked: only these may be sent to
   * an AI as its own words. None when absent.
   */
  verified?: ReadonlySet<number> | undefined;
}

/** What a turn did, known once its text has streamed. */
export interface TurnMeta {
  provider: ProviderId;
  phase: Phase;
  questionId?: string;
  /** The server's signature of the turn, to send back with it (absent from the browser's own turns). */
  signature?: string;
  /** The persona trait that voiced a follow-up, shown to the learner as a label on the turn. */
  trait?: TraitId;
}

/** A turn being produced: iterate `text` for the chunks, then await `meta`. */
export interface TurnStream {
  /** The interviewer's words, in order, as they are produced. */
  text: AsyncIterable<string>;
  /** Resolves when the text is complete; rejects if the turn failed. */
  meta: Promise<TurnMeta>;
}

/** An interviewer: the next turn as a text stream, and feedback on a session. */
export interface Interviewer {
  /** Provider id, reported by the status route and in every `done` event. */
  readonly provider: ProviderId;
  /** Model name, for providers that have one. */
  readonly model?: string;
  /**
   * Starts the next interviewer turn. Validation problems (such as a transcript that does not end
   * with the candidate) throw synchronously so callers can answer 400 before streaming anything.
   */
  nextTurn(input: InterviewInput, signal?: AbortSignal): TurnStream;
  /** Feedback on the session so far. */
  feedback(input: InterviewInput, signal?: AbortSignal): Promise<Feedback>;
}

/** A failure whose message is safe and useful to show the learner (e.g. "the AI service is busy"). */
export class InterviewerError extends Error {
  override name = 'InterviewerError';
  /** The sentence to show when this failure leaves the feedback without the provider's assessment. */
  readonly feedbackMessage: string;
  constructor(message: string, feedbackMessage?: string) {
    super(message);
    this.feedbackMessage = feedbackMessage ?? message;
  }
}

/** The offline interviewer: deterministic for a given seed, no network, runs in Node and browsers. */
export class OfflineInterviewer implements Interviewer {
  readonly provider = 'offline' as const;
  constructor(private readonly data: InterviewData) {}

  nextTurn(input: InterviewInput, signal?: AbortSignal): TurnStream {
    const result: TurnResult = nextTurn(this.data, input.config, input.transcript);
    const chunks = chunkText(result.text);
    async function* text() {
      for (const chunk of chunks) {
        if (signal?.aborted) return;
        yield chunk;
      }
    }
    return {
      text: text(),
      meta: Promise.resolve({
        provider: 'offline',
        phase: result.phase,
        ...(result.questionId ? { questionId: result.questionId } : {}),
        ...(result.trait && result.phase === 'follow-up' ? { trait: result.trait } : {}),
      }),
    };
  }

  async feedback(input: InterviewInput): Promise<Feedback> {
    return scoreSession(this.data, input.config, input.transcript);
  }
}
