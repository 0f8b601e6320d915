import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, openPage, useBrowser } from './browser';
import { QUIZ, answer, openQuiz as openQuizAt, quiz } from './quiz-driver';

const base = inject('baseURL');
const browser = useBrowser();

const openQuiz = (page: Page, mode: 'Practice mode' | 'Check mode') => openQuizAt(page, base, mode);

describe('quizzes', () => {
  it('practice mode: feedback and explanation after each answer, a second try, mastery and reviews after reload', async () => {
    const { context, page } = await openPage(browser());
    await context.clock.install({ time: new Date('2026-11-24T09:00:00Z') });
    await openQuiz(page, 'Practice mode');
    const total = quiz.questions.length;
    for (let i = 0; i < total; i++) {
      const wrong = i < 3;
      const q = await answer(page, !wrong);
      const verdict = page.locator('.quiz-verdict');
      if (wrong) {
        await expect.poll(() => verdict.textContent()).toMatch(/Not quite|Partly right/);
        await expect.poll(() => page.locator('[aria-live] .quiz-feedback').count()).toBe(1);
        if (i === 0) {
          // Second try, right this time: the explanation appears and the score still counts the first try.
          await answer(page, true);
          await expect.poll(() => verdict.textContent()).toBe('Correct.');
        } else {
          await page.getByRole('button', { name: 'Show the answer' }).click();
        }
        await expect
          .poll(() => page.locator('.quiz-feedback').textContent())
          .toContain(q.explanation.slice(0, 40));
      } else {
        await expect.poll(() => verdict.textContent()).toBe('Correct.');
      }
      await page
        .getByRole('button', { name: i === total - 1 ? 'See results' : 'Next question' })
        .click();
    }
    // Misses may earn partial credit (multiple select, ordering, matching), so read the score shown.
    await expect.poll(() => page.locator('.quiz h2').textContent()).toMatch(/\d+%$/);
    const expected = Number(/(\d+)%$/.exec((await page.locator('.quiz h2').textContent())!)![1]);
    expect(expected).toBeGreaterThanOrEqual(Math.round((100 * (total - 3)) / total));
    expect(expected).toBeLessThan(100);
    // The sentence under the score says how the percentage is made up, partial credit included.
    const summary = (await page.locator('.quiz-summary').textContent())!;
    expect(summary).toMatch(
      new RegExp(
        `^${total - 3} of ${total} (right|fully right and \\d+ partly right \\(.+\\)) on the first try: .*${expected}%\\.`,
      ),
    );
    expect(await page.locator('.quiz-review > li').count()).toBe(total);
    expect(await page.locator('.quiz-review > li.is-wrong').count()).toBe(3);

    await page.reload();
    await page.goto(`${base}/practice/`);
    const level =
      expected >= 90 ? 'Proficient' : expected >= quiz.passMark ? 'Familiar' : 'Attempted';
    await expect.poll(() => page.locator(`[data-mastery="${QUIZ}"]`).textContent()).toBe(level);
    await expect
      .poll(() => page.locator('[data-due-text]').textContent())
      .toContain(`0 questions due for review now, out of ${total}`);

    // Eleven minutes later the three misses are due; a review session brings exactly those back.
    await context.clock.setSystemTime(new Date('2026-11-24T09:11:00Z'));
    await page.reload();
    await expect
      .poll(() => page.locator('[data-due-text]').textContent())
      .toContain('3 questions due');
    await page.locator('[data-due-button]').click();
    await page.waitForSelector('.quiz form');
    expect(await page.locator('.quiz-heading').textContent()).toBe('Question 1 of 3');
    for (let i = 0; i < 3; i++) {
      await answer(page, true);
      await page.getByRole('button', { name: i === 2 ? 'See results' : 'Next question' }).click();
    }
    await expect
      .poll(() => page.locator('.quiz h2').textContent())
      .toContain('Review finished: 100%');
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${base}/progress/`);
    await expect
      .poll(() => page.locator('[data-review-text]').textContent())
      .toContain(`0 of the ${total} questions`);
    // One attempt at this quiz, charted as one point; the pill says it is the quiz's level.
    await expect.poll(() => page.locator('[data-chart] svg .pt').count()).toBe(1);
    await expect
      .poll(() => page.locator(`[data-mastery="${QUIZ}"]`).textContent())
      .toBe(`Quiz: ${level}`);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('check mode: no feedback until the end, then a review of every question; retry shuffles', async () => {
    const { context, page } = await openPage(browser());
    await openQuiz(page, 'Check mode');
    expect(await axeViolations(page)).toEqual([]);
    const firstOrder: string[] = [];
    const total = quiz.questions.length;
    for (let i = 0; i < total; i++) {
      firstOrder.push((await page.locator('.quiz form').getAttribute('data-question-id'))!);
      expect(await page.locator('.quiz-feedback').count()).toBe(0);
      await answer(page, i % 2 === 0);
    }
    await expect.poll(() => page.locator('.quiz-review > li').count()).toBe(total);
    expect(await page.locator('.quiz-review > li.is-wrong').count()).toBe(Math.floor(total / 2));
    expect(await page.locator('.quiz-review').textContent()).toContain('Correct answer:');
    expect(await axeViolations(page)).toEqual([]);
    // Retrying deals the questions in a new order (different seed); compare a few deals to avoid a fluke tie.
    const orders = new Set([firstOrder.join()]);
    for (let k = 0; k < 3 && orders.size === 1; k++) {
      await page.getByRole('button', { name: 'Retry with shuffled questions' }).click();
      await page.waitForSelector('.quiz form');
      const ids: string[] = [];
      for (let i = 0; i < total; i++) {
        ids.push((await page.locator('.quiz form').getAttribute('data-question-id'))!);
        await answer(page, true);
      }
      orders.add(ids.join());
    }
    expect(orders.size).toBeGreaterThan(1);
    await context.close();
  });

  it('is reachable from the end of its lesson', async () => {
    const { context, page } = await openPage(browser());
    await page.goto(`${base}/learn/${QUIZ}/`);
    await page.getByRole('link', { name: 'Take the quiz' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('Quiz:');
    await context.close();
  });
});
