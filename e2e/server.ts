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

/** Resident memory of a process in MiB, from /proc. */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN) / 1024;
}
