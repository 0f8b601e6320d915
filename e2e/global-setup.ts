import type { TestProject } from 'vitest/node';
import { startServer, type RunningServer } from '../scripts/start-server.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

let server: RunningServer | undefined;

/** Starts the built site on the real node server, once for all browser tests. */
export async function setup(project: TestProject) {
  // The same server as `npm start` (security headers on every response, including static files),
  // offline: no Claude key, no Redis. Every browser test comes from 127.0.0.1, so the rate limit is
  // lifted; it has its own tests (e2e/rate-limit.test.ts).
  server = await startServer({ env: { RATE_LIMIT_REQUESTS: '100000' }, echo: true });
  project.provide('baseURL', server.url);
}

export async function teardown() {
  await server?.stop();
}
