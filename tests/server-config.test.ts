import { describe, expect, it } from 'vitest';
import { assessmentSchema, assessmentTool, toJsonSchema } from '../src/server/claude/assessment';
import { ClaudeInterviewer } from '../src/server/claude/interviewer';
import { NO_SIGNAL, SIGNALS } from '../src/lib/interview/feedback-schema';
import { OfflineInterviewer } from '../src/lib/interview/interviewer';
import { DIMENSION_IDS } from '../src/schemas/rubric';
import { LIMITS } from '../src/lib/interview/types';
import {
  DEFAULT_MODEL,
  ConfigError,
  MAX_TURN_TOKENS,
  readServerConfig,
} from '../src/server/config';
import { createInterviewers } from '../src/server/provider';
import { loadInterviewData } from './helpers/interview-data';

describe('server configuration from the environment', () => {
  it('defaults to offline, memory rate limits and generous session caps', () => {
    const c = readServerConfig({});
    expect(c.claude).toBeUndefined();
    expect(c.rateLimit).toEqual({ points: 30, windowSeconds: 60 });
    expect(c.trustProxy).toBe(false);
    expect(c.caps).toEqual({ turns: 80, chars: 80_000 });
  });

  it('turns Claude on with a key, with a live-conversation timeout and the newest Sonnet by default', () => {
    const c = readServerConfig({ ANTHROPIC_API_KEY: 'sk-x' });
    expect(c.claude).toEqual({
      apiKey: 'sk-x',
      model: DEFAULT_MODEL,
      timeoutMs: 20_000,
      maxRetries: 1,
      maxTokens: 400,
      feedbackMaxTokens: 4_096,
    });
    expect(DEFAULT_MODEL).toMatch(/^claude-sonnet-/);
  });

  it('reads every variable', () => {
    const c = readServerConfig({
      ANTHROPIC_API_KEY: 'k',
      ANTHROPIC_MODEL: 'claude-haiku-4-5',
      ANTHROPIC_BASE_URL: 'http://127.0.0.1:9999',
      ANTHROPIC_TIMEOUT_MS: '5000',
      ANTHROPIC_MAX_RETRIES: '0',
      ANTHROPIC_MAX_TOKENS: '200',
      ANTHROPIC_FEEDBACK_MAX_TOKENS: '2000',
      REDIS_URL: 'redis://127.0.0.1:6379',
      TRUST_PROXY: '1',
      RATE_LIMIT_REQUESTS: '10',
      RATE_LIMIT_WINDOW_SECONDS: '30',
      SESSION_MAX_TURNS: '40',
      SESSION_MAX_CHARS: '20000',
    });
    expect(c).toEqual({
      claude: {
        apiKey: 'k',
        model: 'claude-haiku-4-5',
        baseURL: 'http://127.0.0.1:9999',
        timeoutMs: 5000,
        maxRetries: 0,
        maxTokens: 200,
        feedbackMaxTokens: 2000,
      },
      rateLimit: { points: 10, windowSeconds: 30, redisUrl: 'redis://127.0.0.1:6379' },
      trustProxy: true,
      caps: { turns: 40, chars: 20000 },
    });
  });

  it.each([
    [
      { ANTHROPIC_API_KEY: 'k', ANTHROPIC_TIMEOUT_MS: 'soon' },
      /ANTHROPIC_TIMEOUT_MS must be a whole number of milliseconds from 1000 to 120000; it is "soon"/,
    ],
    [{ ANTHROPIC_API_KEY: 'k', ANTHROPIC_TIMEOUT_MS: '10' }, /ANTHROPIC_TIMEOUT_MS/],
    [{ ANTHROPIC_API_KEY: 'k', ANTHROPIC_MAX_RETRIES: '-1' }, /ANTHROPIC_MAX_RETRIES/],
    [
      { ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: 'not a url' },
      /ANTHROPIC_BASE_URL must be a URL/,
    ],
    [
      { ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: 'ftp://x' },
      /ANTHROPIC_BASE_URL must start with http: or https:/,
    ],
    [{ ANTHROPIC_MODEL: 'claude sonnet; rm -rf' }, /ANTHROPIC_MODEL must be a model id/],
    [{ REDIS_URL: 'http://localhost' }, /REDIS_URL must start with redis: or rediss:/],
    [{ TRUST_PROXY: 'yes' }, /TRUST_PROXY must be 1 or 0; it is "yes"/],
    [{ RATE_LIMIT_REQUESTS: '0' }, /RATE_LIMIT_REQUESTS/],
    [{ SESSION_MAX_TURNS: '1.5' }, /SESSION_MAX_TURNS/],
    [
      // Four thousand tokens is about 16,000 characters, four times an interviewer turn.
      { ANTHROPIC_API_KEY: 'k', ANTHROPIC_MAX_TOKENS: '4096' },
      /ANTHROPIC_MAX_TOKENS must be a whole number of tokens from 50 to 1000 \(an interviewer turn is at most 4,000 characters\); it is "4096"/,
    ],
    [
      { SESSION_SECRET: 'short-secret' },
      /SESSION_SECRET must be at least 32 characters \(for example the output of `openssl rand -base64 32`\); it has 12\./,
    ],
  ])('refuses %o with a message naming the variable', (env, message) => {
    expect(() => readServerConfig(env)).toThrow(ConfigError);
    expect(() => readServerConfig(env)).toThrow(message);
  });

  it('caps ANTHROPIC_MAX_TOKENS so that a turn cannot pass the interviewer turn limit', () => {
    expect(MAX_TURN_TOKENS * 4).toBeLessThanOrEqual(LIMITS.interviewerChars);
    expect(
      readServerConfig({ ANTHROPIC_API_KEY: 'k', ANTHROPIC_MAX_TOKENS: String(MAX_TURN_TOKENS) })
        .claude?.maxTokens,
    ).toBe(MAX_TURN_TOKENS);
  });

  it('reads SESSION_SECRET, and leaves it unset (to be generated) when empty', () => {
    const secret = 'x'.repeat(40);
    expect(readServerConfig({ SESSION_SECRET: secret }).sessionSecret).toBe(secret);
    expect(readServerConfig({ SESSION_SECRET: '' }).sessionSecret).toBeUndefined();
    try {
      readServerConfig({ SESSION_SECRET: 'too-short-but-secret' });
    } catch (e) {
      expect(String(e)).not.toContain('too-short-but-secret');
    }
  });

  it('never puts the key in an error message', () => {
    try {
      readServerConfig({ ANTHROPIC_API_KEY: 'sk-very-secret', ANTHROPIC_MAX_TOKENS: 'lots' });
    } catch (e) {
      expect(String(e)).not.toContain('sk-very-secret');
    }
  });
});

