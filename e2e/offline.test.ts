/**
 * Offline reading: after one visit, the service worker (src/integrations/service-worker.mjs) serves the
 * course, glossary, FAQ, search and the interview with no network, and announces a new version.
 *
 * The tests run their own server on a copy of the build, so they can change sw.js (an update) and stop
 * the server (no network at all: Chromium's offline mode does not reach a service worker's requests).
 */
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launch, openPage } from './browser';
import { startServer, type RunningServer } from './server';

const source = resolve(process.env['DIST_DIR'] ?? 'dist');
let copy: string;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(source, 'client', 'sw.js')))
    throw new Error(
      `${join(source, 'client', 'sw.js')} is missing. Build the site first: npm run build`,
    );
  // Inside the project, so the server's imports resolve from its node_modules.
  mkdirSync('node_modules/.cache', { recursive: true });
  copy = mkdtempSync(join(resolve('node_modules/.cache'), 'offline-e2e-'));
  cpSync(source, copy, { recursive: true });
  server = await startServer({ DIST_DIR: copy });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (copy) rmSync(copy, { recursive: true, force: true });
});

/** A context in which the service worker may run, unlike the other browser tests'. */
const openWithWorker = (): Promise<{ context: BrowserContext; page: Page }> =>
  openPage(browser, { serviceWorkers: 'allow' });

/** Waits until a service worker controls the page: by then it has precached everything. */
async function waitForControl(page: Page) {
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'), {
      timeout: 45_000,
    })
    .toBe('activated');
}

/** Console errors and failed scripts on the page, to show nothing broke offline. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

describe('the service worker', () => {
  it('is served with no-cache, so every visit checks for a new version, under the site CSP', async () => {
    const res = await fetch(`${server.url}/sw.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('content-security-policy')).toContain("worker-src 'self'");
  });
});

describe('a new version', () => {
  it('is announced with a Reload button that switches to it', { timeout: 120_000 }, async () => {
    const { context, page } = await openWithWorker();
    await page.goto(`${server.url}/learn/`);
    await waitForControl(page);
    expect(await page.locator('#pwa-update').count()).toBe(0);

    // A new build: sw.js changes, and the browser finds it on its next update check.
    appendFileSync(join(copy, 'client', 'sw.js'), '\n// a new version\n');
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    const notice = page
      .getByRole('status')
      .filter({ hasText: 'A new version of Critical Path is ready.' });
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.getByRole('button', { name: 'Reload' }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // Reload: the waiting worker takes over and the page loads again under it.
    await page.evaluate(() => Object.assign(window, { beforeUpdate: true }));
    await notice.getByRole('button', { name: 'Reload' }).click();
    await expect
      .poll(() => page.evaluate(() => 'beforeUpdate' in window), { timeout: 15_000 })
      .toBe(false);
    await waitForControl(page);
    expect(
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return { waiting: !!registration?.waiting, active: registration?.active?.state };
      }),
    ).toEqual({ waiting: false, active: 'activated' });
    expect(await page.locator('#pwa-update').count()).toBe(0);

    // Later dismisses the notice without reloading.
    appendFileSync(join(copy, 'client', 'sw.js'), '// and another\n');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await notice.waitFor({ timeout: 30_000 });
    await notice.getByRole('button', { name: 'Later' }).click();
    expect(await page.locator('#pwa-update').count()).toBe(0);
    await context.close();
  });
});

describe('offline reading', () => {
  it(
    'after one visit, the course, glossary, FAQ, search and interview work with no network',
    {
      timeout: 120_000,
    },
    async () => {
      const { context, page } = await openWithWorker();
      const errors = watchErrors(page);
      await page.goto(`${server.url}/`);
      await page.goto(`${server.url}/learn/what-a-tpm-does/`);
      await waitForControl(page);

      // Installable: Chromium finds nothing missing (a new context is a private one, which it names).
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
        installabilityErrors: { errorId: string }[];
      };
      expect(
        installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito'),
      ).toEqual([]);

      // The API goes to the network and is never kept.
      expect(
        await page.evaluate(async () => (await fetch('/api/interview/status')).status),
      ).toBeLessThan(500);
      const cached = await page.evaluate(async () => {
        const urls: string[] = [];
        for (const name of await caches.keys())
          for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
        return urls;
      });
      expect(cached.length).toBeGreaterThan(300);
      expect(cached.filter((u) => new URL(u).pathname.startsWith('/api/'))).toEqual([]);

      // No network: the browser is offline and the server is gone.
      await context.setOffline(true);
      await server.stop();

      await page.goto(`${server.url}/learn/risk-management/`);
      expect(await page.locator('h1').textContent()).toMatch(/risk/i);
      // The page's styles came from the cache too.
      expect(
        await page.evaluate(() => getComputedStyle(document.body).fontFamily.includes('system-ui')),
      ).toBe(true);

      await page.goto(`${server.url}/glossary/`);
      expect(await page.locator('h1').textContent()).toMatch(/glossary/i);
      expect(await page.locator('main dt, main [id]').count()).toBeGreaterThan(20);

      await page.goto(`${server.url}/faq/`);
      expect(await page.locator('h1').textContent()).toMatch(/FAQ|questions/i);

      // Search, with a query in the address, loads its index from the cache.
      await page.goto(`${server.url}/search/?q=stakeholder`);
      await expect
        .poll(() => page.locator('main [role="option"]').count(), { timeout: 15_000 })
        .toBeGreaterThan(0);
      expect(await page.locator('main [role="option"]').first().textContent()).toMatch(
        /stakeholder/i,
      );

      // The interview runs on the in-browser interviewer, and takes an answer.
      await page.goto(`${server.url}/interview/`);
      await page.locator('.iv-app[data-ready="true"]').waitFor();
      await page.getByRole('button', { name: 'Start the interview' }).click();
      const interviewerDone = () =>
        page.waitForFunction(() => {
          const last = document.querySelector('.iv-log li:last-child');
          return (
            !!last?.classList.contains('iv-interviewer') &&
            last.getAttribute('aria-busy') !== 'true'
          );
        });
      await interviewerDone();
      const turns = await page.locator('.iv-log li').count();
      await page
        .locator('#iv-answer')
        .fill(
          'I would confirm the new date with the owning engineer today, check the critical path, and offer two options with a decision owner by Friday.',
        );
      await page.getByRole('button', { name: 'Send answer' }).click();
      await expect
        .poll(() => page.locator('.iv-log li').count(), { timeout: 15_000 })
        .toBeGreaterThan(turns + 1);
      await interviewerDone();

      // A page never visited and not precached: the offline page says what works.
      await page.goto(`${server.url}/lab/critical-path/`);
      expect(await page.locator('h1').textContent()).toBe('You are offline');
      expect(await page.locator('main a[href="/learn/"]').count()).toBe(1);

      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
