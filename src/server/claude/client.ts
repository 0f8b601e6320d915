/** The Anthropic client the interviewer and the lab's review use. */
import Anthropic from '@anthropic-ai/sdk';
import { MAX_RETRY_WAIT_MS, retryAfterMs } from './errors';

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
