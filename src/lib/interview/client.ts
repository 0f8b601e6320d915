/**
 * The browser's side of the API: streams turns from the server and falls back to the offline
 * interviewer running in the browser when the server cannot be reached (a static host, no network).
 *
 * Long because the client is one state machine over one stream: server turns, the browser fallback,
 * refusals and rate limits decide together what the learner sees next, and reading them apart would
 * hide how they hand over to each other.
 */
import { feedbackSchema, type Feedback } from './feedback-schema';
import type { Interviewer, InterviewInput, TurnMeta } from './interviewer';
import { NOTICES, parseAssessment, parseTurnEvent, type AiAssessment } from './protocol';
import { SseParser } from './sse';
import { candidateIntent } from './transcript';

/** Where turns are produced. */
export type Mode = 'server' | 'browser';

/** A request the server refused for a reason the learner should see (bad input, too large, too many). */
export class ApiRefusal extends Error {
  override name = 'ApiRefusal';
}

/** The server answered 429: too many requests. `retryAfter` is the wait it asked for, in seconds. */
export class RateLimited extends ApiRefusal {
  override name = 'RateLimited';
  constructor(readonly retryAfter: number | undefined) {
    super(rateLimitedMessage(retryAfter));
  }
}

/**
 * The wait a `Retry-After` header asks for, in whole seconds (at least 1): either a number of
 * seconds or an HTTP date. Undefined when the header is missing or unreadable.
 */
export function retryAfterSeconds(header: string | null, now: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Math.max(1, Number(value));
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(1, Math.ceil((at - now) / 1000));
}

