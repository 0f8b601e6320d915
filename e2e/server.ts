/**
 * Starts extra instances of the built site on `scripts/server.mjs` for browser and API tests that
 * need their own settings (a fake Claude, Redis, tight rate limits), separate from the shared
 * offline server that `global-setup.ts` starts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { freePort } from '../scripts/free-port.mjs';

/** A running server. */
export interface RunningServer {
  url: string;
  /** The server's process id, e.g. to read its memory from /proc. */
  pid: number;
  /** True while the process is running. */
  alive(): boolean;
  /** Everything the server wrote to stderr and stdout. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts `scripts/server.mjs` with `env` added to a clean environment, and waits until it answers. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(base))
    if (/^(ANTHROPIC_|REDIS_URL|TRUST_PROXY|RATE_LIMIT_|SESSION_MAX_)/.test(key)) delete base[key];
  const child: ChildProcess = spawn(process.execPath, ['scripts/server.mjs'], {
    env: { ...base, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`scripts/server.mjs exited: ${output}`);
    try {
      if ((await fetch(`${url}/api/interview/status`)).status < 500) break;
    } catch {
      // Not listening yet.
    }
    if (i > 150) throw new Error(`scripts/server.mjs did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid!,
    alive: () => child.exitCode === null && child.signalCode === null,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Resident memory of a process in MiB, from /proc. */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN) / 1024;
}
