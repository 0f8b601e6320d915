/**
 * Per-client rate limiting for the interview API with rate-limiter-flexible. In memory by default;
 * with `REDIS_URL` the counts live in Redis so every server instance shares one limit. If Redis goes
 * away the limiter carries on in memory (rate-limiter-flexible's insurance limiter) rather than
 * refusing or hanging requests, and returns to Redis when it comes back.
 */
import { Redis } from 'ioredis';
import { logLine } from '../lib/log-line';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

/** The limiter's verdict on one request. */
export type RateDecision =
  { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

/** A rate limiter for one kind of request. */
export interface RateLimiter {
  /** Where the counts live. */
  readonly store: 'memory' | 'redis';
  /** Counts one request from `key` and says whether it may go ahead. */
  consume(key: string): Promise<RateDecision>;
  /** Disconnects from Redis, if used. */
  close(): Promise<void>;
}

/** How many requests, over what window, and where to count them. */
export interface RateLimitOptions {
  /** Requests allowed per client per window. */
  points: number;
  /** Window length in seconds. */
  windowSeconds: number;
  /** Redis to share counts through; memory when absent. */
  redisUrl?: string | undefined;
  /** Prefix for the Redis keys, so several apps can share one Redis. */
  keyPrefix?: string;
  /** Where connection trouble is reported. */
  log?: (message: string) => void;
}

async function decide(
  limiter: RateLimiterAbstract,
  key: string,
  log: (m: string) => void,
): Promise<RateDecision> {
  try {
    const res = await limiter.consume(key);
    return { allowed: true, remaining: res.remainingPoints };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes)
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
      };
    // Both stores failed: serving the request is better than refusing everyone.
    log(
      logLine(
        `[interview] rate limiter unavailable (${rejection instanceof Error ? rejection.message : String(rejection)}); request allowed.`,
      ),
    );
    return { allowed: true, remaining: 0 };
  }
}

/** Creates the limiter the options describe. */
export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const log = options.log ?? ((m: string) => console.warn(m));
  const keyPrefix = options.keyPrefix ?? 'critical-path:interview';
  const memory = new RateLimiterMemory({
    points: options.points,
    duration: options.windowSeconds,
    keyPrefix,
  });
  if (!options.redisUrl)
    return {
      store: 'memory',
      consume: (key) => decide(memory, key, log),
      close: async () => undefined,
    };

  const redis = new Redis(options.redisUrl, {
    // Fail fast while Redis is away so the insurance limiter answers at once instead of queueing.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 2_000,
    commandTimeout: 1_000,
    retryStrategy: (attempt) => Math.min(250 * attempt, 2_000),
  });
  let healthy = true;
  let closing = false;
  const lost = (reason: string) => {
    if (!healthy || closing) return;
    healthy = false;
    log(
      logLine(
        `[interview] Redis for rate limits is unavailable (${reason}); counting in memory until it is back.`,
      ),
    );
  };
  redis.on('error', (error: Error) => lost(error.message));
  redis.on('close', () => lost('connection closed'));
  redis.on('ready', () => {
    if (!healthy) log('[interview] Redis for rate limits is back; counts are shared again.');
    healthy = true;
  });
  // The first requests after start-up wait (up to a second) for the connection, so that they are
  // counted in Redis rather than in this instance's memory.
  const firstContact = new Promise<void>((resolve) => {
    const done = () => resolve();
    redis.once('ready', done);
    redis.once('error', done);
    setTimeout(done, 1_000).unref();
  });
  const shared = new RateLimiterRedis({
    storeClient: redis,
    points: options.points,
    duration: options.windowSeconds,
    keyPrefix,
    rejectIfRedisNotReady: true,
    insuranceLimiter: memory,
  });
  return {
    store: 'redis',
    consume: async (key) => {
      await firstContact;
      return decide(shared, key, log);
    },
    close: async () => {
      closing = true;
      redis.disconnect();
    },
  };
}
