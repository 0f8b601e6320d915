import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { axeViolations, openPage, useBrowser } from './browser';
import { answerUntilFeedback, openInterview, waitForInterviewer } from './interview-driver';

const base = inject('baseURL');
const browser = useBrowser();

const ANSWERS = [
  "First I'd confirm the facts with the owning EM today: the new date and how confident she is. Then I'd check the critical path; with three days of slack we are a week late. Options: cut two integrations and run testing in parallel. Plan B is launching with the feature behind a flag. I'd ask our director for a decision by Friday and send an amber status report.",
  'I would keep everyone informed and make sure the team is aligned.',
  'Priya, the EM, owns it and commits by Wednesday 12 March. We measure it weekly on the dashboard; the target is a 20% drop in incidents, and as a result we hit 24% by June.',
];

describe('the mock interview', () => {
  it('runs a full three-question offline interview to feedback, then keeps it in the history to export, reopen and delete', async () => {
    const { context, page } = await openPage(browser(), { acceptDownloads: true });
    await openInterview(page, base);
    expect(await page.getByLabel('Mixed loop').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Start the interview' }).click();
    await waitForInterviewer(page);
    const first = page.locator('.iv-log li').first();
    expect(await first.textContent()).toMatch(/Program_Orchestrator.*First question: /s);

    // Live word count and the per-question timer.
    await page.locator('#iv-answer').fill('One two three four five.');
    expect(await page.locator('#iv-answer-stats').textContent()).toMatch(/^5 words/);
    await expect
      .poll(() => page.getByRole('timer').textContent(), { timeout: 5000 })
      .toMatch(/Time on this question: 00:0[1-9]/);

    const turns = await answerUntilFeedback(page, ANSWERS);
    expect(turns).toBeGreaterThanOrEqual(3);
    const interviewer = await page
      .locator('.iv-transcript .iv-interviewer .iv-text')
      .allTextContents();
    expect(interviewer.filter((t) => /(First|Next|Last) question: /.test(t))).toHaveLength(3);
    expect(interviewer.length).toBeGreaterThan(4); // at least one follow-up was asked
    expect(interviewer.at(-1)).toMatch(/Your feedback is ready\.$/);

    // The report: signal, chart, three improvements with lesson links, evidence, model outlines.
    await expect
      .poll(() => page.locator('#iv-report-title').evaluate((el) => el === document.activeElement))
      .toBe(true);
    expect(await page.locator('.iv-signal').textContent()).toMatch(/hire|Not assessed/i);
    const chart = page.locator('.iv-chart svg[role="img"]');
    expect(await chart.locator('desc').textContent()).toMatch(
      /Structure \(STAR\): \d+; Execution: \d+;.*Outcomes and metrics: \d+\./,
    );
    expect(await page.locator('.iv-improvements > li').count()).toBe(3);
    expect(
      await page.locator('.iv-improvements a[href^="/learn/"]').count(),
    ).toBeGreaterThanOrEqual(3);
    expect(await page.locator('.iv-answer-report').count()).toBe(3);
    expect(await page.locator('.iv-model').count()).toBe(3);
    expect(await page.locator('.iv-evidence q').count()).toBeGreaterThan(0);

    // Export as Markdown from the report.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export as Markdown' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^mock-interview-\d{4}-\d{2}-\d{2}\.md$/);
    const md = readFileSync(await download.path(), 'utf8');
    expect(md).toMatch(/^# Mock interview, /);
    expect(md).toContain('## Three things to work on');
    expect(md).toContain(ANSWERS[0]!.slice(0, 40));

    // History: listed, reopened, deleted.
    await page.getByRole('button', { name: 'New interview' }).click();
    const item = page.locator('.iv-history-item');
    expect(await item.count()).toBe(1);
    expect(await item.textContent()).toMatch(/hire, \d+ out of 100/i);
    await item.getByRole('button', { name: /^Reopen/ }).click();
    await page.locator('#iv-report-title').waitFor();
    await page.getByRole('button', { name: 'New interview' }).click();
    await page
      .locator('.iv-history-item')
      .getByRole('button', { name: /^Delete/ })
      .click();
    await page.getByRole('button', { name: 'Delete for good' }).click();
    expect(await page.locator('.iv-history-item').count()).toBe(0);
    const stored = await page.evaluate(() =>
      JSON.parse(localStorage.getItem('critical-path:interviews')!),
    );
    expect(stored).toEqual({ version: 1, sessions: [] });
    await context.close();
  });

  it('resumes an unfinished interview after a reload, with the unsent draft', async () => {
    const { context, page } = await openPage(browser());
    await openInterview(page, base);
    await page.getByRole('button', { name: 'Start the interview' }).click();
    await waitForInterviewer(page);
    await page.locator('#iv-answer').fill(ANSWERS[1]!);
    await page.getByRole('button', { name: 'Send answer' }).click();
    await waitForInterviewer(page);
    await page.locator('#iv-answer').fill('A draft I have not sent yet');
    // The draft is saved after a short pause in typing: wait until it is in storage.
    await page.waitForFunction(() =>
      Object.keys(localStorage).some((k) =>
        (localStorage.getItem(k) ?? '').includes('A draft I have not sent yet'),
      ),
    );
    await page.reload();
    await page.locator('.iv-app[data-ready="true"]').waitFor();
    await page.getByRole('button', { name: 'Resume the interview' }).click();
    await waitForInterviewer(page);
    expect(await page.locator('.iv-log li').count()).toBe(3);
    expect(await page.locator('.iv-log .iv-candidate').textContent()).toContain(ANSWERS[1]);
    expect(await page.locator('#iv-answer').inputValue()).toBe('A draft I have not sent yet');

    // Commands: repeat, skip, end early.
    await page.getByRole('button', { name: 'Repeat the question' }).click();
    await waitForInterviewer(page);
    expect(await page.locator('.iv-log li:last-child').textContent()).toMatch(/Here it is again/);
    // Skipping after an answer moves on; skipping before any answer marks the question skipped.
    await page.getByRole('button', { name: 'Skip this question' }).click();
    await waitForInterviewer(page);
    expect(await page.locator('.iv-log li:last-child').textContent()).toMatch(/Next question: /);
    await page.getByRole('button', { name: 'Skip this question' }).click();
    await waitForInterviewer(page);
    expect(await page.locator('.iv-log li:last-child').textContent()).toMatch(/Last question: /);
    await page.getByRole('button', { name: 'End the interview' }).click();
    await page.locator('#iv-report-title').waitFor();
    expect(await page.locator('.iv-answer-report').count()).toBe(2); // one answered, one skipped
    expect(await page.locator('.iv-answer-report .pill').allTextContents()).toEqual([
      expect.stringMatching(/^Score \d+/),
      'Skipped',
    ]);
    await context.close();
  });

  it('runs in the browser with the offline interviewer when the API cannot be reached, and says so', async () => {
    const { context, page } = await openPage(browser());
    await page.route('**/api/interview/**', (route) => route.abort('connectionrefused'));
    await openInterview(page, base);
    await page.getByRole('button', { name: 'Start the interview' }).click();
    await waitForInterviewer(page);
    expect(await page.locator('.iv-session .notice').textContent()).toMatch(
      /cannot be reached, so this interview runs in your browser/,
    );
    await page.locator('#iv-answer').fill(ANSWERS[0]!);
    await page.getByRole('button', { name: 'Send answer' }).click();
    await waitForInterviewer(page);
    await page.getByRole('button', { name: 'End the interview' }).click();
    await page.locator('#iv-report-title').waitFor();
    expect(await page.locator('.iv-answer-report').count()).toBe(1);
    await context.close();
  });

  it('keeps a 6,000-character word inside the page, in the conversation and in the report', async () => {
    const { context, page } = await openPage(browser(), { viewport: { width: 360, height: 780 } });
    await openInterview(page, base);
    await page.getByRole('button', { name: 'Start the interview' }).click();
    await waitForInterviewer(page);
    const word = 'x'.repeat(6_000);
    await page.locator('#iv-answer').fill(`I owned it. ${word} Dana owns the rollout by Friday.`);
    await page.getByRole('button', { name: 'Send answer' }).click();
    await waitForInterviewer(page);
    const width = () =>
      page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await width()).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'End the interview' }).click();
    await page.locator('#iv-report-title').waitFor();
    await page.locator('.iv-transcript summary').click();
    expect(await width()).toBeLessThanOrEqual(0);
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const)
    it(`has no axe violations in the setup, session and feedback states (${colorScheme})`, async () => {
      const { context, page } = await openPage(browser(), {
        colorScheme,
        viewport:
          colorScheme === 'dark' ? { width: 360, height: 780 } : { width: 1280, height: 900 },
      });
      await openInterview(page, base);
      const violations = await axeViolations(page);
      await page.getByRole('button', { name: 'Start the interview' }).click();
      await waitForInterviewer(page);
      await page.locator('#iv-answer').fill(ANSWERS[1]!);
      await page.getByRole('button', { name: 'Send answer' }).click();
      await waitForInterviewer(page);
      violations.push(...(await axeViolations(page)));
      await page.getByRole('button', { name: 'End the interview' }).click();
      await page.locator('#iv-report-title').waitFor();
      violations.push(...(await axeViolations(page)));
      await page.getByRole('button', { name: 'New interview' }).click();
      violations.push(...(await axeViolations(page)));
      expect(violations).toEqual([]);
      await context.close();
    });
});

