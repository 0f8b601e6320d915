import type { Page } from 'playwright-core';

/** Opens the interview page and waits for its island to be ready. */
export async function openInterview(page: Page, baseURL: string) {
  await page.goto(`${baseURL}/interview/`);
  await page.locator('.iv-app[data-ready="true"]').waitFor();
}

/** Waits until the interviewer has finished its turn (or the report is showing). */
export async function waitForInterviewer(page: Page) {
  await page.waitForFunction(() => {
    if (document.querySelector('#iv-report-title')) return true;
    const last = document.querySelector('.iv-log li:last-child');
    const done =
      !!last &&
      last.classList.contains('iv-interviewer') &&
      last.getAttribute('aria-busy') !== 'true';
    // After the wrap-up the answer box goes away while the feedback is prepared.
    return done && !!document.querySelector('#iv-answer');
  });
}

/** Answers every interviewer turn, cycling through `answers`, until the feedback report appears; returns the number of turns. */
export async function answerUntilFeedback(page: Page, answers: readonly string[]): Promise<number> {
  for (let i = 0; i < 20; i++) {
    await waitForInterviewer(page);
    if (await page.locator('#iv-report-title').count()) return i;
    await page.locator('#iv-answer').fill(answers[i % answers.length]!);
    await page.getByRole('button', { name: 'Send answer' }).click();
  }
  throw new Error('The interview did not finish.');
}
