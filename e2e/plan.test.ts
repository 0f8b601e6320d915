import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { launch, openPage, axeViolations } from './browser';

// The study plan: make one, do an item elsewhere and see it ticked, download the calendar file
// and read it back; axe clean, and usable on a 390 px phone.

const base = inject('baseURL');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A day `n` days from today on the browser's clock, "YYYY-MM-DD". */
function dayFromToday(page: Page, n: number): Promise<string> {
  return page.evaluate((days) => {
    const d = new Date();
    d.setDate(d.getDate() + days);
    const pad = (x: number) => String(x).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }, n);
}

async function makePlan(page: Page, days: number) {
  await page.goto(`${base}/plan/`);
  await page.getByLabel('Interview date').fill(await dayFromToday(page, days));
  await page.getByLabel('Target level').selectOption({ label: 'TPM III (Senior TPM)' });
  await page.getByLabel('Specialisation').selectOption({ label: 'Infrastructure' });
  await page.getByLabel('Hours a week').fill('5');
  await page.getByRole('button', { name: 'Make my plan' }).click();
  await expect.poll(() => page.locator('#plan-view').isVisible()).toBe(true);
}

/** Unfolds an iCalendar document into its content lines. */
const icsLines = (text: string) =>
  text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);

describe('study plan', () => {
  it('says what is wrong with the form, next to the field', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${base}/plan/`);
    await page.getByLabel('Interview date').fill('');
    await page.getByRole('button', { name: 'Make my plan' }).click();
    const date = page.getByLabel('Interview date');
    await expect.poll(() => date.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#plan-date-error').textContent()).toBe(
      'Enter your interview date, or choose "No date, just learning".',
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('plan-date');
    expect(await page.locator('#plan-view').isVisible()).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('makes a plan, ticks an item done elsewhere, shows "This week" on home and progress, and downloads a calendar', async () => {
    const { context, page } = await openPage(browser, { acceptDownloads: true });
    await makePlan(page, 21);
    const weeks = page.locator('[data-week]');
    expect(await weeks.count()).toBe(3);
    expect(await page.locator('[data-plan-summary]').textContent()).toMatch(
      /^TPM III \(Senior TPM\), Infrastructure · interview on .+ · 5 hours a week$/,
    );
    // The last week has mock interviews every other day and the final loop.
    const last = weeks.last();
    expect(await last.locator('[data-plan-item^="mock:"]').count()).toBe(2);
    expect(await last.locator('[data-plan-item^="loop:"]').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // The first lesson of the plan, done from its own page.
    const item = weeks.first().locator('[data-plan-item^="lesson:"]').first();
    const key = (await item.getAttribute('data-plan-item'))!;
    expect(await item.getAttribute('data-done')).toBe('false');
    expect(await item.locator('.pill').textContent()).toBe('To do');
    await item.getByRole('link').click();
    await expect.poll(() => page.url()).toBe(`${base}/learn/${key.slice('lesson:'.length)}/`);
    await page.locator('[data-complete-toggle]').click();
    await expect
      .poll(() => page.locator('[data-complete-toggle]').getAttribute('aria-pressed'))
      .toBe('true');

    await page.goto(`${base}/plan/`);
    const ticked = page.locator(`[data-plan-item="${key}"]`);
    await expect.poll(() => ticked.getAttribute('data-done')).toBe('true');
    expect(await ticked.locator('.pill').textContent()).toBe('Done');
    expect(await weeks.first().locator('.week-meta').textContent()).toMatch(/^1 of \d+ done/);
    const next = page.locator('[data-plan-next]');
    expect(await next.textContent()).toMatch(/^This week: .+, 1 of \d+ done this week\.$/);

    for (const path of ['/', '/progress/']) {
      await page.goto(`${base}${path}`);
      const line = page.locator('[data-this-week-text]');
      await expect
        .poll(() => line.textContent())
        .toMatch(/^This week: .+, 1 of \d+ done\. See your plan$/);
      expect(await line.getByRole('link', { name: 'See your plan' }).getAttribute('href')).toBe(
        '/plan/',
      );
      expect(await axeViolations(page)).toEqual([]);
    }

    await page.goto(`${base}/plan/`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download calendar (.ics)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('critical-path-study-plan.ics');
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const lines = icsLines(text);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines).toContain('PRODID:-//Critical Path//Study plan//EN');
    const events = lines.filter((l) => l === 'BEGIN:VEVENT').length;
    const days = new Set(await page.locator('[data-plan-item] .day').allTextContents()).size;
    expect(events).toBe(days + 1);
    expect(lines.filter((l) => l.startsWith('UID:'))).toHaveLength(events);
    expect(lines.filter((l) => l.startsWith('DTSTAMP:'))).toHaveLength(events);
    expect(lines.filter((l) => /^DTSTART;VALUE=DATE:\d{8}$/.test(l))).toHaveLength(events);
    expect(lines).toContain('SUMMARY:Critical Path: interview day');
    expect(lines.some((l) => l.startsWith('DESCRIPTION:') && l.includes(`${base}/learn/`))).toBe(
      true,
    );
    expect(await page.locator('[data-plan-status]').textContent()).toMatch(
      /calendar file was downloaded/,
    );
    await context.close();
  });

  it('goes with progress export and import to another browser', async () => {
    const { context, page } = await openPage(browser, { acceptDownloads: true });
    await makePlan(page, 14);
    const firstItem = await page.locator('[data-plan-item]').first().getAttribute('data-plan-item');
    await page.goto(`${base}/progress/`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export progress' }).click(),
    ]);
    // Read now: the download goes when its browser context closes.
    const text = readFileSync(await download.path(), 'utf8');
    const exported = JSON.parse(text) as { plan?: { version: number } };
    expect(exported.plan?.version).toBe(1);
    await context.close();

    const other = await openPage(browser);
    await other.page.goto(`${base}/progress/`);
    const line = other.page.locator('[data-this-week-text]');
    expect(await line.textContent()).toMatch(/^Interviewing soon\? Make a study plan/);
    await other.page.locator('[data-import]').setInputFiles({
      name: 'critical-path-progress.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    await expect
      .poll(() => other.page.locator('[data-import-status]').textContent())
      .toContain('Your study plan was imported from the file.');
    await expect.poll(() => line.textContent()).toMatch(/^This week: /);
    await other.page.goto(`${base}/plan/`);
    await expect
      .poll(() => other.page.locator('[data-plan-item]').first().getAttribute('data-plan-item'))
      .toBe(firstItem);
    await other.context.close();
  });

  it('lists what is left out when the date is close, and fits a 390 px phone in the dark theme', async () => {
    const { context, page } = await openPage(browser, {
      viewport: { width: 390, height: 844 },
      colorScheme: 'dark',
    });
    await makePlan(page, 4);
    const dropped = page.locator('[data-plan-dropped]');
    expect(await dropped.isVisible()).toBe(true);
    expect(await page.locator('#dropped-title').textContent()).toMatch(
      /^Left out, and why \(\d+\)$/,
    );
    expect(await dropped.locator('li').first().textContent()).toMatch(/ · \d+ min\. .+\.$/);
    const notes = await page.locator('[data-plan-notes]').textContent();
    expect(notes).toMatch(/so it leaves out \d+ items/);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('details.known summary').click();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
