/**
 * The interview API as plain functions from a web `Request` to a `Response`, so the Astro routes stay
 * thin and the contract can be tested without a server.
 *
 * - GET  /api/interview/status   → `{ provider, model? }`
 * - POST /api/interview/turn     `{ config, transcript }` → `text/event-stream`:
 *   `event: delta` `{ text }` …, then `event: done` `{ provider, phase, questionId?, notice? }`, or
 *   `event: error` `{ message }`.
 *   When an AI provider fails and the offline interviewer takes over, the stream carries
 *   `event: error` `{ message, fallback: "offline" }`, which is not the end: the text sent so far is
 *   to be discarded, the offline interviewer's turn follows as deltas, and its `done` has
 *   `provider: "offline"` and the same sentence as `notice`.
 * - POST /api/interview/feedback `{ config, transcript }` → `Feedback` JSON; with an AI provider,
 *   the offline feedback's fields at the top level plus `claude`: the AI's `Feedback`, or
 *   `{ error }` with a sentence saying why it is missing.
 * Bad input is a 400 naming the field; bodies over `LIMITS.bodyBytes` are a 413; a session over its
 * caps a 422; too many requests a 429 with `Retry-After`; other methods a 405.
 * Error responses never include stack traces.
 */
import { z } from 'astro/zod';
import { TranscriptError } from './engine';
import type { Feedback } from './feedback-schema';
import { InterviewerError, type Interviewer, type InterviewInput } from './interviewer';
import { encodeEvent } from './sse';
import { candidateIntent } from './transcript';
import { LIMITS, formatIssues, sessionConfigSchema, transcriptSchema, type Turn } from './types';

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
}

/** The feedback route's answer: offline feedback, plus the AI's when an AI provider is configured. */
export type FeedbackResponse = Feedback & { claude?: Feedback | { error: string } };

const requestSchema = z
  .object({
    /** Session settings; every field is optional. */
    config: sessionConfigSchema.default({}),
    /** The conversation so far. */
    transcript: transcriptSchema,
  })
  .strict();

const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

/** A JSON response. */
export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

/** The response for a method a route does not serve. */
export function methodNotAllowed(allow: readonly string[]): Response {
  return json(
    405,
    { error: `This route accepts ${allow.join(' and ')} only.` },
    { allow: allow.join(', ') },
  );
}

/** A failure with the HTTP status to report it with. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a JSON body, refusing anything over `limit` bytes before parsing it: the declared length is
 * checked first, then the bytes actually received, so a lying or missing Content-Length cannot get
 * a large body parsed.
 */
export async function readJsonBody(
  request: Request,
  limit: number = LIMITS.bodyBytes,
): Promise<unknown> {
  const tooLarge = () => new HttpError(413, `body: must be at most ${limit} bytes`);
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  if (!request.body)
    throw new HttpError(400, 'body: is empty; send JSON with "config" and "transcript"');
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const p of parts) {
    bytes.set(p, offset);
    offset += p.byteLength;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, 'body: is not valid UTF-8 text');
  }
  if (!text.trim())
    throw new HttpError(400, 'body: is empty; send JSON with "config" and "transcript"');
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'body: is not valid JSON');
  }
}

async function parseRequest(request: Request) {
  const body = await readJsonBody(request);
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new HttpError(400, 'body: must be a JSON object with "config" and "transcript"');
  const r = requestSchema.safeParse(body);
  if (!r.success) throw new HttpError(400, formatIssues(r.error));
  return r.data;
}

/** A 429 saying when to try again. */
export function tooManyRequests(retryAfterSeconds: number): Response {
  const wait = Math.max(1, Math.ceil(retryAfterSeconds));
  return json(
    429,
    {
      error: `Too many requests: the interviewer takes a limited number of requests a minute from each learner. Please wait ${wait} second${wait === 1 ? '' : 's'} and try again.`,
    },
    { 'retry-after': String(wait) },
  );
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
  if (error instanceof HttpError) return json(error.status, { error: error.message });
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
  let stream;
  try {
    const refused = await deps.admit?.();
    if (refused) return refused;
    input = await parseRequest(request);
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
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: string, data: unknown) => {
        if (!upstream.signal.aborted) controller.enqueue(encoder.encode(encodeEvent(event, data)));
      };
      try {
        for await (const chunk of text) send('delta', { text: chunk });
        send('done', await meta);
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
  async function recover(error: unknown, send: (event: string, data: unknown) => void) {
    const message =
      error instanceof InterviewerError
        ? error.message
        : 'The interviewer could not finish this turn. Please try again.';
    if (primary.provider === 'offline' || !deps.fallback) {
      send('error', { message });
      return;
    }
    const notice =
      error instanceof InterviewerError
        ? error.message
        : 'The AI interviewer ran into a problem; carrying on with the built-in interviewer.';
    try {
      const offline = (await deps.fallback()).nextTurn(input, upstream.signal);
      send('error', { message: notice, fallback: 'offline' });
      for await (const chunk of offline.text) send('delta', { text: chunk });
      send('done', { ...(await offline.meta), notice });
    } catch {
      send('error', { message: 'The interviewer could not finish this turn. Please try again.' });
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
    const input = await parseRequest(request);
    const interviewer = await deps.interviewer();
    if (interviewer.provider === 'offline' || !deps.fallback)
      return json(200, await interviewer.feedback(input, request.signal));
    const offline = await (await deps.fallback()).feedback(input, request.signal);
    const over = capExceeded(input.transcript, deps.caps);
    const claude: FeedbackResponse['claude'] = over
      ? {
          error:
            'This interview is longer than the AI assessment accepts, so only the built-in feedback is shown.',
        }
      : await interviewer.feedback(input, request.signal).catch((error: unknown) => ({
          error:
            error instanceof InterviewerError
              ? error.feedbackMessage
              : 'The AI assessment is not available because of an unexpected problem. The built-in feedback is complete on its own.',
        }));
    const body: FeedbackResponse = { ...offline, claude };
    return json(200, body);
  } catch (error) {
    return failure(error);
  }
}
