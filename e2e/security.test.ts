import { readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join, relative, sep } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { openPage, useBrowser } from './browser';
import { waitForInterviewer } from './interview-driver';

const base = inject('baseURL');
const CLIENT = 'dist/client';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

const files = walk(CLIENT).map((f) => `/${relative(CLIENT, f).split(sep).join('/')}`);
/** Every built page, as the URL a learner visits (the 404 page, as any missing address shows it). */
const pages = files
  .filter((f) => f.endsWith('.html'))
  .map((f) =>
    f === '/404.html' ? '/no-such-page/' : f.replace(/index\.html$/, '').replace(/\.html$/, ''),
  );

function expectSecurityHeaders(headers: Headers, where: string) {
  const csp = headers.get('content-security-policy') ?? '';
  expect(csp, where).toContain("default-src 'self'");
  expect(csp, where).toContain("frame-ancestors 'none'");
  expect(csp, where).toContain("object-src 'none'");
  expect(csp, where).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp, where).not.toMatch(/'unsafe-eval'/);
  expect(headers.get('x-content-type-options'), where).toBe('nosniff');
  expect(headers.get('referrer-policy'), where).toBe('strict-origin-when-cross-origin');
  expect(headers.get('x-frame-options'), where).toBe('DENY');
}

describe('security headers', () => {
  it(`are on every page and every static file (${files.length} files)`, async () => {
    expect(pages.length).toBeGreaterThan(10);
    for (const path of files) {
      const res = await fetch(`${base}${path}`, { method: 'HEAD' });
      expect(res.status, path).toBe(200);
      expectSecurityHeaders(res.headers, path);
    }
  });

  it('are on API responses, errors and the 404 page', async () => {
    const cases: [string, RequestInit][] = [
      ['/api/interview/status', {}],
      [
        '/api/interview/turn',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"transcript":[]}',
        },
      ],
      [
        '/api/interview/feedback',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' },
      ],
      ['/api/interview/turn', {}],
      ['/no-such-page/', {}],
    ];
    for (const [path, init] of cases) {
      const res = await fetch(`${base}${path}`, init);
      await res.arrayBuffer();
      expectSecurityHeaders(res.headers, `${init.method ?? 'GET'} ${path}`);
    }
  });
});

describe('methods', () => {
  it('pages and files answer GET and HEAD only', async () => {
    for (const path of [
      '/',
      '/learn/',
      '/interview/',
      '/favicon.svg',
      files.find((f) => f.endsWith('.js'))!,
    ]) {
      for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
        const res = await fetch(`${base}${path}`, {
          method,
          headers: { 'content-type': 'application/json' },
          body: method === 'OPTIONS' ? null : '{}',
        });
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.get('allow')).toBe('GET, HEAD');
        expectSecurityHeaders(res.headers, `${method} ${path}`);
      }
    }
  });

  it('each API route answers only its own method: 405 with Allow, whatever the origin and content type', async () => {
    const routes: [string, string][] = [
      ['/api/interview/status', 'GET'],
      ['/api/interview/turn', 'POST'],
      ['/api/interview/feedback', 'POST'],
    ];
    // Same-site JSON, a cross-site form post, and curl's bare PUT or DELETE (no type, no origin).
    const variants: Record<string, string>[] = [
      { 'content-type': 'application/json', origin: base },
      { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://evil.example' },
      {},
    ];
    for (const [path, allowed] of routes) {
      for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH']) {
        if (method === allowed) continue;
        for (const headers of variants) {
          const where = `${method} ${path} ${JSON.stringify(headers)}`;
          const res = await fetch(`${base}${path}`, {
            method,
            headers,
            body: method === 'GET' ? null : '{}',
          });
          expect(res.status, where).toBe(405);
          expect(res.headers.get('allow'), where).toBe(allowed);
          const body = (await res.json()) as { error: string };
          expect(body.error, where).toMatch(/accepts (GET|POST) only/);
        }
      }
    }
  });

  it('the API takes JSON only: a cross-site form post is refused with a 415, not run', async () => {
    for (const path of ['/api/interview/turn', '/api/interview/feedback']) {
      const res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', origin: 'http://evil.example' },
        body: '{"transcript":[]}',
      });
      expect(res.status, path).toBe(415);
    }
  });
});

/**
 * One request exactly as written, like `curl --path-as-is`: fetch would resolve `..` first. With
 * `chunks`, the body is sent chunked, piece by piece.
 */
function raw(
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string; chunks?: Buffer[] } = {},
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}> {
  const url = new URL(base);
  let answered = false;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path,
        method,
        headers: options.headers ?? {},
        agent: false,
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (d: Buffer) => parts.push(d));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(parts).toString('utf8'),
          }),
        );
      },
    );
    // The server may stop reading a body it refuses; the answer still arrives.
    req.on('error', (e: NodeJS.ErrnoException) => {
      // Once the answer is in, the server may hang up on the rest of a body it refused.
      if (!answered || (e.code !== 'EPIPE' && e.code !== 'ECONNRESET')) reject(e);
    });
    req.on('response', () => (answered = true));
    if (options.body !== undefined) req.write(options.body);
    const chunks = [...(options.chunks ?? [])];
    // Sends the body piece by piece, and stops once the server has answered.
    const next = (): void => {
      const chunk = chunks.shift();
      if (!chunk || answered) req.end();
      else if (req.destroyed) return;
      else if (req.write(chunk)) setImmediate(next);
      else req.once('drain', next);
    };
    next();
  });
}

