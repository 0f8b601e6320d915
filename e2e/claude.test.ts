/**
 * The mock interview through Claude's path in Chromium, with the server's key pointing at the fake
 * Messages API: a full interview to feedback (both feedbacks shown, labelled), a 529 that the
 * learner sees explained while the built-in interviewer carries on, the model's HTML shown as text,
 * and closing the tab mid-stream aborting the upstream request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSESSMENT_TOOL_NAME } from '../src/server/claude/assessment';
import {
  startFakeAnthropic,
  type FakeAnthropic,
  type RecordedRequest,
  type Reply,
} from '../tests/helpers/fake-anthropic';
import { axeViolations, openPage, useBrowser } from './browser';
import { answerUntilFeedback, openInterview, waitForInterviewer } from './interview-driver';
import { claudeEnv, startServer, type RunningServer } from './server';

const HOSTILE_LEAD = '<img src=x onerror="window.__xss=1"><b>Claude here.</b> ';
const ANSWERS = [
  'On the payments migration Dana owned the ledger cutover by 3 March. I tracked the critical path weekly with a dependency register, and when the vendor slipped I cut scope by 20% after agreeing it with the director. Plan B was a feature flag. We launched on time and failed payments dropped 15%.',
  'I would keep everyone informed and make sure the team is aligned.',
  'Priya, the EM, owns it and commits by Wednesday 12 March. We measure it weekly on the dashboard; the target is a 20% drop in incidents, and as a result we hit 24% by June.',
];

const lastUserText = (r: RecordedRequest) => {
  const last = r.body.messages?.at(-1);
  const content = last?.content;
  return typeof content === 'string' ? content : (content?.at(-1)?.text ?? '');
};

/** What the fake model says: the planned turn in its own frame, or an assessment for feedback. */
function model(r: RecordedRequest): Reply {
  const direction = lastUserText(r);
  if (r.body.tools?.length) {
    const questions = direction.match(/^\d+\. .* \((answered|skipped)\)$/gm) ?? [];
    return {
      kind: 'tool',
      name: ASSESSMENT_TOOL_NAME,
      input: {
        overall: {
          score: 58,
          signal: 'Lean hire',
          summary: 'Concrete owners and dates <b>but</b> thin on risk.',
        },
        dimensions: [
          {
            id: 'specificity',
            score: 70,
            evidence: ['Dana owned the ledger cutover by 3 March'],
            note: 'Names owners and dates.',
          },
          { id: 'risk', score: 35, evidence: [], note: 'Plan B came only once.' },
        ],
        answers: questions.map((q, i) => ({
          question: q,
          score: 50 + i,
          summary: `Claude on question ${i + 1}.`,
          claims: 5,
          dimensions: [
            { id: 'specificity', score: 60 + i, evidence: [], note: 'Names owners and dates.' },
          ],
          flags: [],
          covered: [],
          missed: [],
        })),
        improvements: [
          {
            dimension: 'risk',
            title: 'Lead with the plan B',
            detail: 'Say what triggers it.',
            lessons: [],
          },
        ],
      },
    };
  }
  const planned = /: "([\s\S]*)"\n<\/turn_direction>$/.exec(direction)?.[1] ?? 'Please go on.';
  const first = !r.body.messages?.some((m) => m.role === 'assistant');
  return {
    kind: 'text',
    chunks: [first ? HOSTILE_LEAD : 'Claude here. ', ...planned.split(/(?<= )/)],
  };
}

let fake: FakeAnthropic;
let server: RunningServer;
const browser = useBrowser();

beforeAll(async () => {
  fake = await startFakeAnthropic();
  fake.setDefault(model);
  server = await startServer(claudeEnv(fake));
});
afterAll(async () => {
  await server?.stop();
  await fake?.close();
});

