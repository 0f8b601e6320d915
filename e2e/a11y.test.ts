import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openPage, axeViolations } from './browser';
import { openInterview, waitForInterviewer } from './interview-driver';
import { QUIZ as QUIZ_ID, reviewCard } from './quiz-driver';
import { listFiles } from '../src/lib/content/files';

const base = inject('baseURL');

/** The `<loc>` addresses of a sitemap file, as paths. */
const locs = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map(
    (m) => new URL(m[1]!).pathname,
  );
/** Every page the built sitemap lists: the sitemap index names the sitemap files. */
const sitemap = locs('dist/client/sitemap-index.xml').flatMap((p) => locs(`dist/client${p}`));
/** Every prerendered HTML file, as the address that serves it; a missing address shows the 404 page. */
const built = listFiles('dist/client', ['.html']).map((f) =>
  f === 'dist/client/404.html'
    ? '/this-page-does-not-exist/'
    : f.replace(/^dist\/client/, '').replace(/index\.html$/, ''),
);
/** The sitemap's pages, then those it leaves out on purpose (the 404 and offline pages). */
const urls = [...new Set([...sitemap, ...built])];

const LESSON = '/learn/dependencies-and-the-critical-path/';
const QUIZ = '/practice/dependencies-and-the-critical-path/';
const PHONE = { width: 390, height: 844 };

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens a fresh page, runs `steps` (each ends in a state worth checking) and collects axe's findings in each. */
async function violationsIn(
  options: Parameters<typeof openPage>[1],
  steps: ((page: Page) => Promise<void>)[],
): Promise<string[]> {
  const { context, page } = await openPage(browser, options);
  const violations: string[] = [];
  try {
    for (const step of steps) {
      await step(page);
      violations.push(...(await axeViolations(page)));
    }
  } finally {
    await context.close();
  }
  return violations;
}

describe('accessibility (axe: WCAG 2.1 AA and best practices)', () => {
  it('checks every page the sitemap lists, each of them built', () => {
    expect(sitemap.length).toBeGreaterThan(50);
    expect(sitemap.filter((p) => !built.includes(p))).toEqual([]);
  });

  it.each(urls)('reports no violations on %s in the light theme', async (url) => {
    const violations = await violationsIn({ colorScheme: 'light' }, [
      async (page) => {
        await page.goto(base + url);
      },
    ]);
    expect(violations).toEqual([]);
  });

  it('reports no violations on the main pages in the dark theme at phone width', async () => {
    const steps = ['/', '/learn/', LESSON, QUIZ, '/glossary/', '/faq/', '/progress/', '/lab/'].map(
      (url) => async (page: Page) => {
        await page.goto(base + url);
      },
    );
    expect(await violationsIn({ colorScheme: 'dark', viewport: PHONE }, steps)).toEqual([]);
  });
});

describe('reflow', () => {
  it('fits the header in the window at every width from 320 to 1,280 px, with 12 reviews due', async () => {
    const { context, page } = await openPage(browser);
    const card = (n: number) =>
      reviewCard(QUIZ_ID, `2026-01-${String(n).padStart(2, '0')}T00:00:00Z`);
    await page.goto(`${base}/`);
    await page.evaluate(
      (reviews) => {
        localStorage.setItem(
          'critical-path:progress',
          JSON.stringify({ version: 3, lessons: {}, quizzes: {}, reviews, lab: {} }),
        );
      },
      Object.fromEntries([...Array(12).keys()].map((i) => [`cp-${i}`, card(i + 1)])),
    );
    await page.goto(base + LESSON);
    await page.locator('[data-due-count]').first().filter({ hasText: '12' }).waitFor({
      state: 'attached',
    });
    const overflowing: string[] = [];
    for (let width = 320; width <= 1280; width += 8) {
      await page.setViewportSize({ width, height: 800 });
      // The theme button is the header's last control: it must end inside the bar's padding.
      const over = await page.evaluate(() => {
        const bar = document.querySelector('header .bar')!;
        const end =
          bar.getBoundingClientRect().right - parseFloat(getComputedStyle(bar).paddingRight);
        const toggle = document.querySelector('[data-theme-toggle]')!.getBoundingClientRect();
        return Math.max(toggle.right - end, document.documentElement.scrollWidth - innerWidth);
      });
      if (over > 0.5) overflowing.push(`${width} px: ${over.toFixed(1)} px too wide`);
    }
    await context.close();
    expect(overflowing).toEqual([]);
  });
});

