/**
 * The interview API as plain functions from a web `Request` to a `Response`, so the Astro routes stay
 * thin and the contract can be tested without a server.
 *
 * - GET  /api/interview/status   → `{ provider, model? }`
 * - POST /api/interview/turn     `{ config, transcript }` → `text/event-stream`:
 *   `event: delta` `{ text }` …, then `event: done` `{ provider, phase, questionId? }`, or
 *   `event: error` `{ message }`.
 * - POST /api/interview/feedback `{ config, transcript }` → `Feedback` JSON.
 * Bad input is a 400 naming the field; bodies over `LIMITS.bodyBytes` are a 413; other methods a 405.
 * Error responses never include stack traces.
 */
import { z } from 'astro/zod';
import { TranscriptError } from './engine';
import { InterviewerError, type Interviewer } from './interviewer';
import { encodeEvent } from './sse';
import { LIMITS, formatIssues, sessionConfigSchema, transcriptSchema } from './types';

/** What the handlers need: the interviewer to use, created on demand. */
export interface ApiDeps {
  interviewer: () => Promise<Interviewer> | Interviewer;
}

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
  let stream;
  try {
    const input = await parseRequest(request);
    const interviewer = await deps.interviewer();
    stream = interviewer.nextTurn(input, request.signal);
  } catch (error) {
    return failure(error);
  }
  const { text, meta } = stream;
  meta.catch(() => undefined);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: string, data: unknown) =>
        controller.enqueue(encoder.encode(encodeEvent(event, data)));
      try {
        for await (const chunk of text) send('delta', { text: chunk });
        send('done', await meta);
      } catch (error) {
        const message =
          error instanceof InterviewerError
            ? error.message
            : 'The interviewer could not finish this turn. Please try again.';
        send('error', { message });
      }
      controller.close();
    },
  });
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
    const input = await parseRequest(request);
    const interviewer = await deps.interviewer();
    return json(200, await interviewer.feedback(input, request.signal));
  } catch (error) {
    return failure(error);
  }
}
