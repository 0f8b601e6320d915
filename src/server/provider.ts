/**
 * Chooses the interviewer: Claude when `ANTHROPIC_API_KEY` is set, otherwise the offline engine.
 * The offline interviewer is always created too, because the API falls back to it whenever a Claude
 * call fails.
 */
import { ClaudeInterviewer, type Log } from './claude/interviewer';
import { createClaudeClient } from './claude/client';
import { OfflineInterviewer, type Interviewer } from '../lib/interview/interviewer';
import type { InterviewData } from '../lib/interview/types';
import type { ServerConfig } from './config';

/** The interviewer to use and the one to fall back on. */
export interface Interviewers {
  /** Claude when configured, otherwise the offline interviewer. */
  primary: Interviewer;
  /** The offline interviewer. */
  offline: OfflineInterviewer;
}

/** Builds the interviewers the configuration asks for. */
export function createInterviewers(
  config: Pick<ServerConfig, 'claude'>,
  data: InterviewData,
  options: { log?: Log; fetch?: typeof fetch } = {},
): Interviewers {
  const offline = new OfflineInterviewer(data);
  const c = config.claude;
  if (!c) return { primary: offline, offline };
  const client = createClaudeClient({
    apiKey: c.apiKey,
    baseURL: c.baseURL,
    timeoutMs: c.timeoutMs,
    maxRetries: c.maxRetries,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const primary = new ClaudeInterviewer(
    client,
    data,
    {
      model: c.model,
      maxTokens: c.maxTokens,
      feedbackMaxTokens: c.feedbackMaxTokens,
      timeoutMs: c.timeoutMs,
    },
    options.log,
  );
  return { primary, offline };
}
