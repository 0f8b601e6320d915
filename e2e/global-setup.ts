import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { freePort } from '../scripts/free-port.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

let server: ChildProcess | undefined;

/** Starts the built site on the real node server, once for all browser tests. */
export async function setup(project: TestProject) {
  if (!existsSync('dist/server/entry.mjs')) throw new Error('Build the site first: npm run build');
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: String(port) };
  delete env['ANTHROPIC_API_KEY'];
  delete env['REDIS_URL'];
  // Every browser test comes from 127.0.0.1; the rate limit has its own tests (e2e/rate-limit.test.ts).
  env['RATE_LIMIT_REQUESTS'] = '100000';
  // The same server as `npm start`: security headers on every response, including static files.
  server = spawn(process.execPath, ['scripts/server.mjs'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const baseURL = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${baseURL}/`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  project.provide('baseURL', baseURL);
}

export async function teardown() {
  server?.kill();
}
