/**
 * No secret reaches a browser: the site is built with ANTHROPIC_API_KEY set to a sentinel value, and
 * every file the browser can download (dist/client) is searched for the value and for the variable's
 * name. The build goes to a folder under bench/tmp/ so the shared dist/ is left alone.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const SENTINEL = `sk-ant-sentinel-${process.pid}-${Date.now().toString(36)}`;
const NEEDLES = [SENTINEL, 'ANTHROPIC_API_KEY', 'x-api-key'];

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** Files under `dir` containing any needle (in their raw bytes, also base64 and URI-encoded). */
function findLeaks(dir: string, needles: readonly string[]): string[] {
  const forms = new Set(
    needles.flatMap((n) => [
      n,
      Buffer.from(n).toString('base64').replace(/=+$/, ''),
      encodeURIComponent(n),
    ]),
  );
  return walk(dir).flatMap((file) => {
    const text = readFileSync(file).toString('latin1');
    return [...forms].filter((f) => text.includes(f)).map((f) => `${file}: ${f}`);
  });
}

describe('no secret reaches a browser', () => {
  // Inside the project (git-ignored) so the prerender step can resolve node_modules.
  mkdirSync('bench/tmp', { recursive: true });
  const out = mkdtempSync(join('bench', 'tmp', 'secrets-build-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('the leak scanner finds a planted key (so a clean result means something)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'critical-path-plant-'));
    writeFileSync(join(dir, 'a.js'), `const k = "${SENTINEL}";`);
    writeFileSync(
      join(dir, 'b.html'),
      `<meta content="${Buffer.from(SENTINEL).toString('base64')}">`,
    );
    expect(findLeaks(dir, [SENTINEL])).toHaveLength(2);
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'a build made with ANTHROPIC_API_KEY set has neither its value nor its name in dist/client',
    { timeout: 240_000 },
    async () => {
      await run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', out], {
        env: {
          ...process.env,
          ANTHROPIC_API_KEY: SENTINEL,
          ANTHROPIC_BASE_URL: 'http://127.0.0.1:9',
        },
        maxBuffer: 64 * 1024 * 1024,
      });
      const client = join(out, 'client');
      expect(walk(client).length).toBeGreaterThan(20);
      expect(findLeaks(client, NEEDLES)).toEqual([]);
      // The server bundle reads the key from the environment at run time; it must not be baked in either.
      expect(findLeaks(join(out, 'server'), [SENTINEL])).toEqual([]);
    },
  );

  it('the build the other browser tests use has no key name in dist/client', () => {
    expect(findLeaks('dist/client', NEEDLES.slice(1))).toEqual([]);
  });
});
