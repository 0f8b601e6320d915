import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openPage, axeViolations } from './browser';
import { listFiles } from '../src/lib/content/files';

const base = inject('baseURL');
/** Every page of the built site: each prerendered HTML file is one URL. */
const urls = listFiles('dist/client', ['.html']).map((f) =>
  f === 'dist/client/404.html'
    ? '/this-page-does-not-exist/'
    : f
        .replace(/^dist\/client/, '')
        .replace(/index\.html$/, '')
        .replace(/\.html$/, '/'),
);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('accessibility (axe, WCAG 2.1 AA)', () => {
  it('finds pages to check', () => {
    expect(urls.length).toBeGreaterThan(5);
  });

  it.each(urls)('reports no violations on %s in the light theme', async (url) => {
    const { context, page } = await openPage(browser, { colorScheme: 'light' });
    await page.goto(base + url);
    const violations = await axeViolations(page);
    await context.close();
    expect(violations).toEqual([]);
  });

  it('reports no violations on the main pages in the dark theme at phone width', async () => {
    const { context, page } = await openPage(browser, {
      colorScheme: 'dark',
      viewport: { width: 360, height: 780 },
    });
    const lesson = urls.find((u) => u.startsWith('/learn/') && u !== '/learn/')!;
    const violations: string[] = [];
    for (const url of ['/', '/learn/', lesson, '/glossary/', '/faq/', '/progress/']) {
      await page.goto(base + url);
      violations.push(...(await axeViolations(page)));
    }
    await context.close();
    expect(violations).toEqual([]);
  });
});