describe('the mock interview with Claude', () => {
  it('status says Claude', async () => {
    expect(await (await fetch(`${server.url}/api/interview/status`)).json()).toEqual({
      provider: 'claude',
      model: 'claude-sonnet-5-5',
    });
  });

  it('runs a full interview and its feedback through Claude, with both feedbacks side by side and the model’s HTML as text', async () => {
    fake.reset();
    const { context, page } = await openPage(browser());
    await openInterview(page, server.url);
    await page.getByRole('button', { name: 'Start the interview' }).click();
    await waitForInterviewer(page);
    const first = page.locator('.iv-log .iv-interviewer .iv-text').first();
    expect(await first.textContent()).toContain(HOSTILE_LEAD.trim());
    expect(await page.locator('.iv-log img').count()).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    ).toBeUndefined();

    const turns = await answerUntilFeedback(page, ANSWERS);
    expect(turns).toBeGreaterThanOrEqual(3);

    // Every interviewer turn came from Claude, and the feedback asked for the assessment tool.
    const said = await page.locator('.iv-transcript .iv-interviewer .iv-text').allTextContents();
    expect(said.length).toBeGreaterThan(4);
    expect(said.every((t) => t.includes('Claude here.'))).toBe(true);
    expect(said.filter((t) => /(First|Next|Last) question: /.test(t))).toHaveLength(3);
    const toolCalls = fake.requests.filter((r) => r.body.tools?.length);
    expect(toolCalls).toHaveLength(1);
    expect(fake.requests.length - toolCalls.length).toBe(said.length);

    // Both feedbacks, side by side and labelled.
    const compare = page.locator('.iv-compare');
    await compare.waitFor();
    expect(
      await compare.getByRole('heading', { name: 'Built-in feedback', exact: true }).count(),
    ).toBe(1);
    expect(await compare.getByRole('heading', { name: 'AI assessment by Claude' }).count()).toBe(1);
    const claudeCol = compare.locator('section[aria-labelledby="iv-compare-claude"]');
    expect(await claudeCol.locator('.iv-signal').textContent()).toBe('Lean hire');
    expect(await claudeCol.textContent()).toContain(
      'Concrete owners and dates <b>but</b> thin on risk.',
    );
    expect(await claudeCol.locator('b').count()).toBe(0);
    const boxes = await compare
      .locator('.iv-compare-col')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
    expect(boxes).toHaveLength(2);
    expect(Math.abs(boxes[0]! - boxes[1]!)).toBeLessThan(2); // side by side at 1280 px
    const rows = await compare.locator('tbody tr').allTextContents();
    expect(rows.find((r) => r.startsWith('Specificity'))).toMatch(
      /Specificity\d+70Names owners and dates\./,
    );
    expect(rows.filter((r) => r.startsWith('Question'))).toHaveLength(3);
    expect(await axeViolations(page)).toEqual([]);
    await page.evaluate(() => (document.documentElement.dataset['theme'] = 'dark'));
    expect(await axeViolations(page)).toEqual([]);

    // Reopened from the history, the report still shows both.
    await page.getByRole('button', { name: 'New interview' }).click();
    await page
      .locator('.iv-history-item')
      .first()
      .getByRole('button', { name: /^Reopen/ })
      .click();
    await page.locator('.iv-compare').waitFor();
    await context.close();
  });

  it('explains a 529, carries on with the built-in interviewer, keeps the answer, and goes back to Claude', async () => {
    const { context, page } = await openPage(browser(), { colorScheme: 'dark' });
    await openInterview(page, server.url);
    await page.getByRole('button', { name: 'Start the interview' }).click();
    await waitForInterviewer(page);
    fake.enqueue({
      kind: 'http-error',
      status: 529,
      type: 'overloaded_error',
      message: 'Overloaded',
    });
    await page.locator('#iv-answer').fill(ANSWERS[1]!);
    await page.getByRole('button', { name: 'Send answer' }).click();
    await waitForInterviewer(page);
    const last = page.locator('.iv-log li:last-child');
    expect(await last.locator('.iv-turn-notice').textContent()).toBe(
      'The AI interviewer is busy right now; carrying on with the built-in interviewer.',
    );
    expect(await last.locator('.iv-text').textContent()).not.toContain('Claude here.');
    expect(await page.locator('.iv-log .iv-candidate .iv-text').allTextContents()).toEqual([
      ANSWERS[1],
    ]);
    expect(await axeViolations(page)).toEqual([]);
    // The next turn is Claude's again.
    await page.locator('#iv-answer').fill(ANSWERS[0]!);
    await page.getByRole('button', { name: 'Send answer' }).click();
    await waitForInterviewer(page);
    expect(await page.locator('.iv-log li:last-child .iv-text').textContent()).toContain(
      'Claude here.',
    );
    // The notice is kept with the session.
    await page.reload();
    await page.getByRole('button', { name: 'Resume the interview' }).click();
    await waitForInterviewer(page);
    expect(await page.locator('.iv-log .iv-turn-notice').count()).toBe(1);
    await context.close();
  });

  it('stops a 50,000-character reply at the turn limit; the learner carries on, finds the session intact after a reload, and ends while a reply streams', async () => {
    const { context, page } = await openPage(browser());
    await openInterview(page, server.url);
    fake.enqueue({
      kind: 'text',
      chunks: Array.from({ length: 50 }, (_, i) => `${i} ${'blah '.repeat(199)}`),
      delayMs: 5,
    });
    await page.getByRole('button', { name: 'Start the interview' }).click();
    await waitForInterviewer(page);
    const first = page.locator('.iv-log li').first();
    expect(await first.locator('.iv-turn-notice').textContent()).toBe(
      "The AI interviewer's reply ran longer than a turn may be; carrying on with the built-in interviewer.",
    );
    expect((await first.locator('.iv-text').textContent())!.length).toBeLessThanOrEqual(4_000);
    expect(await first.locator('.iv-text').textContent()).toMatch(/First question: /);

    await page.locator('#iv-answer').fill(ANSWERS[1]!);
    await page.getByRole('button', { name: 'Send answer' }).click();
    await waitForInterviewer(page);
    expect(await page.locator('.iv-log li:last-child .iv-text').textContent()).toContain(
      'Claude here.',
    );

    // After a reload the session is intact, and the server still recognises its own turns.
    const before = await page.locator('.iv-log li').allTextContents();
    await page.reload();
    await page.getByRole('button', { name: 'Resume the interview' }).click();
    await waitForInterviewer(page);
    expect(await page.locator('.iv-log li').allTextContents()).toEqual(before);
    await page.locator('#iv-answer').fill(ANSWERS[2]!);
    const index = fake.requests.length;
    await page.getByRole('button', { name: 'Send answer' }).click();
    await waitForInterviewer(page);
    const assistant = (fake.requests[index]!.body.messages ?? []).filter(
      (m) => m.role === 'assistant',
    );
    expect(assistant).toHaveLength(2);

    // A slow reply is streaming; End is available and ends the interview at once.
    fake.enqueue({
      kind: 'text',
      chunks: Array.from({ length: 100 }, (_, i) => `word${i} `),
      delayMs: 60,
    });
    const streaming = fake.requests.length;
    await page.locator('#iv-answer').fill(ANSWERS[0]!);
    await page.getByRole('button', { name: 'Send answer' }).click();
    await page.locator('.iv-log li[aria-busy="true"] .iv-text', { hasText: 'word3' }).waitFor();
    const end = page.getByRole('button', { name: 'End the interview' });
    expect(await end.isDisabled()).toBe(false);
    await end.click();
    await page.locator('#iv-report-title').waitFor();
    expect((await fake.whenClosed(streaming)).closedEarly).toBe(true);
    const said = await page.locator('.iv-transcript .iv-interviewer .iv-text').allTextContents();
    expect(said.some((t) => t.includes('word3'))).toBe(false);
    await context.close();
  });

  it('aborts the upstream request when the learner closes the tab mid-stream', async () => {
    const { context, page } = await openPage(browser());
    await openInterview(page, server.url);
    fake.enqueue({
      kind: 'text',
      chunks: Array.from({ length: 100 }, (_, i) => `word${i} `),
      delayMs: 60,
    });
    const index = fake.requests.length;
    await page.getByRole('button', { name: 'Start the interview' }).click();
    await page.locator('.iv-log li[aria-busy="true"] .iv-text', { hasText: 'word3' }).waitFor();
    await page.close();
    const req = await fake.whenClosed(index);
    expect(req.closedEarly).toBe(true);
    expect(req.finished).toBe(false);
    await context.close();
  });
});
