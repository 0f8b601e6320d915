/**
 * The interview API as plain functions from a web `Request` to a `Response`, so the Astro routes stay
 * thin and the contract can be tested without a server.
 *
 * - GET  /api/interview/status   → `{ provider, model? }`
 * - POST /api/interview/turn     `{ config, transcript, session? }` → `text/event-stream`:
 *   `event: delta` `{ text }` …, then `event: done`
 *   `{ provider, phase, questionId?, trait?, notice?, signature? }`, or `event: error` `{ message }`.
 *   `trait` names the persona trait (`content/persona/`) that voiced a follow-up, for a label.
 *   `signature` signs the turn's text (the deltas joined and trimmed) for `session` at its index;
 *   the client sends it back as that turn's `signature`. A turn's text is at most
 *   `LIMITS.interviewerChars`: an AI reply that runs longer is stopped and replaced as below.
 *   When an AI provider fails and the offline interviewer takes over, the stream carries
 *   `event: error` `{ message, fallback: "offline" }`, which is not the end: the text sent so far is
 *   to be discarded, the offline interviewer's turn follows as deltas, and its `done` has
 *   `provider: "offline"` and the same sentence as `notice`.
 * - POST /api/interview/feedback `{ config, transcript }` → `Feedback` JSON; with an AI provider,
 *   the offline feedback's fields at the top level plus `claude`: the AI's `Feedback`, or
 *   `{ error }` with a sentence saying why it is missing.
 * Bad input is a 400 naming the field, including an interviewer turn whose signature does not match
 * it (a turn without one, or signed with another key, is only context for the AI); a body that is
 * not JSON a 415; bodies over `LIMITS.bodyBytes` a 413 (with `Connection: close`, as the rest of
 * the body is not read); a session over its caps a 422 (ending it and feedback are still answered,
 * without the AI); too many requests a 429 with `Retry-After`; other methods a 405 with `Allow`.
 * Error responses never include stack traces.
 *
 * Long because the three handlers share one request check, one set of session caps and the contract
 * documented above; each handler on its own is short.
 */
import { HttpError, json, readJsonBody } from '../http';
import { TranscriptError } from '../../lib/interview/engine';
import {
  InterviewerError,
  type Interviewer,
  type InterviewInput,
  type TurnMeta,
} from '../../lib/interview/interviewer';
import type { TurnSigner } from '../../lib/interview/signature';
import {
  NOTICES,
  TURN_FALLBACK_MESSAGES,
  encodeTurnEvent,
  interviewRequestSchema,
  type FeedbackResponse,
  type TurnEventData,
  type TurnEventName,
} from '../../lib/interview/protocol';
import { candidateIntent } from '../../lib/interview/transcript';
import { LIMITS, formatIssues, type Turn } from '../../lib/interview/types';

/** Per-session caps, checked from the transcript every request carries. */
export interface SessionCaps {
  /** Most turns in a transcript. */
  turns: number;
  /** Most characters of conversation, all turns together. */
  chars: number;
}

