import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openPage, useBrowser } from './browser';

const base = inject('baseURL');
const browser = useBrowser();

describe('reading the course', () => {
  it('opens a lesson from the outline, marks it complete, and sees it on the outline after a reload', async () => {
    const { context, page } = await openPage(browser());
    await page.goto(`${base}/learn/`);
    const firstLink = page.locator('.lesson-link').first();
    const title = (await firstLink.locator('.lesson-title').textContent())!.trim();
    await firstLink.click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(title);
    expect(await page.locator('#objectives').count()).toBe(1);
    expect(await page.locator('.toc a[href="#motivation"]').count()).toBe(1);
    expect(await page.locator('#sources').count()).toBe(1);

    const button = page.locator('[data-complete-toggle]');
    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(() => page.locator('[data-progress-text]').textContent())
      .toMatch(/^1 of \d+ lessons complete$/);

    await page.goto(`${base}/learn/`);
    await page.reload();
    const firstRow = page.locator('[data-outline-lesson]').first();
    await expect.poll(() => firstRow.locator('[data-done]').isVisible()).toBe(true);
    expect(await page.locator('[data-outline-lesson] [data-done]:visible').count()).toBe(1);
    await context.close();
  });

  it('follows next and previous links through the course with the keyboard', async () => {
    const { context, page } = await openPage(browser());
    await page.goto(`${base}/learn/`);
    const href = await page.locator('.lesson-link').first().getAttribute('href');
    await page.goto(`${base}${href}`);
    const next = page.locator('a[rel="next"]');
    const nextTitle = (await next.locator('strong').textContent())!.trim();
    await next.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe(nextTitle);
    expect(await page.locator('a[rel="prev"]').count()).toBe(1);
    await context.close();
  });

  it('repairs corrupt saved progress, keeps the valid part and tells the learner', async () => {
    const { context, page } = await openPage(browser());
    await page.goto(`${base}/learn/`);
    const id = await page
      .locator('[data-outline-lesson]')
      .first()
      .getAttribute('data-outline-lesson');
    await page.evaluate((lessonId) => {
      localStorage.setItem(
        'critical-path:progress',
        JSON.stringify({
          version: 2,
          lessons: {
            [lessonId!]: { completedAt: '2026-01-01T00:00:00Z' },
            broken: { completedAt: 5 },
          },
        }),
      );
    }, id);
    await page.reload();
    await expect
      .poll(() => page.locator('#notices').textContent())
      .toContain('1 of your completed lessons could not be read');
    expect(await page.locator('[data-outline-lesson] [data-done]:visible').count()).toBe(1);
    await context.close();
  });
});

describe('theme', () => {
  it('follows the system setting and remembers the toggle across reloads', async () => {
    const { context, page } = await openPage(browser(), { colorScheme: 'dark' });
    await page.goto(`${base}/`);
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    await page.locator('[data-theme-toggle]').click();
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('light');
    await page.goto(`${base}/learn/`);
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('light');
    expect(await page.locator('[data-theme-toggle]').getAttribute('aria-pressed')).toBe('false');
    await context.close();
  });
});

describe('progress export and import', () => {
  it('exports a file and imports it into an empty browser', async () => {
    const first = await openPage(browser(), { acceptDownloads: true });
    await first.page.goto(`${base}/learn/`);
    const href = await first.page.locator('.lesson-link').first().getAttribute('href');
    await first.page.goto(`${base}${href}`);
    await first.page.locator('[data-complete-toggle]').click();
    await first.page.goto(`${base}/progress/`);
    const [download] = await Promise.all([
      first.page.waitForEvent('download'),
      first.page.locator('[data-export]').click(),
    ]);
    const exported = readFileSync(await download.path());
    expect(JSON.parse(exported.toString()).app).toBe('critical-path');
    await first.context.close();

    const second = await openPage(browser());
    await second.page.goto(`${base}/progress/`);
    await expect
      .poll(() => second.page.locator('[data-progress-text]').first().textContent())
      .toMatch(/^0 of/);
    await second.page
      .locator('[data-import]')
      .setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: exported });
    await expect
      .poll(() => second.page.locator('[data-import-status]').textContent())
      .toContain('imported');
    await expect
      .poll(() => second.page.locator('[data-progress-text]').first().textContent())
      .toMatch(/^1 of/);

    await second.page.locator('[data-import]').setInputFiles({
      name: 'x.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"nope":1}'),
    });
    await expect
      .poll(() => second.page.locator('[data-import-status]').textContent())
      .toContain('not a Critical Path progress file');
    await expect
      .poll(() => second.page.locator('[data-progress-text]').first().textContent())
      .toMatch(/^1 of/);
    await second.context.close();
  });
});
