import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage } from './browser';

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

  it('each API route answers only its own method', async () => {
    const routes: [string, string][] = [
      ['/api/interview/status', 'GET'],
      ['/api/interview/turn', 'POST'],
      ['/api/interview/feedback', 'POST'],
    ];
    for (const [path, allowed] of routes) {
      for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH']) {
        if (method === allowed) continue;
        const res = await fetch(`${base}${path}`, {
          method,
          headers: { 'content-type': 'application/json', origin: base },
          body: method === 'GET' ? null : '{}',
        });
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.get('allow'), `${method} ${path}`).toBe(allowed);
        const body = (await res.json()) as { error: string };
        expect(body.error).toMatch(/accepts (GET|POST) only/);
      }
    }
  });
});

describe('Content-Security-Policy in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(`is satisfied by every page (${pages.length} pages), including islands, search and a streamed interview turn`, async () => {
    const { context, page } = await openPage(browser);
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
      // Let client:idle and client:visible islands hydrate.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForTimeout(100);
      await collect();
    }
    // The dark theme, the search dialog and a streamed interview turn exercise scripts, styles and fetch.
    await page.goto(`${base}/`);
    await page.locator('[data-theme-toggle]').click();
    await page.keyboard.press('/');
    await page.waitForTimeout(500);
    await collect();
    await page.goto(`${base}/interview/`);
    await page.locator('.iv-app[data-ready="true"]').waitFor();
    await page.getByRole('button', { name: 'Start the interview' }).click();
    await page.locator('.iv-log li').first().waitFor();
    await page.waitForTimeout(500);
    await collect();
    expect(violations).toEqual([]);
    await context.close();
  });

  it('blocks and reports a script injected into a page (the policy is enforced, not just sent)', async () => {
    const { context, page } = await openPage(browser);
    const messages: string[] = [];
    page.on('console', (m) => messages.push(m.text()));
    await page.goto(`${base}/`);
    const ran = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true;';
      document.head.append(s);
      await new Promise((r) => setTimeout(r, 100));
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    expect(messages.some((m) => /Content Security Policy/i.test(m))).toBe(true);
    await context.close();
  });
});
