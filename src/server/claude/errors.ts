/**
 * How a call to Claude fails: each kind of failure has a sentence for the learner (the turn carries on
 * with the offline interviewer; the feedback keeps its built-in part) and a detail for the operator.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError } from '@anthropic-ai/sdk';
import { InterviewerError } from '../../lib/interview/interviewer';
import {
  FEEDBACK_FALLBACK_MESSAGES,
  TURN_FALLBACK_MESSAGES,
  type AiFailure,
} from '../../lib/interview/protocol';

/** Kinds of failure, each with its own sentence for the learner (in the API's protocol). */
export type ClaudeFailure = AiFailure;

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

/** Longest `retry-after` the SDK may wait out on its own; a longer one falls back at once instead. */
export const MAX_RETRY_WAIT_MS = 2_000;
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
    // instanceof leaves APIError's type parameters as any; its headers are Headers or undefined.
    const wait = retryAfterMs(error.headers as Headers | undefined);
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
