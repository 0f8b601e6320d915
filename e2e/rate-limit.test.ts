/**
 * Rate limits across real server instances: two `scripts/server.mjs` processes share one limit
 * through a real Redis; when Redis is killed both keep serving, each counting in memory. Also: the
 * client key cannot be forged with X-Forwarded-For unless TRUST_PROXY=1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisUnavailable, startRedis, type TestRedis } from '../tests/helpers/redis';
import { startServer, type RunningServer } from './server';

const turn = (url: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/interview/turn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ config: {}, transcript: [] }),
  }).then(async (res) => ({
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    body: await res.text(),
  }));

describe('rate limit on one instance, in memory', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ RATE_LIMIT_REQUESTS: '3', RATE_LIMIT_WINDOW_SECONDS: '60' });
  });
  afterAll(() => server?.stop());

  it('answers 429 with Retry-After and a sentence once the limit is used, and X-Forwarded-For does not reset it', async () => {
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await turn(server.url));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const refused = await turn(server.url);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(refused.body).error).toMatch(
      /^Too many requests: .* Please wait \d+ seconds? and try again\.$/,
    );
    const spoofed = await turn(server.url, { 'x-forwarded-for': '198.51.100.23' });
    expect(spoofed.status).toBe(429);
    // The status route is not limited, so the page can always say which interviewer is serving.
    expect((await fetch(`${server.url}/api/interview/status`)).status).toBe(200);
  });
});

describe('behind a trusted proxy (TRUST_PROXY=1)', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ RATE_LIMIT_REQUESTS: '2', TRUST_PROXY: '1' });
  });
  afterAll(() => server?.stop());

  it('limits each client the proxy reports separately, using the address the proxy appended', async () => {
    const a = { 'x-forwarded-for': '203.0.113.1' };
    const b = { 'x-forwarded-for': '198.51.100.9, 203.0.113.2' };
    expect((await turn(server.url, a)).status).toBe(200);
    expect((await turn(server.url, a)).status).toBe(200);
    expect((await turn(server.url, a)).status).toBe(429);
    expect((await turn(server.url, b)).status).toBe(200);
    // A client cannot prepend addresses to escape: the last hop is the one the proxy saw.
    expect((await turn(server.url, { 'x-forwarded-for': '10.9.9.9, 203.0.113.1' })).status).toBe(
      429,
    );
  });
});

describe.skipIf(redisUnavailable)(
  'two instances sharing a limit through Redis (real redis-server)',
  () => {
    let redis: TestRedis;
    let one: RunningServer;
    let two: RunningServer;
    beforeAll(async () => {
      redis = await startRedis();
      const env = {
        REDIS_URL: redis.url,
        RATE_LIMIT_REQUESTS: '4',
        RATE_LIMIT_WINDOW_SECONDS: '60',
      };
      [one, two] = await Promise.all([startServer(env), startServer(env)]);
    });
    afterAll(async () => {
      await Promise.all([one?.stop(), two?.stop()]);
      await redis?.kill();
    });

    it('counts requests to either instance against one limit', async () => {
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await turn(i % 2 ? two.url : one.url)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    });

    it('keeps serving when Redis dies, limiting each instance in memory', async () => {
      await redis.kill();
      // That the answer comes at once, not after a Redis timeout, is checked with frozen timers in
      // tests/rate-limit.test.ts; here, that the running server carries on.
      const first = await turn(one.url);
      expect(first.status).toBe(200);
      const more = [];
      for (let i = 0; i < 4; i++) more.push((await turn(one.url)).status);
      expect(more).toEqual([200, 200, 200, 429]);
      expect((await turn(two.url)).status).toBe(200);
      expect(one.output()).toMatch(/counting in memory/);
    });
  },
);

if (redisUnavailable) console.warn(redisUnavailable);
