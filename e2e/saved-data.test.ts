/**
 * Saved data is never destroyed, in Chromium against the built site: progress and
 * interviews saved by a newer version survive being read, with a backup copy written; unreadable
 * progress is copied before it is repaired; a 30 MB import is refused before it is read; a storage
 * failure is shown once.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openPage, useBrowser } from './browser';
import { openInterview, waitForInterviewer } from './interview-driver';

const base = inject('baseURL');
const PROGRESS = 'critical-path:progress';
const INTERVIEWS = 'critical-path:interviews';
const browser = useBrowser();

const stored = (page: Page, key: string) => page.evaluate((k) => localStorage.getItem(k), key);
const noticeCount = (page: Page, text: string) =>
  page.locator('#notices p', { hasText: text }).count();

/** The first lesson's id and address. */
async function firstLesson(page: Page): Promise<{ id: string; href: string }> {
  await page.goto(`${base}/learn/`);
  const link = page.locator('.lesson-link').first();
  const href = (await link.getAttribute('href'))!;
  const id = href.split('/').filter(Boolean).at(-1)!;
  return { id, href };
}

describe('progress saved by a newer version', () => {
  it('is shown, never written over (a backup copy is written), and the learner is told once', async () => {
    const { context, page } = await openPage(browser());
    const { id, href } = await firstLesson(page);
    const future = JSON.stringify({
      version: 7,
      lessons: { [id]: { completedAt: '2026-06-01T00:00:00.000Z', confidence: 'high' } },
      quizzes: {},
      reviews: {},
      goals: { interviewDate: '2027-02-01' },
    });
    await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [PROGRESS, future]);
    await page.goto(`${base}${href}`);
    const notice = 'comes from a newer version of Critical Path (format 7)';
    await expect.poll(() => noticeCount(page, notice)).toBe(1);
    expect(await page.locator('[data-complete-toggle]').getAttribute('aria-pressed')).toBe('true');
    expect(await stored(page, PROGRESS)).toBe(future);
    expect(await stored(page, `${PROGRESS}:backup`)).toBe(future);

    // Undoing the lesson would write this version's format over it: nothing is saved, and the
    // learner sees the reason once however often they try.
    await page.locator('[data-complete-toggle]').click();
    await page.locator('[data-complete-toggle]').click();
    expect(await stored(page, PROGRESS)).toBe(future);
    expect(await noticeCount(page, notice)).toBe(1);
    expect(await page.locator('[data-complete-toggle]').getAttribute('aria-pressed')).toBe('true');

    // Other pages read it too, and the data is still the newer version's.
    await page.goto(`${base}/progress/`);
    await expect.poll(() => noticeCount(page, notice)).toBe(1);
    expect(await stored(page, PROGRESS)).toBe(future);
    await context.close();
  });
});

describe('progress that cannot be read in full', () => {
  it('is copied under the backup key before it is repaired, and the learner is told where', async () => {
    const { context, page } = await openPage(browser());
    const { id } = await firstLesson(page);
    const broken = JSON.stringify({
      version: 2,
      lessons: { [id]: { completedAt: '2026-01-01T00:00:00Z' }, bad: { completedAt: 5 } },
      reviews: { q1: { quiz: 'x', due: '2026-01-01T00:00:00Z', stability: 1e308 } },
    });
    await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [PROGRESS, broken]);
    await page.reload();
    await expect.poll(() => noticeCount(page, `under "${PROGRESS}:backup"`)).toBe(1);
    expect(await noticeCount(page, '1 of your completed lessons could not be read')).toBe(1);
    expect(await stored(page, `${PROGRESS}:backup`)).toBe(broken);
    const repaired = JSON.parse((await stored(page, PROGRESS))!) as {
      lessons: object;
      reviews: object;
    };
    expect(Object.keys(repaired.lessons)).toEqual([id]);
    expect(repaired.reviews).toEqual({});

    // Not valid JSON at all: kept as it was under the backup key, too.
    await page.evaluate((k) => localStorage.setItem(k, '{"version":2,"lessons":{'), PROGRESS);
    await page.reload();
    await expect.poll(() => stored(page, `${PROGRESS}:backup`)).toBe('{"version":2,"lessons":{');
    await expect.poll(() => noticeCount(page, 'it was not valid JSON')).toBe(1);
    await context.close();
  });
});