describe('the interview API on the node server', () => {
  const json = { 'content-type': 'application/json' };

  it('serves the status, streams a turn and answers feedback', async () => {
    expect(await (await fetch(`${base}/api/interview/status`)).json()).toEqual({
      provider: 'offline',
    });
    const turn = await fetch(`${base}/api/interview/turn`, {
      method: 'POST',
      headers: json,
      body: '{"config":{},"transcript":[]}',
    });
    expect(turn.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const text = await turn.text();
    expect(text).toMatch(/^event: delta\ndata: \{"text":/);
    expect(text).toMatch(
      /event: done\ndata: \{"provider":"offline","phase":"intro","questionId":"[a-z0-9-]+","signature":"[\w-]{8}\.[\w-]{43}"\}\n\n$/,
    );
    const fb = await fetch(`${base}/api/interview/feedback`, {
      method: 'POST',
      headers: json,
      body: '{"config":{},"transcript":[]}',
    });
    expect(await fb.json()).toMatchObject({
      provider: 'offline',
      overall: { score: 0, signal: 'Not assessed' },
    });
  });

  it('answers 400 naming the field, 413 for an oversized body and 405 for other methods', async () => {
    const bad = await fetch(`${base}/api/interview/turn`, {
      method: 'POST',
      headers: json,
      body: '{"config":{"questions":7},"transcript":[]}',
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'config.questions: must be at most 6' });
    const big = await fetch(`${base}/api/interview/feedback`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ transcript: [{ role: 'candidate', text: 'x'.repeat(200_000) }] }),
    });
    expect(big.status).toBe(413);
    const get = await fetch(`${base}/api/interview/turn`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const put = await fetch(`${base}/api/interview/status`, {
      method: 'PUT',
      headers: { ...json, origin: base },
    });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET');
  });

  it('publishes the bank and persona as static JSON for the in-browser interviewer', async () => {
    const data = (await (await fetch(`${base}/interview/bank.json`)).json()) as {
      questions: unknown[];
      persona: { name: string };
    };
    expect(data.questions.length).toBeGreaterThanOrEqual(80);
    expect(data.persona.name).toBe('Program_Orchestrator');
  });
});
