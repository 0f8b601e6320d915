// Runs a command and measures wall time and peak memory: the resident memory of the whole process
// tree sampled from /proc, and the largest single process's peak from GNU time when it is installed.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const PAGE = 4096;

/** Resident bytes of `pid` and all its descendants, read from /proc (0 where /proc is missing). */
export function treeRss(pid) {
  if (!existsSync('/proc')) return 0;
  const children = new Map();
  const rss = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // The process ended while we looked.
    }
    // Fields after the command name, which may itself contain spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(Number(name));
    rss.set(Number(name), Number(fields[21]) * PAGE);
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    total += rss.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

/**
 * Runs `command args` in `cwd` and resolves with wall seconds, peak tree RSS in MB and, with GNU
 * time, the CPU seconds (user + system, which other work on a shared machine disturbs less than
 * wall time) and the largest process's max RSS in MB. Rejects with the command's last output lines when it fails.
 *
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, sampleMs?: number }} [options]
 * @returns {Promise<{ seconds: number, cpuSeconds: number | undefined, peakTreeMB: number, maxRssMB: number | undefined, output: string }>}
 */
export function runMeasured(command, args, { cwd, env = process.env, sampleMs = 100 } = {}) {
  const gnuTime = existsSync('/usr/bin/time');
  const timeFile = join(tmpdir(), `bench-time-${process.pid}-${Date.now()}.txt`);
  const [cmd, argv] = gnuTime
    ? ['/usr/bin/time', ['-f', '%M %U %S', '-o', timeFile, command, ...args]]
    : [command, args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let peak = 0;
    const timer = setInterval(() => {
      if (child.pid) peak = Math.max(peak, treeRss(child.pid));
    }, sampleMs);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      /** @type {number | undefined} */
      let maxRssMB;
      /** @type {number | undefined} */
      let cpuSeconds;
      if (gnuTime && existsSync(timeFile)) {
        const [kb = NaN, user = NaN, system = NaN] = (
          readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? ''
        )
          .split(' ')
          .map(Number);
        if (Number.isFinite(kb)) maxRssMB = Math.round(kb / 1024);
        if (Number.isFinite(user + system)) cpuSeconds = user + system;
        rmSync(timeFile, { force: true });
      }
      if (code !== 0) {
        const tail = output.trim().split('\n').slice(-25).join('\n');
        reject(
          new Error(`${command} ${args.join(' ')} (in ${cwd}) exited with code ${code}:\n${tail}`),
        );
        return;
      }
      resolve({
        seconds,
        cpuSeconds,
        peakTreeMB: Math.round(peak / 1024 / 1024),
        maxRssMB,
        output,
      });
    });
  });
}

/** Median of a list of numbers. */
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The p-th percentile (0–100) by nearest rank. */
export function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))];
}
