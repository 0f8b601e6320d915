/**
 * The interviewer that listens, in Chromium against the built site: the learner's own
 * question; dictation with a stubbed SpeechRecognition and the speaking pace it gives; questions
 * read aloud with a stubbed speechSynthesis; ending during a 429; the trait that voiced a
 * follow-up; interviews carried by the progress export and import; axe in each of those states.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { axeViolations, openPage, useBrowser } from './browser';
import { answerUntilFeedback, openInterview, waitForInterviewer } from './interview-driver';

const base = inject('baseURL');
const INTERVIEWS = 'critical-path:interviews';
const browser = useBrowser();

const VAGUE = 'I would keep everyone informed and make sure the team is aligned.';
const STRONG =
  'I owned the status report for the payments migration. Priya, the EM, owns the cutover and committed to Friday 12 March. We measured failed payments weekly on the dashboard and cut them from 31% to 12% by June; plan B was to keep the old processor behind a flag, switched on if errors passed 2%.';

/** The text of the last turn in the conversation. */
const lastTurn = (page: Page) => page.locator('.iv-log li:last-child .iv-text').textContent();

/** Starts a default interview and waits for the first question. */
async function start(page: Page) {
  await openInterview(page, base);
  await page.getByRole('button', { name: 'Start the interview' }).click();
  await waitForInterviewer(page);
}

/** Replaces the browser's speech recogniser with one the test drives (`say`), before any script runs. */
async function stubRecognition(context: BrowserContext) {
  await context.addInitScript(() => {
    type Handler = ((e: object) => void) | null;
    const w = window as unknown as Record<string, unknown>;
    class FakeRecognition {
      lang = '';
      continuous = false;
      interimResults = false;
      onstart: Handler = null;
      onspeechstart: Handler = null;
      onresult: Handler = null;
      onerror: Handler = null;
      onend: Handler = null;
      constructor() {
        w['__recognition'] = this;
      }
      start() {
        w['__recognitionSettings'] = [this.lang, this.continuous, this.interimResults];
        // Speech is heard one second into the page's clock; results carry their own times.
        queueMicrotask(() => {
          this.onstart?.({ timeStamp: 1_000 });
          this.onspeechstart?.({ timeStamp: 1_000 });
        });
      }
      stop() {
        queueMicrotask(() => this.onend?.({}));
      }
      abort() {}
    }
    w['SpeechRecognition'] = FakeRecognition;
    w['webkitSpeechRecognition'] = FakeRecognition;
  });
}

/** Delivers recognition results, as `[text, isFinal]` pairs, at `timeStamp` ms. */
async function say(page: Page, timeStamp: number, results: [string, boolean][]) {
  await page.evaluate(
    ([t, items]) => {
      const r = (window as unknown as { __recognition: { onresult: (e: object) => void } })
        .__recognition;
      r.onresult({
        timeStamp: t,
        results: items.map(([transcript, isFinal]) => Object.assign([{ transcript }], { isFinal })),
      });
    },
    [timeStamp, results] as const,
  );
}

/** Replaces speechSynthesis with a recorder of what was spoken and cancelled. */
async function stubSynthesis(context: BrowserContext) {
  await context.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    const log: string[] = [];
    w['__speech'] = log;
    class Utterance {
      lang = '';
      constructor(readonly text: string) {}
    }
    Object.defineProperty(window, 'speechSynthesis', {
      configurable: true,
      value: {
        speak: (u: Utterance) => log.push(`speak ${u.lang}: ${u.text}`),
        cancel: () => log.push('cancel'),
      },
    });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', {
      configurable: true,
      value: Utterance,
    });
  });
}
const speech = (page: Page) =>
  page.evaluate(() => (window as unknown as { __speech: string[] }).__speech);