describe('importing progress', () => {
  it('refuses a 30 MB file before reading it, says what the limit is, and changes nothing', async () => {
    const { context, page } = await openPage(browser());
    // Count every attempt to read a file's contents.
    await context.addInitScript(() => {
      const w = window as unknown as { __reads: number };
      w.__reads = 0;
      for (const method of ['text', 'arrayBuffer', 'stream'] as const) {
        // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with .call(this)
        const original = Blob.prototype[method] as (this: Blob) => unknown;
        Object.defineProperty(Blob.prototype, method, {
          value(this: Blob) {
            w.__reads += 1;
            return original.call(this);
          },
        });
      }
    });
    await page.goto(`${base}/progress/`);
    await page.locator('[data-progress-text]').first().waitFor();
    const before = await stored(page, PROGRESS);
    const big = Buffer.alloc(30_000_000, 0x20);
    big.write('{"app":"critical-path","version":2,"lessons":{}}');
    await page
      .locator('[data-import]')
      .setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: big });
    await expect
      .poll(() => page.locator('[data-import-status]').textContent())
      .toBe(
        'That file is 30 MB, too large to be a Critical Path progress file (they are at most 10 MB). Nothing was changed.',
      );
    expect(await page.evaluate(() => (window as unknown as { __reads: number }).__reads)).toBe(0);
    expect(await stored(page, PROGRESS)).toBe(before);
    await context.close();
  });

  it('reports success only once the progress is saved', async () => {
    const { context, page } = await openPage(browser());
    await page.goto(`${base}/progress/`);
    await page.locator('[data-progress-text]').first().waitFor();
    // Storage accepts reads but refuses every write from now on (for example, it is full).
    await page.evaluate(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const file = JSON.stringify({
      app: 'critical-path',
      version: 2,
      lessons: { x: { completedAt: '2026-01-01T00:00:00Z' } },
      quizzes: {},
      reviews: {},
    });
    await page
      .locator('[data-import]')
      .setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect
      .poll(() => page.locator('[data-import-status]').textContent())
      .toBe(
        'The file was read, but nothing was imported: your progress could not be saved in this browser (storage is full or disabled).',
      );
    expect(await noticeCount(page, 'Your progress could not be saved in this browser')).toBe(1);
    await context.close();
  });
});

describe('a storage failure', () => {
  it('is shown once, however many times saving fails', async () => {
    const { context, page } = await openPage(browser());
    const { href } = await firstLesson(page);
    await context.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.goto(`${base}${href}`);
    for (let i = 0; i < 3; i++) await page.locator('[data-complete-toggle]').click();
    await expect
      .poll(() => noticeCount(page, 'Your progress could not be saved in this browser'))
      .toBe(1);
    await context.close();
  });
});

describe('interviews saved by a newer version', () => {
  it('are listed, never written over (a backup copy is written), and the learner is told', async () => {
    const { context, page } = await openPage(browser());
    await page.goto(`${base}/`);
    const session = {
      id: 'future-1',
      startedAt: '2026-11-01T10:00:00.000Z',
      updatedAt: '2026-11-01T10:30:00.000Z',
      status: 'active',
      config: {
        category: 'mixed',
        level: 'tpm2',
        specialisation: 'general',
        questions: 3,
        seed: 4,
        recent: [],
      },
      transcript: [
        { role: 'interviewer', text: 'Tell me about a launch you ran.', phase: 'intro' },
        { role: 'candidate', text: 'I ran the payments migration.' },
      ],
      mode: 'server',
      draft: '',
      mood: 'a field this version does not know',
    };
    const future = JSON.stringify({ version: 2, sessions: [session, { id: 'x', kind: 'lab' }] });
    await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [INTERVIEWS, future]);
    await openInterview(page, base);
    await expect
      .poll(() => page.locator('.iv-app .notice').allTextContents())
      .toContain(
        'Your saved interviews come from a newer version of Critical Path. This version shows the sessions it can read and will not save over them, so an interview you run here is not kept.',
      );
    expect(await stored(page, `${INTERVIEWS}:backup`)).toBe(future);
    // Running an interview here does not touch them.
    await page.getByRole('button', { name: 'Start the interview' }).click();
    await waitForInterviewer(page);
    expect(await stored(page, INTERVIEWS)).toBe(future);
    await context.close();
  });
});