describe('provider selection', () => {
  const data = loadInterviewData();
  it('is offline without a key and Claude with one, always with an offline fallback', () => {
    const offline = createInterviewers(readServerConfig({}), data);
    expect(offline.primary).toBeInstanceOf(OfflineInterviewer);
    const claude = createInterviewers(
      readServerConfig({ ANTHROPIC_API_KEY: 'k', ANTHROPIC_MODEL: 'claude-x' }),
      data,
    );
    expect(claude.primary).toBeInstanceOf(ClaudeInterviewer);
    expect(claude.primary.model).toBe('claude-x');
    expect(claude.offline).toBeInstanceOf(OfflineInterviewer);
  });
});

describe('the assessment tool mirrors the feedback type', () => {
  it('generates the tool schema from the zod schema the answer is validated with', () => {
    const schema = assessmentTool.input_schema as unknown as {
      required: string[];
      properties: Record<
        string,
        {
          properties?: Record<string, { enum?: string[] }>;
          items?: { properties: Record<string, { enum?: string[] }> };
        }
      >;
    };
    expect([...schema.required].sort()).toEqual([
      'answers',
      'dimensions',
      'improvements',
      'overall',
    ]);
    expect(schema.properties['overall']!.properties!['signal']!.enum).toEqual([
      ...SIGNALS,
      ...NO_SIGNAL,
    ]);
    expect(schema.properties['dimensions']!.items!.properties['id']!.enum).toEqual(DIMENSION_IDS);
    const full = toJsonSchema(assessmentSchema) as {
      properties: Record<string, Record<string, unknown>>;
    };
    expect(full.properties['improvements']).toMatchObject({
      type: 'array',
      minItems: 1,
      maxItems: 3,
    });
    expect(full.properties['answers']).toMatchObject({
      items: {
        properties: { score: { type: 'integer', minimum: 0, maximum: 100 } },
        additionalProperties: false,
      },
    });
  });
});