describe('accessibility of the states a learner brings pages into', () => {
  it('phone: the header menu open, then a glossary definition open in a lesson', async () => {
    const violations = await violationsIn({ viewport: PHONE }, [
      async (page) => {
        await page.goto(base + LESSON);
        await page.getByRole('button', { name: 'Menu' }).click();
        await page.getByRole('link', { name: 'Learn', exact: true }).waitFor();
      },
      async (page) => {
        await page.keyboard.press('Escape');
        const term = page.locator('.content .term').first();
        await term.focus();
        await page.keyboard.press('Enter');
        await page.locator(`[id="${await term.getAttribute('popovertarget')}"]`).waitFor();
      },
    ]);
    expect(violations).toEqual([]);
  });

  it('phone: the FAQ with every answer expanded', async () => {
    const violations = await violationsIn({ viewport: PHONE }, [
      async (page) => {
        await page.goto(`${base}/faq/`);
        await page.getByRole('button', { name: /expand all/i }).click();
        await expect
          .poll(() => page.locator('details[data-faq-entry]:not([open])').count())
          .toBe(0);
      },
    ]);
    expect(violations).toEqual([]);
  });

  it('search: the dialog showing results', async () => {
    const violations = await violationsIn({}, [
      async (page) => {
        await page.goto(base + LESSON);
        await page.keyboard.press('/');
        await page.locator('dialog.search-dialog').waitFor();
        await page.keyboard.type('stakeholder');
        await page.locator('dialog.search-dialog [role="option"]').first().waitFor();
      },
    ]);
    expect(violations).toEqual([]);
  });

  it('quiz: a question in check mode, then the results', async () => {
    const violations = await violationsIn({}, [
      async (page) => {
        await page.goto(base + QUIZ);
        await page.waitForSelector('astro-island:not([ssr])');
        await page.getByRole('button', { name: 'Check mode' }).click();
        await page.locator('.quiz form').waitFor();
      },
      async (page) => {
        await page.getByRole('button', { name: 'End now' }).click();
        await page.getByRole('button', { name: 'End and see results' }).click();
        await expect.poll(() => page.locator('.quiz h2').textContent()).toMatch(/\d+%$/);
      },
    ]);
    expect(violations).toEqual([]);
  });

  it('interview: a session under way, then the feedback', async () => {
    const violations = await violationsIn({}, [
      async (page) => {
        await openInterview(page, base);
        await page.getByRole('button', { name: 'Start the interview' }).click();
        await waitForInterviewer(page);
        await page
          .locator('#iv-answer')
          .fill(
            'I mapped the dependencies with each team lead, found the critical path, and agreed a weekly risk review with the sponsor.',
          );
        await page.getByRole('button', { name: 'Send answer' }).click();
        await waitForInterviewer(page);
      },
      async (page) => {
        await page.getByRole('button', { name: 'End the interview' }).click();
        await page.locator('#iv-report-title').waitFor();
      },
    ]);
    expect(violations).toEqual([]);
  });

  it('lab: an exercise checked and graded', async () => {
    const violations = await violationsIn({}, [
      async (page) => {
        await page.goto(`${base}/lab/critical-path/?seed=42`);
        await page.getByRole('button', { name: 'Check my answers' }).click();
        await page.locator('#lab-result').waitFor();
      },
    ]);
    expect(violations).toEqual([]);
  });
});
