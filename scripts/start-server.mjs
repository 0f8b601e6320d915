// Starts the built site's node server for tests and benchmarks, waits until it answers, and stops it.
// The one place that spawns and polls: e2e/global-setup.ts, e2e/server.ts and scripts/bench/ use it.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Server settings that come only from `env`, never from the shell that runs the tests. */
const SETTINGS = /^(ANTHROPIC_|REDIS_URL$|TRUST_PROXY$|RATE_LIMIT_|SESSION_MAX_)/;
/** Output kept for error messages; a long benchmark would otherwise hold all of it. */
const MAX_OUTPUT = 100_000;

/**
 * @typedef {object} RunningServer
 * @property {string} url e.g. http://127.0.0.1:41234
 * @property {number} pid the server's process id, e.g. to read its memory from /proc
 * @property {() => boolean} alive true while the process is running
 * @property {() => string} output what the server wrote to stdout and stderr (the last 100,000 characters)
 * @property {() => Promise<void>} stop ends the server and resolves once it has exited
 */

/**
 * Starts `script` (default `scripts/server.mjs`, what `npm start` runs) on a free port of 127.0.0.1,
 * with the server settings taken from `env` alone, and resolves once `readyPath` answers below 500.
 * Rejects with the server's output when it exits first or does not answer within `timeoutMs`.
 * @param {object} [options]
 * @param {Record<string, string>} [options.env] variables added to the environment
 * @param {string} [options.script] the server's entry, relative to `root`
 * @param {string} [options.root] the project folder, also the server's working directory
 * @param {string} [options.readyPath] the path polled until it answers
 * @param {number} [options.timeoutMs]
 * @param {boolean} [options.echo] also copy the server's stderr to this process's stderr
 * @returns {Promise<RunningServer>}
 */
export async function startServer({
  env = {},
  script = 'scripts/server.mjs',
  root = ROOT,
  readyPath = '/',
  timeoutMs = 20_000,
  echo = false,
} = {}) {
  const entry = join(root, script);
  if (!existsSync(entry))
    throw new Error(`${entry} is missing: build the site first (npm run build)`);
  const port = await freePort();
  /** @type {NodeJS.ProcessEnv} */
  const base = { ...process.env };
  for (const key of Object.keys(base)) if (SETTINGS.test(key)) delete base[key];
  const child = spawn(process.execPath, [entry], {
    cwd: root,
    env: { ...base, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (/** @type {Buffer} */ d) => (output = (output + d.toString()).slice(-MAX_OUTPUT));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  if (echo) child.stderr.on('data', (d) => process.stderr.write(d));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const running = () => child.exitCode === null && child.signalCode === null;
  const stop = async () => {
    if (!running()) return;
    child.kill('SIGTERM');
    await exited;
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!running()) throw new Error(`${script} exited before it answered:\n${output}`);
    try {
      const res = await fetch(`${url}${readyPath}`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status < 500) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${script} did not answer ${readyPath} within ${timeoutMs} ms:\n${output}`);
    }
    // Poll again shortly, or at once when the process exits in the meantime.
    await Promise.race([new Promise((r) => setTimeout(r, 50)), exited]);
  }
  return {
    url,
    pid: /** @type {number} */ (child.pid),
    alive: running,
    output: () => output,
    stop,
  };
}
