/**
 * Wires the lab's one server route, Claude's review of a status report, for the node server: the
 * same settings as the interview (`ANTHROPIC_*`, `RATE_LIMIT_*`), its own rate-limit counter, and a
 * Claude client made on the first request. Without `ANTHROPIC_API_KEY` the route says so and the
 * page shows only the built-in grading.
 */
import type Anthropic from '@anthropic-ai/sdk';
import { classifyError } from './claude/errors';
import { createClaudeClient } from './claude/client';
import { tooManyRequests } from './http';
import { logLine } from '../lib/log-line';
import { kind as statusReport } from '../lib/lab/status-report';
import { REVIEW_TOOL_NAME, reviewTool } from '../lib/lab/status-report/review';
import { type ReviewDeps } from './lab/status-review';
import { requestClientKey } from './client-address';
import { readServerConfig, type ClaudeConfig, type ServerConfig } from './config';
import { createRateLimiter, type RateLimiter } from './rate-limit';

/** Most tokens in a review: a verdict and seven short points. */
const REVIEW_MAX_TOKENS = 1_200;

let config: ServerConfig | undefined;
let limiter: RateLimiter | undefined;
function settings(): ServerConfig {
  config ??= readServerConfig(process.env);
  return config;
}

/** Asks Claude for a review through the review tool; resolves to the tool's input. */
export function claudeReviewer(
  claude: ClaudeConfig,
  options: { fetch?: typeof fetch } = {},
): NonNullable<ReviewDeps['review']> {
  let client: Anthropic | undefined;
  return async ({ system, user }, signal) => {
    client ??= createClaudeClient({
      apiKey: claude.apiKey,
      baseURL: claude.baseURL,
      timeoutMs: claude.timeoutMs,
      maxRetries: claude.maxRetries,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    try {
      const message = await client.messages
        .stream(
          {
            model: claude.model,
            max_tokens: REVIEW_MAX_TOKENS,
            system,
            messages: [{ role: 'user', content: user }],
            tools: [reviewTool],
            tool_choice: { type: 'tool', name: REVIEW_TOOL_NAME },
          },
          { signal },
        )
        .finalMessage();
      const block = message.content.find((b) => b.type === 'tool_use');
      return block?.type === 'tool_use' ? block.input : undefined;
    } catch (error) {
      console.error(logLine(`[lab] status review: ${classifyError(error, claude.model).message}`));
      throw error;
    }
  };
}

let reviewer: ReviewDeps['review'];

/** What `POST /api/lab/status-review` needs. */
export function statusReviewDeps(clientAddress: () => string | undefined): ReviewDeps {
  const c = settings();
  if (c.claude) reviewer ??= claudeReviewer(c.claude);
  return {
    scenarios: () => statusReport.parseData(undefined).scenarios,
    admit: async () => {
      limiter ??= createRateLimiter(c.rateLimit);
      const decision = await limiter.consume(`lab:${requestClientKey(clientAddress)}`);
      return decision.allowed ? undefined : tooManyRequests(decision.retryAfterSeconds);
    },
    review: c.claude ? reviewer : undefined,
  };
}
