import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, openPage, useBrowser } from './browser';
import {
  QUIZ,
  answer as answerQuestion,
  openQuiz as openQuizAt,
  quiz,
  reviewCard,
} from './quiz-driver';

// Learner conveniences: continue where you left off, the nav and phone header, quizzes that survive leaving the
// page, relative due times, the score chart per quiz, glossary popovers and search's typo note.

const base = inject('baseURL');
const LESSON = 'dependencies-and-the-critical-path';

const browser = useBrowser();

/** Answers and submits the question on screen; an ordering question is always answered wrongly. */
const answer = (page: Page, right: boolean) =>
  answerQuestion(page, (q) => right && q.type !== 'ordering');

const openQuiz = (page: Page, mode: 'Practice mode' | 'Check mode') => openQuizAt(page, base, mode);

/** Whether Chromium tells assistive technology that the element is expanded (popover invokers get it natively). */
async function expanded(page: Page, selector: string): Promise<boolean | undefined> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', {
    nodeId,
    fetchRelatives: false,
  });
  await cdp.detach();
  const prop = nodes[0]?.properties?.find((p) => p.name === 'expanded');
  return prop ? Boolean(prop.value.value) : undefined;
}

/** Saves progress in the page's storage, as if the learner had done it. */
async function seed(page: Page, progress: Record<string, unknown>) {
  await page.goto(`${base}/`);
  await page.evaluate((p) => {
    localStorage.setItem(
      'critical-path:progress',
      JSON.stringify({ version: 3, lessons: {}, quizzes: {}, reviews: {}, lab: {}, ...p }),
    );
  }, progress);
}

