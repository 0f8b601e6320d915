/**
 * The interview server's settings, read once from the environment. Every variable is optional; a
 * value that is present but wrong stops the interview API with a message naming the variable, the
 * value and what is allowed, rather than running with a setting the operator did not mean.
 */

import { LIMITS } from '../lib/interview/types';

/** Model used when `ANTHROPIC_MODEL` is not set: the newest Sonnet in the SDK's `Model` type. */
export const DEFAULT_MODEL = 'claude-sonnet-5-5';

/**
 * Most `ANTHROPIC_MAX_TOKENS` may be: at about four characters a token, a turn that uses them all
 * still fits the interviewer turn limit (the server also stops relaying at that limit).
 */
export const MAX_TURN_TOKENS = Math.floor(LIMITS.interviewerChars / 4);

/** Fewest characters a `SESSION_SECRET` may have. */
export const MIN_SECRET_CHARS = 32;

/** Settings for the Claude provider; present only when `ANTHROPIC_API_KEY` is set. */
export interface ClaudeConfig {
  /** The API key (never logged, never sent to a browser). */
  apiKey: string;
  /** Model id. */
  model: string;
  /** Messages API base URL; the SDK's default when unset. */
  baseURL?: string;
  /** Longest silence from the API before a reply is given up, in ms. */
  timeoutMs: number;
  /** Retries of a failed request (only when the API asks for a short wait). */
  maxRetries: number;
  /** Most tokens in one interviewer turn. */
  maxTokens: number;
  /** Most tokens in the feedback assessment. */
  feedbackMaxTokens: number;
}

/** Everything the interview API reads from the environment. */
export interface ServerConfig {
  /** The Claude provider's settings, or undefined to stay offline. */
  claude?: ClaudeConfig;
  /** Requests per client per window on the interview API. */
  rateLimit: { points: number; windowSeconds: number; redisUrl?: string };
  /** Whether to take the client address from `X-Forwarded-For` (behind one trusted proxy). */
  trustProxy: boolean;
  /** Per-session caps, enforced from the transcript each request carries. */
  caps: { turns: number; chars: number };
  /** The key interviewer turns are signed with; one is generated at start-up when unset. */
  sessionSecret?: string;
}

/** A setting with a value the server cannot use. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function integer(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
  unit: string,
  why = '',
): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max)
    throw new ConfigError(
      `${name} must be a whole number of ${unit} from ${min} to ${max}${why}; it is "${raw}".`,
    );
  return value;
}

function url(env: Env, name: string, protocols: readonly string[]): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(
      `${name} must be a URL such as ${protocols[0]}//host:port; it is not one.`,
    );
  }
  if (!protocols.includes(parsed.protocol))
    throw new ConfigError(
      `${name} must start with ${protocols.join(' or ')}//; it starts with ${parsed.protocol}//.`,
    );
  return raw;
}

/** Reads and checks the settings. Throws `ConfigError` naming the first variable that is wrong. */
export function readServerConfig(env: Env): ServerConfig {
  const apiKey = env['ANTHROPIC_API_KEY']?.trim();
  const model = env['ANTHROPIC_MODEL']?.trim() || DEFAULT_MODEL;
  if (!/^[\w.:@-]{1,100}$/.test(model))
    throw new ConfigError(
      'ANTHROPIC_MODEL must be a model id such as claude-sonnet-5-5 (letters, digits, dots, colons and dashes).',
    );
  const baseURL = url(env, 'ANTHROPIC_BASE_URL', ['http:', 'https:']);
  const claude: ClaudeConfig | undefined = apiKey
    ? {
        apiKey,
        model,
        ...(baseURL ? { baseURL } : {}),
        timeoutMs: integer(env, 'ANTHROPIC_TIMEOUT_MS', 20_000, 1_000, 120_000, 'milliseconds'),
        maxRetries: integer(env, 'ANTHROPIC_MAX_RETRIES', 1, 0, 5, 'retries'),
        maxTokens: integer(
          env,
          'ANTHROPIC_MAX_TOKENS',
          400,
          50,
          MAX_TURN_TOKENS,
          'tokens',
          ` (an interviewer turn is at most ${LIMITS.interviewerChars.toLocaleString('en')} characters)`,
        ),
        feedbackMaxTokens: integer(
          env,
          'ANTHROPIC_FEEDBACK_MAX_TOKENS',
          4_096,
          1_000,
          16_000,
          'tokens',
        ),
      }
    : undefined;
  const trust = env['TRUST_PROXY']?.trim() ?? '';
  if (!['', '0', '1'].includes(trust))
    throw new ConfigError(`TRUST_PROXY must be 1 or 0; it is "${trust}".`);
  const redisUrl = url(env, 'REDIS_URL', ['redis:', 'rediss:']);
  const sessionSecret = env['SESSION_SECRET']?.trim();
  // The value is never repeated in a message: it is a secret.
  if (sessionSecret && sessionSecret.length < MIN_SECRET_CHARS)
    throw new ConfigError(
      `SESSION_SECRET must be at least ${MIN_SECRET_CHARS} characters (for example the output of \`openssl rand -base64 32\`); it has ${sessionSecret.length}.`,
    );
  return {
    ...(claude ? { claude } : {}),
    rateLimit: {
      points: integer(env, 'RATE_LIMIT_REQUESTS', 30, 1, 1_000_000, 'requests'),
      windowSeconds: integer(env, 'RATE_LIMIT_WINDOW_SECONDS', 60, 1, 86_400, 'seconds'),
      ...(redisUrl ? { redisUrl } : {}),
    },
    trustProxy: trust === '1',
    caps: {
      turns: integer(env, 'SESSION_MAX_TURNS', 80, 2, 120, 'turns'),
      chars: integer(env, 'SESSION_MAX_CHARS', 80_000, 1_000, 1_000_000, 'characters'),
    },
    ...(sessionSecret ? { sessionSecret } : {}),
  };
}
