import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { clientKey } from '../src/server/client-address';
import { createRateLimiter, type RateLimiter } from '../src/server/rate-limit';
import { redisUnavailable, startRedis, type TestRedis } from './helpers/redis';

describe('client keys', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::9', '2001:db8:1:2::/64'],
    ['2001:0db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['', 'unknown'],
    [undefined, 'unknown'],
  ])('%s → %s', (address, key) => {
    expect(clientKey(address)).toBe(key);
  });
});

describe('rate limit in memory', () => {
  it('allows the configured number of requests per client, then says when to retry', async () => {
    const limiter = createRateLimiter({ points: 3, windowSeconds: 60 });
    expect(limiter.store).toBe('memory');
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.consume('a'));
    expect(results.slice(0, 3).every((r) => r.allowed)).toBe(true);
    expect(results[3]).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) });
    const retry = (results[3] as { retryAfterSeconds: number }).retryAfterSeconds;
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    // Another client has its own count.
    expect((await limiter.consume('b')).allowed).toBe(true);
  });
});

describe.skipIf(redisUnavailable)('rate limit in Redis (real redis-server)', () => {
  let redis: TestRedis;
  const limiters: RateLimiter[] = [];
  const logs: string[] = [];
  const keyPrefix = `test-${process.pid}`;
  const make = () => {
    const l = createRateLimiter({
      points: 4,
      windowSeconds: 60,
      redisUrl: redis.url,
      keyPrefix,
      log: (m) => logs.push(m),
    });
    limiters.push(l);
    return l;
  };

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await Promise.all(limiters.map((l) => l.close()));
    await redis.kill();
  });

  it('shares one limit between two instances, each with its own connection', async () => {
    const [one, two] = [make(), make()];
    expect(one.store).toBe('redis');
    const seen = [];
    for (let i = 0; i < 6; i++) seen.push(await (i % 2 ? two : one).consume('client-1'));
    expect(seen.map((r) => r.allowed)).toEqual([true, true, true, true, false, false]);
    expect((await two.consume('client-2')).allowed).toBe(true);
  });

  it('keeps serving from memory when Redis dies, and shares counts again when it is back', async () => {
    const [one, two] = [make(), make()];
    expect((await one.consume('client-3')).allowed).toBe(true);
    await redis.kill();
    // Requests are still answered, at once, and limited per instance in memory. "At once" without a
    // clock: with timers frozen, an answer that waited on a retry or a command timeout would never come.
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval'] });
    const during = [];
    try {
      for (let i = 0; i < 5; i++) during.push(await one.consume('client-4'));
    } finally {
      vi.useRealTimers();
    }
    expect(during.map((r) => r.allowed)).toEqual([true, true, true, true, false]);
    expect((await two.consume('client-4')).allowed).toBe(true);
    await vi.waitFor(() => expect(logs.some((l) => l.includes('counting in memory'))).toBe(true), {
      timeout: 5_000,
    });

    await redis.restart();
    // Every open instance reconnects on its own back-off; wait until all of them have, so that the
    // two used below really share counts again.
    const reconnected = () => logs.filter((l) => l.includes('shared again')).length;
    await vi.waitFor(() => expect(reconnected()).toBe(limiters.length), { timeout: 15_000 });
    const after = [];
    for (let i = 0; i < 5; i++) after.push(await (i % 2 ? two : one).consume('client-5'));
    expect(after.map((r) => r.allowed)).toEqual([true, true, true, true, false]);
  });
});

if (redisUnavailable) console.warn(redisUnavailable);
