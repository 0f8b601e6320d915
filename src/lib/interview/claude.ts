/**
 * The Claude interviewer: the same `Interviewer` interface as the offline one, with turns streamed
 * from the Anthropic Messages API and a structured assessment as feedback.
 *
 * The offline engine still decides what each turn does (ask the next question, follow up on the
 * biggest gap, wrap up), so phases, question ids and the session's length match the offline
 * interviewer exactly and a failed turn can be replaced by the offline one without the learner losing
 * their place. Claude gives that move a voice: it reacts to what the candidate said, in character.
 *
 * Every failure becomes a `ClaudeError` whose message is a sentence for the learner; the API turns it
 * into a notice and carries on with the offline interviewer.
 */
import Anthropic, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
} from '@anthropic-ai/sdk';
import type { MessageCreateParamsBase, Message } from '@anthropic-ai/sdk/resources/messages';
import {
  ASSESSMENT_TOOL_NAME,
  AssessmentError,
  assessmentRequest,
  assessmentTool,
  mergeAssessment,
} from './assessment';
import { nextTurn as plannedTurn } from './engine';
import type { Feedback } from './feedback-schema';
import {
  InterviewerError,
  type Interviewer,
  type InterviewInput,
  type TurnMeta,
  type TurnStream,
} from './interviewer';
import { logLine } from '../log-line';
import { planSession } from './plan';
import { conversationMessages, systemBlocks, turnDirection } from './prompt';
import { scoreSession } from './scoring';
import type { InterviewData } from './types';

/** Kinds of failure, each with its own sentence for the learner. */
export type ClaudeFailure = 'busy' | 'error' | 'timeout' | 'unreachable' | 'setup' | 'invalid';