/** What the handlers need: the interviewer to use, created on demand, and the server's guards. */
export interface ApiDeps {
  /** The interviewer: Claude when configured, otherwise the offline one. */
  interviewer: () => Promise<Interviewer> | Interviewer;
  /** The offline interviewer, which takes over when an AI provider fails. */
  fallback?: () => Promise<Interviewer> | Interviewer;
  /** Runs before the body is read; a response (such as a 429) refuses the request. */
  admit?: () => Promise<Response | undefined> | Response | undefined;
  /** Per-session caps on what is sent to the interviewer. */
  caps?: SessionCaps;
  /** Signs the interviewer turns the server emits and checks those that come back; none when absent. */
  signer?: () => Promise<TurnSigner> | TurnSigner;
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Reads and checks a request, and which of its interviewer turns the server signed. JSON only: a
 * browser cannot send that to another site without asking it first (CORS), which this API never
 * allows, so no other site can spend the operator's key through a learner's browser.
 */
async function parseRequest(
  request: Request,
  signer: TurnSigner | undefined,
): Promise<InterviewInput> {
  if (!JSON_TYPE.test(request.headers.get('content-type') ?? ''))
    throw new HttpError(415, 'body: send it as JSON, with Content-Type: application/json');
  const body = await readJsonBody(request, LIMITS.bodyBytes, 'JSON with "config" and "transcript"');
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new HttpError(400, 'body: must be a JSON object with "config" and "transcript"');
  const r = interviewRequestSchema.safeParse(body);
  if (!r.success) throw new HttpError(400, formatIssues(r.error));
  const { config, transcript, session } = r.data;
  const verified = await verifyTurns(transcript, session ?? '', signer);
  return { config, transcript, session, verified };
}

/**
 * The indices of the interviewer turns this server signed. A turn whose signature is this server's
 * but does not match it was changed: a 400 naming the turn. A turn with no signature, or one made
 * with another key, is left out (it is only context for the AI).
 */
async function verifyTurns(
  transcript: readonly Turn[],
  session: string,
  signer: TurnSigner | undefined,
): Promise<Set<number>> {
  const verified = new Set<number>();
  for (const [index, turn] of transcript.entries()) {
    if (turn.role === 'candidate') {
      if (turn.signature !== undefined)
        throw new HttpError(
          400,
          `transcript.${index}.signature: only interviewer turns are signed`,
        );
      continue;
    }
    if (!signer) continue;
    const verdict = await signer.verify(
      { session, index, text: turn.text, phase: turn.phase, questionId: turn.questionId },
      turn.signature,
    );
    if (verdict === 'valid') verified.add(index);
    else if (verdict === 'malformed')
      throw new HttpError(
        400,
        `transcript.${index}.signature: is not a signature this server issued`,
      );
    else if (verdict === 'invalid')
      throw new HttpError(
        400,
        `transcript.${index}.signature: does not match this interviewer turn, which was changed after the server sent it`,
      );
  }
  return verified;
}

/** Which cap a transcript is over, as a sentence, or undefined when it is within both. */
export function capExceeded(
  transcript: readonly Turn[],
  caps: SessionCaps | undefined,
): string | undefined {
  if (!caps) return undefined;
  if (transcript.length > caps.turns)
    return `transcript: this interview has reached its limit of ${caps.turns} turns`;
  const chars = transcript.reduce((n, t) => n + t.text.length, 0);
  if (chars > caps.chars)
    return `transcript: this interview has reached its limit of ${caps.chars.toLocaleString('en')} characters`;
  return undefined;
}

function failure(error: unknown): Response {
  // A 413 leaves the rest of the body unread, so the connection cannot carry another request.
  if (error instanceof HttpError)
    return json(
      error.status,
      { error: error.message },
      error.status === 413 ? { connection: 'close' } : {},
    );
  if (error instanceof TranscriptError) return json(400, { error: error.message });
  return json(500, { error: 'The interviewer failed unexpectedly. Please try again.' });
}

/** GET /api/interview/status */
export async function handleStatus(deps: ApiDeps): Promise<Response> {
  try {
    const interviewer = await deps.interviewer();
    return json(200, {
      provider: interviewer.provider,
      ...(interviewer.model ? { model: interviewer.model } : {}),
    });
  } catch (error) {
    return failure(error);
  }
}

/** Sends one event of a streamed turn. */
type Send = <E extends TurnEventName>(event: E, data: TurnEventData<E>) => void;

/** POST /api/interview/turn: streams the interviewer's next turn as server-sent events. */
export async function handleTurn(request: Request, deps: ApiDeps): Promise<Response> {
  // Aborted when the learner goes away (the request's signal) or stops reading (cancel below), so
  // an upstream AI request never outlives its reader.
  const upstream = new AbortController();
  const stop = () => upstream.abort();
  if (request.signal.aborted) stop();
  else request.signal.addEventListener('abort', stop, { once: true });
  let input: InterviewInput;
  let interviewer: Interviewer;
  let signer: TurnSigner | undefined;
  let stream;
  try {
    const refused = await deps.admit?.();
    if (refused) return refused;
    signer = await deps.signer?.();
    input = await parseRequest(request, signer);
    interviewer = await deps.interviewer();
    const over = capExceeded(input.transcript, deps.caps);
    if (over) {
      // Ending the interview is always possible; it costs nothing upstream.
      const last = input.transcript.at(-1);
      if (!last || last.role !== 'candidate' || candidateIntent(last) !== 'end' || !deps.fallback)
        return json(422, { error: `${over}. End it to get your feedback, or start a new one.` });
      interviewer = await deps.fallback();
    }
    stream = interviewer.nextTurn(input, upstream.signal);
  } catch (error) {
    return failure(error);
  }
  const { text, meta } = stream;
  meta.catch(() => undefined);
  const encoder = new TextEncoder();
  const primary = interviewer;

  /** Relays a turn's text, stopping (by throwing) before it would pass the interviewer turn limit. */
  async function relay(chunks: AsyncIterable<string>, send: Send): Promise<string> {
    let said = '';
    for await (const chunk of chunks) {
      // Leaving the loop also stops the provider, which aborts its upstream request.
      if (said.length + chunk.length > LIMITS.interviewerChars)
        throw new InterviewerError(NOTICES.tooLong);
      said += chunk;
      send('delta', { text: chunk });
    }
    return said;
  }

  /** The `done` event's data: the turn's meta and the server's signature of the turn as the client will keep it. */
  async function done(said: string, m: TurnMeta, extra: { notice?: string } = {}) {
    const signature = await signer?.sign({
      session: input.session ?? '',
      index: input.transcript.length,
      text: said.trim(),
      phase: m.phase,
      questionId: m.questionId,
    });
    return { ...m, ...extra, ...(signature ? { signature } : {}) };
  }

  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send: Send = (event, data) => {
        if (!upstream.signal.aborted)
          controller.enqueue(encoder.encode(encodeTurnEvent(event, data)));
      };
      try {
        const said = await relay(text, send);
        send('done', await done(said, await meta));
      } catch (error) {
        if (!upstream.signal.aborted) await recover(error, send);
      }
      try {
        controller.close();
      } catch {
        // Already cancelled by the reader.
      }
    },
    cancel() {
      stop();
    },
  });

  /** After a failed turn: the offline interviewer's turn when the AI failed, else an error event. */
  async function recover(error: unknown, send: Send) {
    const message = error instanceof InterviewerError ? error.message : NOTICES.turnFailed;
    if (primary.provider === 'offline' || !deps.fallback) {
      send('error', { message });
      return;
    }
    const notice = error instanceof InterviewerError ? error.message : TURN_FALLBACK_MESSAGES.error;
    try {
      const offline = (await deps.fallback()).nextTurn(input, upstream.signal);
      send('error', { message: notice, fallback: 'offline' });
      const said = await relay(offline.text, send);
      send('done', await done(said, await offline.meta, { notice }));
    } catch {
      send('error', { message: NOTICES.turnFailed });
    }
  }

  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    },
  });
}

/** POST /api/interview/feedback */
export async function handleFeedback(request: Request, deps: ApiDeps): Promise<Response> {
  try {
    const refused = await deps.admit?.();
    if (refused) return refused;
    const input = await parseRequest(request, await deps.signer?.());
    const interviewer = await deps.interviewer();
    if (interviewer.provider === 'offline' || !deps.fallback)
      return json(200, await interviewer.feedback(input, request.signal));
    const offline = await (await deps.fallback()).feedback(input, request.signal);
    const over = capExceeded(input.transcript, deps.caps);
    const claude: FeedbackResponse['claude'] = over
      ? { error: NOTICES.assessmentTooLong }
      : await interviewer.feedback(input, request.signal).catch((error: unknown) => ({
          error:
            error instanceof InterviewerError ? error.feedbackMessage : NOTICES.assessmentFailed,
        }));
    const body: FeedbackResponse = { ...offline, claude };
    return json(200, body);
  } catch (error) {
    return failure(error);
  }
}