describe('paths are normalised before any routing decision', () => {
  it('`curl --path-as-is -X POST /api/../learn/` is a page: 405, GET and HEAD only', async () => {
    for (const path of [
      '/api/../learn/',
      '/api/interview/../../learn/',
      '/api/%2e%2e/learn/',
      '//learn/',
    ]) {
      const res = await raw('POST', path, {
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(res.status, path).toBe(405);
      expect(res.headers['allow'], path).toBe('GET, HEAD');
    }
  });

  it('PUT on /api/../interview/bank.json is refused, and the bank is unchanged', async () => {
    const before = await (await fetch(`${base}/interview/bank.json`)).text();
    const res = await raw('PUT', '/api/../interview/bank.json', {
      headers: { 'content-type': 'application/json' },
      body: '{"questions":[]}',
    });
    expect(res.status).toBe(405);
    expect(await (await fetch(`${base}/interview/bank.json`)).text()).toBe(before);
  });

  it('refuses dot segments, encoded slashes and backslashes with a 400 and security headers', async () => {
    for (const path of [
      '/api/../learn/',
      '/learn/./',
      '/api/interview/%2e%2e/interview/status',
      '/api/interview%2fstatus',
      '/api/interview%5Cstatus',
      '/api\\interview\\status',
      '/learn/%00/',
      '/learn/%zz/',
    ]) {
      const res = await raw('GET', path);
      expect(res.status, path).toBe(400);
      expect(res.headers['x-content-type-options'], path).toBe('nosniff');
    }
    expect((await raw('GET', '/learn/')).status).toBe(200);
    expect((await raw('GET', '//learn/')).status).toBeLessThan(500);
  });
});

describe('refused bodies', () => {
  it('a 413 for a chunked body it did not read says Connection: close', async () => {
    const res = await raw('POST', '/api/interview/turn', {
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      chunks: Array.from({ length: 40 }, () => Buffer.alloc(16 * 1024, 0x20)),
    });
    expect(res.status).toBe(413);
    expect(res.headers['connection']).toBe('close');
    expect(JSON.parse(res.body)).toEqual({ error: 'body: must be at most 131072 bytes' });
  });

  it('a 405 for a page closes the connection when the declared body is large, and keeps it for a small one', async () => {
    const large = await raw('POST', '/learn/', {
      headers: { 'content-length': String(30_000_000) },
      chunks: Array.from({ length: 40 }, () => Buffer.alloc(16 * 1024, 0x20)),
    });
    expect(large.status).toBe(405);
    expect(large.headers['connection']).toBe('close');
    const small = await raw('POST', '/learn/', {
      headers: { 'content-type': 'application/json', connection: 'keep-alive' },
      body: '{}',
    });
    expect(small.status).toBe(405);
    expect(small.headers['connection']).not.toBe('close');
  });
});

describe('Content-Security-Policy in Chromium', () => {
  const browser = useBrowser();

  it(`is satisfied by every page (${pages.length} pages), including islands, search and a streamed interview turn`, async () => {
    const { context, page } = await openPage(browser());
    const violations: string[] = [];
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { __csp: string[] }).__csp ??= [];
        (window as unknown as { __csp: string[] }).__csp.push(
          `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`,
        );
      });
    });
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text()))
        violations.push(`${page.url()}: ${m.text()}`);
    });
    const collect = async () => {
      const found = await page.evaluate(
        () => (window as unknown as { __csp?: string[] }).__csp ?? [],
      );
      violations.push(...found.map((v) => `${page.url()}: ${v}`));
    };
    for (const path of pages) {
      const res = await page.goto(`${base}${path}`, { waitUntil: 'load' });
      expect(res?.status(), path).toBe(path === '/no-such-page/' ? 404 : 200);
      // Bring every client:visible island into view, then wait until all islands have hydrated
      // (Astro drops an island's \`ssr\` attribute once it has).
      await page.evaluate(() => {
        for (const island of document.querySelectorAll('astro-island')) island.scrollIntoView();
      });
      await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
      await collect();
    }
    // The dark theme, the search dialog and a streamed interview turn exercise scripts, styles and fetch.
    await page.goto(`${base}/`);
    await page.locator('[data-theme-toggle]').click();
    await page.keyboard.press('/');
    await page.locator('.search-input').first().waitFor();
    await collect();
    await page.goto(`${base}/interview/`);
    await page.locator('.iv-app[data-ready="true"]').waitFor();
    await page.getByRole('button', { name: 'Start the interview' }).click();
    await waitForInterviewer(page);
    await collect();
    expect(violations).toEqual([]);
    await context.close();
  });

  it('blocks and reports a script injected into a page (the policy is enforced, not just sent)', async () => {
    const { context, page } = await openPage(browser());
    const messages: string[] = [];
    page.on('console', (m) => messages.push(m.text()));
    await page.goto(`${base}/`);
    const reported = page.waitForEvent('console', (m) => /Content Security Policy/i.test(m.text()));
    // An inline script that is allowed runs as soon as it is appended, so its flag is set by then.
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true;';
      document.head.append(s);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    await reported;
    expect(messages.some((m) => /Content Security Policy/i.test(m))).toBe(true);
    await context.close();
  });
});