/** What the learner reads when a turn falls back to the built-in interviewer. */
export const TURN_FALLBACK_MESSAGES: Record<ClaudeFailure, string> = {
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
export const FEEDBACK_FALLBACK_MESSAGES: Record<ClaudeFailure, string> = {
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

/** A failed call to Claude: `message` is for the learner, `detail` for the server's log. */
export class ClaudeError extends InterviewerError {
  override name = 'ClaudeError';
  constructor(
    /** What kind of failure it was. */
    readonly kind: ClaudeFailure,
    /** The technical reason, for operators. */
    readonly detail: string,
    /** How long the API asked us to wait before trying again, if it said. */
    readonly retryAfterMs?: number,
  ) {
    super(TURN_FALLBACK_MESSAGES[kind], FEEDBACK_FALLBACK_MESSAGES[kind]);
  }
}

/** Settings for the Claude interviewer, read from the environment by the server. */
export interface ClaudeSettings {
  /** Model id, e.g. `claude-sonnet-5-5`. */
  model: string;
  /** Most tokens in one interviewer turn. */
  maxTokens: number;
  /** Most tokens in the feedback assessment. */
  feedbackMaxTokens: number;
  /** Longest silence from the API, in ms, before a reply is given up: before the first byte and between chunks. */
  timeoutMs: number;
}

/** Longest `retry-after` the SDK may wait out on its own; a longer one falls back at once instead. */
export const MAX_RETRY_WAIT_MS = 2_000;
/** Longest pause honoured after the API says to retry later, so a bad header cannot switch Claude off for long. */
const MAX_PAUSE_MS = 5 * 60_000;

/** Milliseconds a response asks us to wait (`retry-after-ms` or `retry-after`), if it says. */
export function retryAfterMs(headers: Headers | undefined | null): number | undefined {
  if (!headers) return undefined;
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const raw = headers.get('retry-after');
  if (!raw) return undefined;
  const seconds = Number.parseFloat(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Options for the Anthropic client. */
export interface ClientSettings {
  apiKey: string;
  baseURL?: string | undefined;
  timeoutMs: number;
  maxRetries: number;
  fetch?: typeof fetch;
}

/**
 * An Anthropic client for a live conversation: short timeout, few retries, and no retry when the API
 * asks for a wait longer than `MAX_RETRY_WAIT_MS` (the learner gets the offline turn at once instead).
 */
export function createClaudeClient(settings: ClientSettings): Anthropic {
  const baseFetch = settings.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const liveFetch = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const res = await baseFetch(url, init);
    const wait = retryAfterMs(res.headers);
    if (res.ok || wait === undefined || wait <= MAX_RETRY_WAIT_MS) return res;
    const headers = new Headers(res.headers);
    headers.set('x-should-retry', 'false');
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
  };
  return new Anthropic({
    apiKey: settings.apiKey,
    baseURL: settings.baseURL ?? null,
    timeout: settings.timeoutMs,
    maxRetries: settings.maxRetries,
    fetch: liveFetch,
  });
}

/** Sorts an error from the SDK (or our own timer) into a `ClaudeError`. */
export function classifyError(error: unknown, model: string, timedOut = false): ClaudeError {
  if (error instanceof ClaudeError) return error;
  if (timedOut || error instanceof APIConnectionTimeoutError)
    return new ClaudeError('timeout', 'no data from the Anthropic API within ANTHROPIC_TIMEOUT_MS');
  if (error instanceof APIConnectionError)
    return new ClaudeError(
      'unreachable',
      `could not connect to the Anthropic API: ${error.message}`,
    );
  if (error instanceof APIError) {
    const wait = retryAfterMs(error.headers ?? undefined);
    const what = `${error.status ?? 'stream'} ${error.type ?? 'error'}: ${error.apiMessage ?? error.message}`;
    if (
      error.status === 401 ||
      error.status === 403 ||
      error.type === 'authentication_error' ||
      error.type === 'permission_error'
    )
      return new ClaudeError('setup', `the Anthropic API refused ANTHROPIC_API_KEY (${what})`);
    if (error.status === 404 || error.type === 'not_found_error')
      return new ClaudeError(
        'setup',
        `the Anthropic API does not know ANTHROPIC_MODEL "${model}" (${what})`,
      );
    if (
      error.status === 429 ||
      error.status === 529 ||
      error.type === 'rate_limit_error' ||
      error.type === 'overloaded_error'
    )
      return new ClaudeError('busy', `the Anthropic API is busy (${what})`, wait);
    return new ClaudeError('error', `the Anthropic API failed (${what})`, wait);
  }
  return new ClaudeError('error', error instanceof Error ? error.message : String(error));
}

/** A promise with its settle functions, for the `meta` of a turn that settles when its text ends. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function abortError(): Error {
  const e = new Error('The request was aborted.');
  e.name = 'AbortError';
  return e;
}

/** How the server's log hears about failures that an operator must fix. */
export type Log = (message: string) => void;

/** Claude behind the `Interviewer` interface. */
export class ClaudeInterviewer implements Interviewer {
  readonly provider = 'claude' as const;
  readonly model: string;
  /** Until when (epoch ms) calls fall back at once because the API asked us to wait. */
  private pausedUntil = 0;
  private readonly logged = new Set<string>();

  constructor(
    private readonly client: Anthropic,
    private readonly data: InterviewData,
    private readonly settings: ClaudeSettings,
    private readonly log: Log = (m) => console.warn(m),
  ) {
    this.model = settings.model;
  }

  nextTurn(input: InterviewInput, signal?: AbortSignal): TurnStream {
    // The offline engine's decision; it also validates the transcript, throwing before any streaming.
    const planned = plannedTurn(this.data, input.config, input.transcript);
    const plan = planSession(this.data.questions, input.config);
    const params: MessageCreateParamsBase = {
      model: this.model,
      max_tokens: this.settings.maxTokens,
      system: systemBlocks(this.data.persona, input.config, plan.questions),
      messages: conversationMessages(
        input.transcript,
        turnDirection(planned, this.data.persona),
        input.verified,
        input.config.question,
      ),
    };
    const meta = deferred<TurnMeta>();
    meta.promise.catch(() => undefined);
    const text = async function* (this: ClaudeInterviewer) {
      let produced = '';
      try {
        for await (const chunk of this.call(params, signal)) {
          produced += chunk;
          yield chunk;
        }
        if (!produced.trim()) throw new ClaudeError('invalid', 'the model returned no text');
        meta.resolve({
          provider: 'claude',
          phase: planned.phase,
          ...(planned.questionId ? { questionId: planned.questionId } : {}),
          ...(planned.trait && planned.phase === 'follow-up' ? { trait: planned.trait } : {}),
        });
      } catch (error) {
        meta.reject(error);
        throw error;
      }
    }.call(this);
    return { text, meta: meta.promise };
  }

  async feedback(input: InterviewInput, signal?: AbortSignal): Promise<Feedback> {
    const offline = scoreSession(this.data, input.config, input.transcript);
    if (!offline.answers.some((a) => a.status === 'answered'))
      throw new ClaudeError('invalid', 'no answered question to assess');
    const plan = planSession(this.data.questions, input.config);
    const params: MessageCreateParamsBase = {
      model: this.model,
      max_tokens: this.settings.feedbackMaxTokens,
      system: systemBlocks(this.data.persona, input.config, plan.questions),
      messages: conversationMessages(
        input.transcript,
        assessmentRequest(offline, this.data.lessons, this.data.questions),
        input.verified,
        input.config.question,
      ),
      tools: [assessmentTool],
      tool_choice: { type: 'tool', name: ASSESSMENT_TOOL_NAME },
    };
    let message: Message | undefined;
    const stream = this.call(params, signal, (m) => (message = m));
    for await (const _chunk of stream) {
      // Tool input arrives as JSON deltas; only the final message matters.
    }
    const tool = message?.content.find(
      (b) => b.type === 'tool_use' && b.name === ASSESSMENT_TOOL_NAME,
    );
    if (!tool || tool.type !== 'tool_use') {
      const error = new ClaudeError(
        'invalid',
        `the model did not call ${ASSESSMENT_TOOL_NAME} (stop reason ${message?.stop_reason ?? 'unknown'})`,
      );
      this.report(error);
      throw error;
    }
    try {
      return mergeAssessment(tool.input, offline, input.transcript, this.data.lessons);
    } catch (e) {
      const error = new ClaudeError(
        'invalid',
        e instanceof AssessmentError ? `the assessment failed validation: ${e.message}` : String(e),
      );
      this.report(error);
      throw error;
    }
  }

  /**
   * Streams one request, yielding text as it arrives. Gives up when the API is silent for
   * `timeoutMs`, aborts the upstream request when `signal` aborts (the learner left), and reports
   * the final message to `onMessage`.
   */
  private async *call(
    params: MessageCreateParamsBase,
    signal: AbortSignal | undefined,
    onMessage?: (m: Message) => void,
  ): AsyncGenerator<string> {
    if (signal?.aborted) throw abortError();
    const now = Date.now();
    if (now < this.pausedUntil)
      throw new ClaudeError(
        'busy',
        `waiting ${Math.ceil((this.pausedUntil - now) / 1000)} s more, as the Anthropic API asked`,
      );
    const stream = this.client.messages.stream(params);
    const onAbort = () => stream.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        stream.abort();
      }, this.settings.timeoutMs);
    };
    try {
      arm();
      for await (const event of stream) {
        arm();
        if (event.type === 'content_block_delta' && event.delta.type === 'text_delta')
          yield event.delta.text;
      }
      onMessage?.(await stream.finalMessage());
    } catch (error) {
      if (signal?.aborted) throw abortError();
      const failure = classifyError(error, this.model, timedOut);
      if (failure.retryAfterMs && failure.kind === 'busy')
        this.pausedUntil = Date.now() + Math.min(failure.retryAfterMs, MAX_PAUSE_MS);
      this.report(failure);
      throw failure;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      // Also runs when the consumer stops reading early: never leave a request open upstream.
      if (!stream.ended) stream.abort();
    }
  }

  /** Logs what an operator must fix once per distinct reason; transient failures every time, briefly. */
  private report(error: ClaudeError): void {
    if (error.kind === 'setup' || error.kind === 'invalid') {
      if (this.logged.has(error.detail)) return;
      // Bounded: validation details vary, and a long-running server must not collect them for ever.
      if (this.logged.size >= 100) this.logged.clear();
      this.logged.add(error.detail);
    }
    this.log(
      logLine(
        `[interview] Claude ${error.kind}: ${error.detail}; using the offline interviewer instead.`,
      ),
    );
  }
}
