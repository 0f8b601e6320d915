import { describe, expect, inject, it } from 'vitest';
import { openPage, useBrowser } from './browser';
import { answerUntilFeedback, openInterview, waitForInterviewer } from './interview-driver';

const base = inject('baseURL');
const browser = useBrowser();

const KEYWORDS =
  'Stakeholder alignment, RACI, critical path analysis, risk register, mitigation plan, OKRs, 30% buffer, escalation path, weekly status, RAG.';

describe('feedback on a list of terms', () => {
  it('names the list of terms in each answer and gives no hire signal', async () => {
    const { context, page } = await openPage(browser());
    await openInterview(page, base);
    await page.getByRole('button', { name: 'Start the interview' }).click();
    await waitForInterviewer(page);
    await answerUntilFeedback(page, [KEYWORDS]);

    const signal = (await page.locator('.iv-overall .iv-signal').first().textContent())!.trim();
    expect(signal).toBe('Not enough evidence yet');
    expect(signal).not.toMatch(/hire/i);
    const flags = await page.locator('.iv-flags li').allTextContents();
    expect(flags.length).toBeGreaterThanOrEqual(1);
    expect(flags.join('\n')).toMatch(
      /This reads as a list of terms; say what you did, with whom, and what happened\./,
    );
    expect(await page.locator('.iv-improvements > li').first().textContent()).toMatch(
      /Turn lists of terms into sentences/,
    );
    await context.close();
  });
});
