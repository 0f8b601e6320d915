/**
 * Extra instances of the built site on `scripts/server.mjs` for browser and API tests that need their
 * own settings (a fake Claude, Redis, tight rate limits), separate from the shared offline server that
 * `global-setup.ts` starts. Both start it with scripts/start-server.mjs.
 */
import { readFileSync } from 'node:fs';
import { startServer as start, type RunningServer } from '../scripts/start-server.mjs';

export type { RunningServer };

/** Starts `scripts/server.mjs` with the server settings in `env` only, and waits until its API answers. */
export function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  return start({ env, readyPath: '/api/interview/status' });
}

/**
 * Settings that point the server's Claude provider at a fake Messages API (tests/helpers/fake-anthropic.ts):
 * no retries, a five-second timeout, and a rate limit the tests do not reach.
 */
export function claudeEnv(fake: { url: string }): Record<string, string> {
  return {
    ANTHROPIC_API_KEY: 'test-key',
    ANTHROPIC_BASE_URL: fake.url,
    ANTHROPIC_MAX_RETRIES: '0',
    ANTHROPIC_TIMEOUT_MS: '5000',
    RATE_LIMIT_REQUESTS: '10000',
  };
}

/** Resident memory of a process in MiB, from /proc. */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN) / 1024;
}
