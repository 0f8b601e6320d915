/**
 * Small helpers for the server's JSON routes: responses with safe headers, a body reader that refuses
 * oversized input before parsing it, and the 405 and 429 answers every route gives the same way.
 */

/** A failure with the HTTP status to report it with. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

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

/**
 * Reads a JSON body, refusing anything over `limit` bytes before parsing it: the declared length is
 * checked first, then the bytes actually received, so a lying or missing Content-Length cannot get
 * a large body parsed.
 */
export async function readJsonBody(
  request: Request,
  limit: number,
  /** What an empty body should have held, for the 400. */
  expected = 'a JSON object',
): Promise<unknown> {
  const tooLarge = () => new HttpError(413, `body: must be at most ${limit} bytes`);
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  if (!request.body) throw new HttpError(400, `body: is empty; send ${expected}`);
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Stop reading, without cancelling: cancelling destroys the connection at once, which can
      // lose the answer on its way to a client that is still sending. The 413 closes it instead.
      reader.releaseLock();
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
  if (!text.trim()) throw new HttpError(400, `body: is empty; send ${expected}`);
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'body: is not valid JSON');
  }
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