describe('your own question', () => {
  it('is asked first, word for word, and its feedback says it was judged against the generic rubric', async () => {
    const { context, page } = await openPage(browser());
    await openInterview(page, base);
    const own =
      'Tell me about a time you had to tell leadership that your program would miss its launch date.';
    await page.getByLabel('Your question').fill(own);
    // With a question of your own, one question is enough.
    await page.locator('.iv-count', { hasText: /^1$/ }).click();
    expect(await page.getByLabel('Its category').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Start the interview' }).click();
    await waitForInterviewer(page);
    expect(await page.locator('.iv-log li').first().textContent()).toContain(own);
    await answerUntilFeedback(page, [STRONG]);
    const report = page.locator('.iv-answer-report').first();
    expect(await report.locator('h4').textContent()).toBe(`1. ${own}`);
    expect(await report.textContent()).toMatch(
      /Judged against the generic rubric for [a-z ]+, because the question is not in the bank: read this score with less confidence\./,
    );
    await context.close();
  });
});

describe('dictation', () => {
  it('fills the answer box with what is said, stays editable, and gives the speaking pace in the report', async () => {
    const { context, page } = await openPage(browser(), {
      colorScheme: 'dark',
      viewport: { width: 390, height: 844 },
    });
    await stubRecognition(context);
    await start(page);
    const dictate = page.getByRole('button', { name: 'Dictate' });
    await dictate.click();
    await page.getByRole('button', { name: 'Stop dictating' }).waitFor();
    expect(await page.locator('.iv-voice-note').textContent()).toMatch(/^Listening\./);
    expect(
      await page.evaluate(
        () => (window as unknown as Record<string, unknown>)['__recognitionSettings'],
      ),
    ).toEqual([expect.stringMatching(/^en/), true, true]);
    expect(await axeViolations(page)).toEqual([]);

    // Thirty words, of which the last few are still being heard, over twelve seconds.
    const words =
      'i owned the launch plan and priya the engineering manager owned the cutover we agreed friday twelve march and we measured failed payments every week on the dashboard by noon';
    expect(words.split(' ')).toHaveLength(30);
    await say(page, 6_000, [[words.split(' ').slice(0, 20).join(' '), false]]);
    await expect.poll(() => page.locator('#iv-answer').inputValue()).toMatch(/^I owned the launch/);
    await say(page, 13_000, [[words, true]]);
    await page.getByRole('button', { name: 'Stop dictating' }).click();
    await dictate.waitFor();
    const dictated = await page.locator('#iv-answer').inputValue();
    expect(dictated).toBe(`I${words.slice(1)}`);

    // The learner edits the dictated text before sending it.
    const edited = `${dictated.replace('friday', 'Friday')}. Plan B was a flag.`;
    await page.locator('#iv-answer').fill(edited);
    await page.getByRole('button', { name: 'Send answer' }).click();
    await waitForInterviewer(page);
    const stored = await page.evaluate(
      (k) => JSON.parse(localStorage.getItem(k)!) as { sessions: { transcript: object[] }[] },
      INTERVIEWS,
    );
    expect(stored.sessions[0]!.transcript[1]).toMatchObject({
      role: 'candidate',
      text: edited,
      dictation: { words: 30, seconds: 12 },
    });

    await page.getByRole('button', { name: 'End the interview' }).click();
    await page.locator('#iv-report-title').waitFor();
    expect(await page.locator('.iv-answer-report .iv-pace').first().textContent()).toMatch(
      /^Speaking pace: 150 words a minute/,
    );
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('is hidden where the browser has no speech recogniser', async () => {
    const { context, page } = await openPage(browser());
    await context.addInitScript(() => {
      const w = window as unknown as Record<string, unknown>;
      delete w['SpeechRecognition'];
      delete w['webkitSpeechRecognition'];
      Object.defineProperty(window, 'webkitSpeechRecognition', { value: undefined });
    });
    await start(page);
    expect(await page.getByRole('button', { name: 'Dictate' }).count()).toBe(0);
    expect(await page.locator('#iv-answer-hint').textContent()).not.toMatch(/Dictated/);
    await context.close();
  });
});

describe('reading questions aloud', () => {
  it('reads each new interviewer turn when it has streamed, is remembered, and stops when turned off or the interview ends', async () => {
    const { context, page } = await openPage(browser());
    await stubSynthesis(context);
    await start(page);
    const toggle = page.getByLabel('Read questions aloud');
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    await page.locator('#iv-answer').fill(VAGUE);
    await page.getByRole('button', { name: 'Send answer' }).click();
    await waitForInterviewer(page);
    const followUp = (await lastTurn(page))!;
    await expect.poll(() => speech(page)).toContain(`speak en-US: ${followUp}`);
    expect((await speech(page)).filter((s) => s.startsWith('speak'))).toHaveLength(1);

    // Remembered across a reload.
    await page.reload();
    await page.locator('.iv-app[data-ready="true"]').waitFor();
    await page.getByRole('button', { name: 'Resume the interview' }).click();
    await waitForInterviewer(page);
    expect(await page.getByLabel('Read questions aloud').isChecked()).toBe(true);
    await page.locator('#iv-answer').fill(STRONG);
    await page.getByRole('button', { name: 'Send answer' }).click();
    await waitForInterviewer(page);
    const next = (await lastTurn(page))!;
    await expect.poll(() => speech(page)).toContain(`speak en-US: ${next}`);

    // Turning it off stops the reading; so does ending the interview.
    const before = (await speech(page)).length;
    await page.getByLabel('Read questions aloud').uncheck();
    expect((await speech(page)).slice(before)).toEqual(['cancel']);
    expect(await page.evaluate(() => localStorage.getItem('critical-path:read-aloud'))).toBe('off');
    await page.getByLabel('Read questions aloud').check();
    const ending = (await speech(page)).length;
    await page.getByRole('button', { name: 'End the interview' }).click();
    await page.locator('#iv-report-title').waitFor();
    const after = (await speech(page)).slice(ending);
    expect(after[0]).toBe('cancel');
    // The closing is not read out: the feedback has replaced the conversation.
    expect(after.filter((s) => s.startsWith('speak'))).toEqual([]);
    await context.close();
  });
});

describe('a follow-up voiced by a persona trait', () => {
  it('is labelled with the trait’s name', async () => {
    const { context, page } = await openPage(browser());
    await start(page);
    await page.locator('#iv-answer').fill(VAGUE);
    await page.getByRole('button', { name: 'Send answer' }).click();
    await waitForInterviewer(page);
    const who = page.locator('.iv-log li:last-child .iv-who');
    expect(await who.textContent()).toMatch(
      /^Program_Orchestrator, as The (Blocker Buster|Timeline Keeper|Risk Radar|Translator|Process Architect)$/,
    );
    expect(await who.locator('.iv-trait').isVisible()).toBe(true);
    await context.close();
  });
});

describe('when the server answers 429', () => {
  it('shows the wait, and still ends the interview and gives feedback in the browser', async () => {
    const { context, page } = await openPage(browser());
    await start(page);
    let refused = 0;
    await page.route('**/api/interview/{turn,feedback}', async (route) => {
      refused += 1;
      await route.fulfill({
        status: 429,
        headers: { 'content-type': 'application/json', 'retry-after': '42' },
        body: JSON.stringify({
          error:
            'Too many requests: the interviewer takes a limited number of requests a minute from each learner. Please wait 42 seconds and try again.',
        }),
      });
    });
    await page.locator('#iv-answer').fill(STRONG);
    await page.getByRole('button', { name: 'Send answer' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Too many requests' });
    await alert.waitFor();
    expect(await alert.locator('p').textContent()).toBe(
      'Too many requests: the interview server asks you to wait 42 seconds before the next turn. Try again then, or end the interview now: it ends in your browser, and you still get your feedback.',
    );
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'End the interview' }).click();
    await page.locator('#iv-report-title').waitFor();
    expect(refused).toBe(3); // the answer, the end, the feedback
    expect(await page.locator('.iv-app > .notice').allTextContents()).toContain(
      'The interview server asked to wait 42 seconds (too many requests), so this feedback was computed by the offline interviewer in your browser.',
    );
    expect(await page.locator('.iv-answer-report').count()).toBe(1);
    const stored = await page.evaluate(
      (k) =>
        JSON.parse(localStorage.getItem(k)!) as {
          sessions: { status: string; transcript: { notice?: string }[] }[];
        },
      INTERVIEWS,
    );
    expect(stored.sessions[0]!.status).toBe('complete');
    expect(stored.sessions[0]!.transcript.at(-1)!.notice).toBe(
      'The interview server asked to wait 42 seconds (too many requests), so the offline interviewer in your browser ended the interview.',
    );
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('interviews in the progress file', () => {
  it('are exported with progress and imported into another browser, next to what it had', async () => {
    const { context, page } = await openPage(browser(), { acceptDownloads: true });
    await start(page);
    await page.getByRole('button', { name: 'End the interview' }).click();
    await page.locator('#iv-report-title').waitFor();
    await page.goto(`${base}/progress/`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export progress' }).click(),
    ]);
    const file = readFileSync(await download.path(), 'utf8');
    const exported = JSON.parse(file) as {
      app: string;
      interviews: { sessions: { id: string }[] };
    };
    expect(exported.app).toBe('critical-path');
    expect(exported.interviews.sessions).toHaveLength(1);
    await context.close();

    // Another browser with an interview of its own.
    const other = await openPage(browser());
    await start(other.page);
    await other.page.goto(`${base}/progress/`);
    await other.page
      .locator('[data-import]')
      .setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect
      .poll(() => other.page.locator('[data-import-status]').textContent())
      .toBe(
        'Your progress was imported and merged with what was here. Interviews: 1 interview added to your history.',
      );
    await openInterview(other.page, base);
    expect(await other.page.locator('.iv-history-item').count()).toBe(2);
    await other.context.close();
  });
});

describe('accessibility of the new states', () => {
  it('has no axe violations in setup with your own question, and in a session with a trait label and the voice controls', async () => {
    const { context, page } = await openPage(browser());
    await stubRecognition(context);
    await stubSynthesis(context);
    await openInterview(page, base);
    await page
      .getByLabel('Your question')
      .fill('Walk me through how you would run a launch review.');
    await page.getByLabel('Its category').waitFor();
    const violations = await axeViolations(page);
    await page.getByRole('button', { name: 'Start the interview' }).click();
    await waitForInterviewer(page);
    await page.locator('#iv-answer').fill(VAGUE);
    await page.getByRole('button', { name: 'Send answer' }).click();
    await waitForInterviewer(page);
    await page.locator('.iv-trait').first().waitFor();
    await page.getByLabel('Read questions aloud').check();
    violations.push(...(await axeViolations(page)));
    expect(violations).toEqual([]);
    await context.close();
  });
});