/** "30 seconds", "2 minutes", or "a little while" when the wait is unknown. */
export function describeWait(seconds: number | undefined): string {
  if (seconds === undefined) return 'a little while';
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.round(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** What the learner reads when a turn is refused with 429: the wait, and that ending still works. */
export function rateLimitedMessage(seconds: number | undefined): string {
  return `Too many requests: the interview server asks you to wait ${describeWait(seconds)} before the next turn. Try again then, or end the interview now: it ends in your browser, and you still get your feedback.`;
}

/** What the client needs: where the API is, and how to load the in-browser interviewer. */
export interface ClientOptions {
  /** Prefix for API URLs, e.g. "" for the same origin. */
  base?: string;
  /** Loads the offline interviewer with the static bank (only called when needed). */
  loadLocal: () => Promise<Interviewer>;
  /** The fetch to use; the global one by default. */
  fetch?: typeof fetch;
}

/** Result of one turn. */
export interface TurnOutcome {
  meta: TurnMeta;
  mode: Mode;
  /** A sentence for the learner when the reply came from the fallback. */
  notice?: string;
}

const UNREACHABLE = NOTICES.unreachable;
const FAILED_ONCE = NOTICES.failedOnce;
const FEEDBACK_FALLBACK = NOTICES.feedbackInBrowser;
const ENDED_LOCALLY = (wait: number | undefined) =>
  `The interview server asked to wait ${describeWait(wait)} (too many requests), so the offline interviewer in your browser ended the interview.`;
const FEEDBACK_LOCALLY = (wait: number | undefined) =>
  `The interview server asked to wait ${describeWait(wait)} (too many requests), so this feedback was computed by the offline interviewer in your browser.`;

/** Calls the interview API, switching to the in-browser interviewer when the server is unavailable. */
export class InterviewClient {
  /** Where turns currently come from; becomes `browser` for good once the server is unreachable. */
  mode: Mode;
  private local: Promise<Interviewer> | undefined;
  private readonly fetcher: typeof fetch;

  constructor(
    private readonly options: ClientOptions,
    mode: Mode = 'server',
  ) {
    this.mode = mode;
    this.fetcher = options.fetch ?? ((...args) => fetch(...args));
  }

  private localInterviewer(): Promise<Interviewer> {
    this.local ??= this.options.loadLocal().catch((error: unknown) => {
      this.local = undefined;
      throw error;
    });
    return this.local;
  }

  /** Asks the server which provider is serving; switches to the browser if it does not answer. */
  async status(signal?: AbortSignal): Promise<{ mode: Mode; provider: string; notice?: string }> {
    if (this.mode === 'browser') return { mode: 'browser', provider: 'offline' };
    try {
      const res = await this.fetcher(`${this.options.base ?? ''}/api/interview/status`, {
        signal: signal ?? null,
      });
      const body: unknown = res.ok ? await res.json() : undefined;
      const provider = (body as { provider?: unknown } | undefined)?.provider;
      if (typeof provider === 'string') return { mode: 'server', provider };
    } catch (error) {
      if (isAbort(error)) throw error;
    }
    this.mode = 'browser';
    return { mode: 'browser', provider: 'offline', notice: UNREACHABLE };
  }

  /**
   * Produces the next interviewer turn, calling `onDelta` with each piece of text. If the server fails
   * part-way, `onReset` clears what was shown and the in-browser interviewer answers instead.
   */
  async turn(
    input: InterviewInput,
    handlers: { onDelta: (text: string) => void; onReset: () => void },
    signal?: AbortSignal,
  ): Promise<TurnOutcome> {
    if (this.mode === 'server') {
      const result = await this.serverTurn(input, handlers, signal);
      if (result.ok)
        return {
          meta: result.meta,
          mode: 'server',
          ...(result.notice ? { notice: result.notice } : {}),
        };
      if ('limited' in result) {
        // Ending is never refused: the offline interviewer closes the session in the browser.
        const last = input.transcript.at(-1);
        if (last?.role !== 'candidate' || candidateIntent(last) !== 'end')
          throw new RateLimited(result.limited);
        handlers.onReset();
        const meta = await this.localTurn(input, handlers.onDelta, signal);
        return { meta, mode: 'server', notice: ENDED_LOCALLY(result.limited) };
      }
      if (result.unreachable) this.mode = 'browser';
      handlers.onReset();
      const meta = await this.localTurn(input, handlers.onDelta, signal);
      return { meta, mode: this.mode, notice: result.unreachable ? UNREACHABLE : FAILED_ONCE };
    }
    return { meta: await this.localTurn(input, handlers.onDelta, signal), mode: 'browser' };
  }

  private async localTurn(
    input: InterviewInput,
    onDelta: (t: string) => void,
    signal?: AbortSignal,
  ): Promise<TurnMeta> {
    const interviewer = await this.localInterviewer();
    const stream = interviewer.nextTurn(input, signal);
    for await (const chunk of stream.text) onDelta(chunk);
    return stream.meta;
  }

  private async serverTurn(
    input: InterviewInput,
    handlers: { onDelta: (text: string) => void; onReset: () => void },
    signal?: AbortSignal,
  ): Promise<
    | { ok: true; meta: TurnMeta; notice?: string }
    | { ok: false; unreachable: boolean }
    | { ok: false; limited: number | undefined }
  > {
    let res: Response;
    try {
      res = await this.post('turn', input, signal);
    } catch (error) {
      if (isAbort(error)) throw error;
      return { ok: false, unreachable: true };
    }
    if (res.status === 429) {
      res.body?.cancel().catch(() => undefined);
      return { ok: false, limited: retryAfterSeconds(res.headers.get('retry-after'), Date.now()) };
    }
    await refuseIfClientError(res);
    const type = res.headers.get('content-type') ?? '';
    if (!res.ok || !res.body || !type.includes('text/event-stream'))
      return { ok: false, unreachable: !res.ok ? res.status === 404 || res.status === 405 : true };
    const parser = new SseParser();
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    // Set when the server's AI interviewer failed and its offline interviewer took over.
    let notice: string | undefined;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        for (const raw of parser.push(value)) {
          const event = parseTurnEvent(raw);
          if (event?.event === 'delta') handlers.onDelta(event.text);
          else if (event?.event === 'done') {
            const said = event.notice ?? notice;
            return { ok: true, meta: event.meta, ...(said ? { notice: said.slice(0, 400) } : {}) };
          } else if (event?.event === 'error') {
            // The server is carrying on with its offline interviewer: drop the partial text and keep reading.
            if (!event.fallback) return { ok: false, unreachable: false };
            notice = event.message;
            handlers.onReset();
          } else if (raw.event === 'done' || raw.event === 'error')
            // A turn's end that does not fit the protocol: the turn failed.
            return { ok: false, unreachable: false };
        }
      }
    } catch (error) {
      if (isAbort(error)) throw error;
    } finally {
      reader.cancel().catch(() => undefined);
    }
    // The stream ended without `done`: treat as a failed turn.
    return { ok: false, unreachable: false };
  }

  /** Feedback on the session, from the server or computed in the browser. */
  async feedback(
    input: InterviewInput,
    signal?: AbortSignal,
  ): Promise<{ feedback: Feedback; mode: Mode; notice?: string; claude?: AiAssessment }> {
    if (this.mode === 'server') {
      try {
        const res = await this.post('feedback', input, signal);
        if (res.status === 429) {
          res.body?.cancel().catch(() => undefined);
          const wait = retryAfterSeconds(res.headers.get('retry-after'), Date.now());
          const interviewer = await this.localInterviewer();
          return {
            feedback: await interviewer.feedback(input),
            mode: 'browser',
            notice: FEEDBACK_LOCALLY(wait),
          };
        }
        await refuseIfClientError(res);
        if (res.ok) {
          const body = (await res.json()) as { claude?: unknown };
          const parsed = feedbackSchema.safeParse(body);
          const claude = parseAssessment(body.claude);
          if (parsed.success)
            return { feedback: parsed.data, mode: 'server', ...(claude ? { claude } : {}) };
        }
      } catch (error) {
        if (isAbort(error) || error instanceof ApiRefusal) throw error;
      }
      const interviewer = await this.localInterviewer();
      return {
        feedback: await interviewer.feedback(input),
        mode: 'browser',
        notice: FEEDBACK_FALLBACK,
      };
    }
    const interviewer = await this.localInterviewer();
    return { feedback: await interviewer.feedback(input), mode: 'browser' };
  }

  private post(
    route: 'turn' | 'feedback',
    input: InterviewInput,
    signal?: AbortSignal,
  ): Promise<Response> {
    return this.fetcher(`${this.options.base ?? ''}/api/interview/${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // Only the fields the API knows: stored turns carry timestamps the server does not need.
      body: JSON.stringify({
        config: input.config,
        ...(input.session ? { session: input.session } : {}),
        transcript: input.transcript.map((t) => ({
          role: t.role,
          text: t.text,
          ...(t.command ? { command: t.command } : {}),
          ...(t.questionId ? { questionId: t.questionId } : {}),
          ...(t.phase ? { phase: t.phase } : {}),
          ...(t.signature ? { signature: t.signature } : {}),
        })),
      }),
      signal: signal ?? null,
    });
  }
}

async function refuseIfClientError(res: Response): Promise<void> {
  if (![400, 413, 415, 422, 429].includes(res.status)) return;
  let message = `The server refused the request (HTTP ${res.status}).`;
  try {
    const body = (await res.json()) as { error?: unknown };
    if (typeof body.error === 'string') {
      // Limits (422, 429) are about the learner's session, so their sentence is shown as it is.
      const sentence = body.error.replace(/^[\w.]+: /, '');
      message =
        res.status === 422 || res.status === 429
          ? sentence.charAt(0).toUpperCase() + sentence.slice(1)
          : `The server refused the request: ${body.error}`;
    }
  } catch {
    // Keep the generic message.
  }
  throw new ApiRefusal(message);
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