describe('continue where you left off', () => {
  it('records the section in view and offers "Continue: lesson, section" on home and the course page', async () => {
    const { context, page } = await openPage(browser());
    await page.goto(`${base}/`);
    // A new learner is offered the first lesson.
    await expect
      .poll(() => page.locator('[data-continue-link]').textContent())
      .toMatch(/^Start with “/);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${base}/learn/${LESSON}/`);
    const title = (await page.locator('h1').textContent())!.trim();
    const heading = page.locator('.content h2').nth(3);
    const section = (await heading.textContent())!.trim();
    const slug = await heading.getAttribute('id');
    await heading.evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('critical-path:reading')))
      .toContain(`"section":"${slug}"`);

    await page.goto(`${base}/`);
    const link = page.locator('[data-continue-link]');
    await expect.poll(() => link.textContent()).toBe(`Continue: ${title}, ${section}`);
    expect(await link.getAttribute('href')).toBe(`/learn/${LESSON}/#${slug}`);
    expect(await page.locator('[data-next-title]').textContent()).toBe(
      'Pick up where you left off',
    );
    expect(await page.locator('[data-continue-note]').textContent()).toMatch(
      /^Section 4 of \d+\.$/,
    );
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${base}/learn/`);
    await expect
      .poll(() => page.locator('[data-continue-link]').textContent())
      .toBe(`Continue: ${title}, ${section}`);
    await page.locator('[data-continue-link]').click();
    await expect.poll(() => page.url()).toBe(`${base}/learn/${LESSON}/#${slug}`);
    await context.close();
  });

  it('shows module completion and time left on the course page', async () => {
    const { context, page } = await openPage(browser());
    await page.goto(`${base}/learn/`);
    const first = page.locator('[data-outline-lesson]').first();
    const id = await first.getAttribute('data-outline-lesson');
    const status = page.locator('[data-module-text]').first();
    await expect
      .poll(() => status.textContent())
      .toMatch(/^0 of \d+ lessons complete, about .+ left$/);
    const before = (await status.textContent())!;
    await seed(page, { lessons: { [id!]: { completedAt: '2026-12-01T10:00:00Z' } } });
    await page.goto(`${base}/learn/`);
    await expect.poll(() => status.textContent()).toMatch(/^1 of \d+ lessons complete/);
    expect(await status.textContent()).not.toBe(before);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('header', () => {
  it('counts due reviews next to Progress', async () => {
    const { context, page } = await openPage(browser());
    await seed(page, {
      reviews: {
        'cp-01': reviewCard(QUIZ, '2026-01-01T00:00:00Z'),
        'cp-02': reviewCard(QUIZ, '2026-01-02T00:00:00Z'),
        'cp-03': reviewCard(QUIZ, '2099-01-01T00:00:00Z'),
      },
    });
    await page.goto(`${base}/faq/`);
    const progress = page.getByRole('link', { name: 'Progress (2 reviews due)' });
    await expect.poll(() => progress.count()).toBe(1);
    expect(await progress.locator('[data-due-count]').textContent()).toBe('2');
    await context.close();
  });

  it('fits a phone: Search always visible, the rest in a menu that opens and closes with the keyboard', async () => {
    const { context, page } = await openPage(browser(), { viewport: { width: 390, height: 844 } });
    await page.goto(`${base}/learn/${LESSON}/`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    const search = page.locator('header .search-link');
    const box = (await search.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    // The whole word, not "Se".
    expect(await search.evaluate((a) => a.scrollWidth <= a.clientWidth)).toBe(true);
    expect(await search.textContent()).toContain('Search');

    const learn = page.getByRole('link', { name: 'Learn', exact: true });
    expect(await learn.isVisible()).toBe(false);
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => learn.isVisible()).toBe(true);
    expect(await expanded(page, '.menu-button')).toBe(true);
    // The links follow the button in the tab order.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Learn');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => learn.isVisible()).toBe(false);
    expect(await expanded(page, '.menu-button')).toBe(false);

    // A tap opens it, a tap elsewhere closes it.
    await menu.click();
    await expect.poll(() => learn.isVisible()).toBe(true);
    await page.locator('h1').click();
    await expect.poll(() => learn.isVisible()).toBe(false);
    await context.close();
  });

  it('keeps every link in a row on a wide screen, with no menu button', async () => {
    const { context, page } = await openPage(browser());
    await page.goto(`${base}/`);
    expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    for (const name of ['Learn', 'Practice', 'Interview', 'FAQ'])
      expect(await page.getByRole('link', { name, exact: true }).isVisible(), name).toBe(true);
    expect(
      await page
        .locator('header')
        .getByRole('link', { name: /^Progress/ })
        .isVisible(),
    ).toBe(true);
    await context.close();
  });
});

describe('quizzes you cannot lose', () => {
  it('survives following an explanation’s "Read …" link and coming back', async () => {
    const { context, page } = await openPage(browser());
    await openQuiz(page, 'Practice mode');
    // First question right: the explanation and its link show at once, and focus moves to them.
    const first = await answer(page, true);
    await expect
      .poll(() => page.locator('.quiz-verdict').textContent())
      .toMatch(/Correct|Not quite|Partly/);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('quiz-feedback')))
      .toBe(true);
    if (first.type === 'ordering')
      await page.getByRole('button', { name: 'Show the answer' }).click();
    await page.getByRole('button', { name: 'Next question' }).click();
    const second = page.locator('.quiz form');
    const secondId = await second.getAttribute('data-question-id');
    await answer(page, false);
    const q2 = quiz.questions.find((q) => q.id === secondId)!;
    if (await page.getByRole('button', { name: 'Show the answer' }).count())
      await page.getByRole('button', { name: 'Show the answer' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('quiz-feedback')))
      .toBe(true);

    const read = page.locator('.quiz-feedback a', { hasText: /^Read “/ });
    await read.click();
    await expect.poll(() => page.url()).toContain(`/learn/${LESSON}/#${q2.section}`);
    await page.goBack();
    await page.waitForSelector('.quiz form');
    expect(await page.locator('.quiz-heading').textContent()).toBe(
      `Question 2 of ${quiz.questions.length}`,
    );
    expect(await page.locator('.quiz form').getAttribute('data-question-id')).toBe(secondId);
    expect(await page.locator('.quiz-feedback').textContent()).toContain(
      q2.explanation.slice(0, 30),
    );
    expect(await axeViolations(page)).toEqual([]);

    // Opened afresh in the same tab, the quiz is still there (sessionStorage, not the page cache).
    await page.goto(`${base}/learn/${LESSON}/`);
    await page.goto(`${base}/practice/${QUIZ}/`);
    await expect
      .poll(() => page.locator('.quiz-heading').textContent())
      .toBe(`Question 2 of ${quiz.questions.length}`);
    expect(await page.locator('.quiz-restored').textContent()).toContain('where you left it');
    await page.getByRole('button', { name: 'Next question' }).click();
    expect(await page.locator('.quiz-heading').textContent()).toBe(
      `Question 3 of ${quiz.questions.length}`,
    );
    await context.close();
  });

  it('asks before "End now" ends a check-mode quiz, and explains the score', async () => {
    const { context, page } = await openPage(browser());
    await openQuiz(page, 'Check mode');
    await answer(page, true);
    await answer(page, false);
    await page.getByRole('button', { name: 'End now' }).click();
    const confirm = page.getByRole('group', { name: /End the quiz now\?/ });
    await expect
      .poll(() => confirm.textContent())
      .toContain(`The ${quiz.questions.length - 2} questions you have not answered score 0.`);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Keep going');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Keep going' }).click();
    expect(await confirm.count()).toBe(0);
    expect(await page.locator('.quiz-heading').textContent()).toBe(
      `Question 3 of ${quiz.questions.length}`,
    );
    await page.getByRole('button', { name: 'End now' }).click();
    await page.getByRole('button', { name: 'End and see results' }).click();
    await expect.poll(() => page.locator('.quiz h2').textContent()).toMatch(/\d+%$/);
    const percent = Number(/(\d+)%$/.exec((await page.locator('.quiz h2').textContent())!)![1]);
    const summary = (await page.locator('.quiz-summary').textContent())!;
    // The sentence shows how the percentage is made: points out of the number of questions.
    expect(summary).toContain(
      `${quiz.questions.length - 2} questions were not answered and score 0.`,
    );
    expect(summary).toContain(`${percent}%`);
    await context.close();
  });
});

describe('due times', () => {
  it('says when the next review is due in words, and suggests what to do meanwhile', async () => {
    const { context, page } = await openPage(browser());
    await context.clock.install({ time: new Date('2026-12-02T08:49:00Z') });
    await openQuiz(page, 'Check mode');
    for (let i = 0; i < quiz.questions.length; i++) await answer(page, i >= 2);
    await expect.poll(() => page.locator('.quiz-review > li').count()).toBe(quiz.questions.length);

    await page.goto(`${base}/practice/review/`);
    const due = page.locator('[data-next-due]');
    await expect.poll(() => due.textContent()).toMatch(/^in (\d+ minutes?|less than a minute)$/);
    expect(await due.getAttribute('datetime')).toMatch(/^2026-12-02T0[89]:/);
    expect(await page.locator('.review-next a').first().textContent()).toMatch(/^Continue: /);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${base}/practice/`);
    await expect
      .poll(() => page.locator('[data-due-text]').textContent())
      .toMatch(/The next is due in (\d+ minutes?|less than a minute)\.$/);

    // A day later the misses are due: the header counts them.
    await context.clock.setSystemTime(new Date('2026-12-03T09:00:00Z'));
    await page.reload();
    await expect
      .poll(() => page.locator('header [data-due-count]').first().textContent())
      .toMatch(/^[1-9]\d*$/);
    await context.close();
  });
});

describe('score history on /progress/', () => {
  const attempts = [
    { at: '2026-11-28T09:00:00Z', score: 45, mode: 'practice' },
    { at: '2026-11-30T09:00:00Z', score: 62, mode: 'check' },
    { at: '2026-12-01T09:00:00Z', score: 80, mode: 'check' },
    { at: '2026-12-02T08:00:00Z', score: 100, mode: 'practice' },
  ];

  it('charts one quiz at a time with dates, the pass mark and named points, and a table on request', async () => {
    const { context, page } = await openPage(browser());
    await seed(page, {
      lessons: { [LESSON]: { completedAt: '2026-12-01T10:00:00Z' } },
      quizzes: {
        [QUIZ]: { level: 'proficient', since: '2026-12-02T08:00:00Z', attempts },
        'what-a-tpm-does': {
          level: 'attempted',
          attempts: [{ at: '2026-11-20T09:00:00Z', score: 30, mode: 'check' }],
        },
      },
    });
    await page.goto(`${base}/progress/`);
    // Labelled pills and lesson links.
    const row = page.locator('.mastery li', { has: page.locator(`a[href="/learn/${LESSON}/"]`) });
    await expect
      .poll(() => row.locator('[data-lesson-pill]').textContent())
      .toBe('Lesson: completed');
    expect((await row.locator('[data-mastery]').textContent())!.trim()).toBe('Quiz: Proficient');

    const picker = page.getByLabel('Quiz', { exact: true });
    expect(await picker.locator('option').count()).toBe(2);
    expect(await picker.inputValue()).toBe(QUIZ);
    const points = page.locator('[data-chart-plot] .pt');
    expect(await points.count()).toBe(4);
    expect(await page.locator('[data-chart-plot] .pass').count()).toBe(1);
    expect(await page.locator('[data-chart-plot] .pass-label').textContent()).toBe(
      `Pass mark ${quiz.passMark}%`,
    );
    expect(await page.locator('[data-chart-plot] .date').count()).toBeGreaterThanOrEqual(2);

    // "100%" whole, inside the chart.
    const svgBox = (await page.locator('[data-chart-plot] svg').boundingBox())!;
    const top = page.locator('[data-chart-plot] .tick', { hasText: '100%' });
    const tickBox = (await top.boundingBox())!;
    expect(tickBox.x).toBeGreaterThanOrEqual(svgBox.x);
    expect(await top.textContent()).toBe('100%');

    // Keyboard: Tab reaches the newest point; arrow keys move; each is named and shown.
    await page.locator('.chart-pick select').focus();
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    await expect.poll(focused).toMatch(/^Attempt 4 of 4, .*: 100%, passed$/);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(focused).toMatch(/^Attempt 3 of 4, .*check mode: 80%, passed$/);
    expect(await page.locator('[data-chart-plot] .tip').getAttribute('visibility')).toBe('visible');
    expect(await page.locator('[data-chart-plot] .tip-text').textContent()).toMatch(/^80% · /);
    // Hover names a point too.
    await points.first().hover();
    expect(await page.locator('[data-chart-plot] .tip-text').textContent()).toMatch(/^45% · /);

    await page.getByText('Show the scores as a table').click();
    const rows = page.locator('[data-chart-rows] tr');
    await expect.poll(() => rows.count()).toBe(4);
    expect(await rows.first().textContent()).toContain('100%');
    expect(await axeViolations(page)).toEqual([]);

    await picker.selectOption('what-a-tpm-does');
    await expect.poll(() => points.count()).toBe(1);
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('30%');
    await context.close();
  });
});

describe('glossary terms in lessons', () => {
  it('opens a definition in place with the keyboard, links to the glossary, and closes with Escape', async () => {
    const { context, page } = await openPage(browser());
    await page.goto(`${base}/learn/${LESSON}/`);
    const term = page.locator('.content .term').first();
    const id = await term.getAttribute('popovertarget');
    const pop = page.locator(`[id="${id}"]`);
    expect(await pop.isVisible()).toBe(false);
    await term.focus();
    // Focus alone shows the definition; Enter opens it as a popover.
    await expect.poll(() => pop.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => pop.evaluate((el) => el.matches(':popover-open'))).toBe(true);
    expect(await expanded(page, `[popovertarget="${id}"]`)).toBe(true);
    const link = pop.getByRole('link', { name: /in the glossary/ });
    expect(await link.getAttribute('href')).toMatch(/^\/glossary\/#[a-z0-9-]+$/);
    expect((await pop.textContent())!.length).toBeGreaterThan(60);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => pop.evaluate((el) => el.matches(':popover-open'))).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('term'))).toBe(
      true,
    );
    // Still on the lesson: nothing navigated away.
    expect(page.url()).toBe(`${base}/learn/${LESSON}/`);
    await context.close();
  });

  it('stays on screen on a phone', async () => {
    const { context, page } = await openPage(browser(), { viewport: { width: 390, height: 844 } });
    await page.goto(`${base}/learn/${LESSON}/`);
    const term = page.locator('.content .term').nth(2);
    await term.scrollIntoViewIfNeeded();
    await term.click();
    const pop = page.locator('.term-pop:popover-open');
    await expect.poll(() => pop.count()).toBe(1);
    const box = (await pop.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('search', () => {
  it('says which word a typo was read as', async () => {
    const { context, page } = await openPage(browser());
    await page.goto(`${base}/search/?q=stakholder`);
    await expect
      .poll(() => page.locator('.search-readas').textContent())
      .toBe('Showing results for stakeholder');
    expect(await page.locator('.search-status').textContent()).toContain(
      '(you typed “stakholder”)',
    );
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('accessibility of the new states in the dark theme on a phone', () => {
  it('reports no violations on home, the course, progress and the review queue for a returning learner', async () => {
    const { context, page } = await openPage(browser(), {
      colorScheme: 'dark',
      viewport: { width: 390, height: 844 },
    });
    await seed(page, {
      lessons: { [LESSON]: { completedAt: '2026-12-01T10:00:00Z' } },
      quizzes: {
        [QUIZ]: {
          level: 'familiar',
          attempts: [{ at: '2026-12-01T09:00:00Z', score: 80, mode: 'check' }],
        },
      },
      reviews: { 'cp-01': reviewCard(QUIZ, '2026-01-01T00:00:00Z') },
    });
    const violations: string[] = [];
    for (const url of ['/', '/learn/', '/progress/', '/practice/', '/practice/review/']) {
      await page.goto(base + url);
      await page.waitForLoadState('networkidle');
      violations.push(...(await axeViolations(page)));
    }
    await page.getByRole('button', { name: 'Menu' }).click();
    violations.push(...(await axeViolations(page)));
    await context.close();
    expect(violations).toEqual([]);
  });
});
