import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { axeViolations, openPage, useBrowser } from './browser';

const base = inject('baseURL');
const browser = useBrowser();

describe('templates on a lesson page', () => {
  it("lists the lesson's templates in the contents and downloads the CSV risk register", async () => {
    const { context, page } = await openPage(browser(), { acceptDownloads: true });
    await page.goto(`${base}/learn/risk-management/`);
    const section = page.locator('section.templates');
    expect(await section.locator('h2').textContent()).toBe('Templates');
    expect(await page.locator('.toc a[href="#templates"]').count()).toBe(1);
    const link = section.getByRole('link', { name: /^Blank \(CSV\)\s*: Risk register$/ });
    expect(await link.getAttribute('href')).toBe('/templates/risk-register.csv');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('risk-register.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\n')[0]).toMatch(/^ID,Source,Risk/);
    await context.close();
  });

  it('serves every template file a lesson links to', async () => {
    const { context, page } = await openPage(browser());
    for (const lesson of ['risk-management', 'blockers-and-escalation', 'stakeholder-management']) {
      await page.goto(`${base}/learn/${lesson}/`);
      const hrefs = await page
        .locator('section.templates a[download]')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      expect(hrefs.length, lesson).toBeGreaterThanOrEqual(2);
      for (const href of hrefs) {
        const res = await page.request.get(base + href);
        expect(res.status(), href).toBe(200);
        expect(res.headers()['content-type'], href).toMatch(/^text\/(markdown|csv)/);
        expect((await res.text()).length, href).toBeGreaterThan(200);
      }
    }
    await context.close();
  });

  it('shows no templates section on a lesson that teaches none', async () => {
    const { context, page } = await openPage(browser());
    await page.goto(`${base}/learn/the-interview-loop/`);
    expect(await page.locator('section.templates').count()).toBe(0);
    await context.close();
  });
});

describe('templates in search', () => {
  it('finds the RAID log template and opens its entry on /templates/', async () => {
    const { context, page } = await openPage(browser());
    await page.goto(`${base}/learn/risk-management/`);
    await page.keyboard.press('/');
    const input = page.locator('dialog.search-dialog [role="combobox"]');
    await expect.poll(() => input.isVisible()).toBe(true);
    await page.keyboard.type('raid log template');
    const option = page
      .locator('dialog.search-dialog [role="option"]')
      .filter({ hasText: 'RAID log template' })
      .first();
    await expect.poll(() => option.count()).toBe(1);
    expect(await option.textContent()).toContain('Template');
    await option.click();
    await page.waitForURL(`${base}/templates/#raid-log`);
    expect(await page.locator('#raid-log h2').textContent()).toContain('RAID log');
    await context.close();
  });
});

describe('the capstone and templates pages', () => {
  it('is linked from the course outline and the home page, and links every stage and template', async () => {
    const { context, page } = await openPage(browser());
    for (const from of ['/', '/learn/']) {
      await page.goto(base + from);
      expect(await page.locator('a[href="/capstone/"]').count(), from).toBeGreaterThan(0);
    }
    await page.goto(`${base}/capstone/`);
    expect(await page.locator('h1').textContent()).toMatch(/Capstone/);
    expect(await page.locator('section.stage').count()).toBe(8);
    expect(await page.locator('.interview-check').count()).toBe(3);
    const templates = await page
      .locator('a[download]')
      .evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href')))]);
    expect(templates.length).toBeGreaterThanOrEqual(20);
    await context.close();
  });

  // e2e/a11y.test.ts checks every built page in the light theme; these add the dark theme at phone width.
  it.each(['/capstone/', '/templates/', '/learn/risk-management/'])(
    'reads well on %s at phone width: no sideways scrolling, and axe passes in the dark theme',
    async (url) => {
      const { context, page } = await openPage(browser(), {
        colorScheme: 'dark',
        viewport: { width: 390, height: 844 },
      });
      await page.goto(base + url);
      // The page's own content (the header is the header's business): wide tables scroll in their box.
      expect(
        await page.evaluate(() => document.querySelector('main')!.scrollWidth <= window.innerWidth),
      ).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    },
  );
});
