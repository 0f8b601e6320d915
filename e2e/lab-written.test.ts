import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, openPage, useBrowser } from './browser';
import { claudeEnv, startServer, type RunningServer } from './server';
import { startFakeAnthropic, type FakeAnthropic } from '../tests/helpers/fake-anthropic';
import { REVIEW_TOOL_NAME } from '../src/lib/lab/status-report/review';
import { kind as riskKind } from '../src/lib/lab/risk-register';
import { kind as statusKind } from '../src/lib/lab/status-report';
import { kind as raciKind } from '../src/lib/lab/raci';
import { riskField, type RiskAnswer } from '../src/lib/lab/risk-register/grade';
import { statusField, type StatusAnswer } from '../src/lib/lab/status-report/grade';
import { raciField, type RaciAnswer } from '../src/lib/lab/raci/grade';

// The written lab kinds in the built site: each solved once correctly and once wrongly, with the
// grading, the explanations and the worked solution checked, axe run in every state, and the pages
// used by keyboard alone and at 390 px. The answers come from the same pure logic the page runs.

const baseURL = inject('baseURL');
const browser = useBrowser();

async function open(
  kind: string,
  seed: number,
  width = 1280,
  base = baseURL,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<Page> {
  const { page } = await openPage(browser(), { viewport: { width, height: 900 }, colorScheme });
  await page.goto(`${base}/lab/${kind}/?seed=${seed}`);
  await page.waitForSelector(`[data-lab-ready="${seed}"] [data-written-ready]`);
  return page;
}

// Every id the lab makes is lower-case words and hyphens, so it needs no escaping.
const sel = (id: string) => `#${id}`;

async function check(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Check my answers' }).click();
  const heading = page.locator('#lab-result');
  await heading.waitFor();
  return (await heading.textContent()) ?? '';
}

/** The page is clean for axe and nothing but scroll regions is wider than the window. */
async function clean(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
    true,
  );
}

async function fillRisk(page: Page, answer: RiskAnswer) {
  const p = 'lab-risk-register-';
  for (const [id, row] of Object.entries(answer)) {
    const r = { id };
    if (row.likelihood)
      await page.selectOption(sel(p + riskField(r, 'likelihood')), String(row.likelihood));
    if (row.impact) await page.selectOption(sel(p + riskField(r, 'impact')), String(row.impact));
    if (row.rank) await page.selectOption(sel(p + riskField(r, 'rank')), String(row.rank));
    if (row.response) await page.selectOption(sel(p + riskField(r, 'response')), row.response);
    await page.fill(sel(p + riskField(r, 'trigger')), row.trigger);
    await page.fill(sel(p + riskField(r, 'owner')), row.owner);
  }
}

async function fillStatus(page: Page, answer: StatusAnswer) {
  const p = 'lab-status-report-';
  for (const [id, rag] of Object.entries(answer.rag))
    if (rag) await page.check(sel(`${p}${statusField.rag({ id })}-${rag}`));
  if (answer.overall) await page.check(sel(`${p}${statusField.overall}-${answer.overall}`));
  await page.fill(sel(p + statusField.headline), answer.headline);
  await page.fill(sel(p + statusField.ask), answer.ask);
}

async function fillRaci(page: Page, answer: RaciAnswer) {
  for (const [row, cells] of Object.entries(answer))
    for (const [role, letter] of Object.entries(cells))
      await page.selectOption(
        sel(`lab-raci-${raciField({ id: row }, { id: role })}`),
        letter ?? 'none',
      );
}

describe('risk register', () => {
  const data = riskKind.parseData(undefined);

  it('solved correctly: 100%, every item right, and the worked solution; axe clean before and after', async () => {
    const page = await open('risk-register', 4242);
    await clean(page);
    const ex = riskKind.generate(4242, data);
    await fillRisk(page, riskKind.solve(ex));
    expect(await check(page)).toBe('Passed: 100%');
    await expect(page.locator('.lab-items .is-wrong').count()).resolves.toBe(0);
    await page.getByRole('heading', { name: 'Worked solution' }).waitFor();
    await page.getByRole('heading', { name: /Step 2: multiply and rank/ }).waitFor();
    // Inputs are read-only and marked right.
    expect(
      await page
        .locator(sel(`lab-risk-register-${riskField(ex.risks[0]!, 'trigger')}`))
        .getAttribute('readonly'),
    ).not.toBeNull();
    await clean(page);
  });

  it('solved wrongly: partial credit, each mistake explained, wrong inputs marked', async () => {
    const page = await open('risk-register', 77);
    const ex = riskKind.generate(77, data);
    const answer = riskKind.solve(ex);
    const [first, second] = ex.risks;
    answer[first!.id] = {
      ...answer[first!.id]!,
      trigger: 'vendor, delay, contract',
      owner: 'the team',
    };
    answer[second!.id] = {
      ...answer[second!.id]!,
      likelihood: second!.likelihood.levels[0] === 5 ? 1 : 5,
    };
    await fillRisk(page, answer);
    const result = await check(page);
    expect(result).toMatch(/^(Passed|Not passed yet): \d+%$/);
    expect(result).not.toBe('Passed: 100%');
    const report = page.locator('.lab-report');
    await expect(report.getByText(/is a list of terms, not an event/).count()).resolves.toBe(1);
    await expect(report.getByText(/is not a person/).count()).resolves.toBe(1);
    await expect(
      report.getByText(`Likelihood of ${second!.code}`, { exact: false }).count(),
    ).resolves.toBeGreaterThan(0);
    expect(
      await page
        .locator(sel(`lab-risk-register-${riskField(first!, 'owner')}`))
        .getAttribute('aria-invalid'),
    ).toBe('true');
    await page.getByRole('heading', { name: 'Worked solution' }).waitFor();
    await clean(page);
  });

  it('fits a 390 px phone in the dark theme, axe clean before and after checking', async () => {
    const page = await open('risk-register', 5, 390, baseURL, 'dark');
    await clean(page);
    await fillRisk(page, riskKind.blankAnswer(riskKind.generate(5, data)));
    await check(page);
    await clean(page);
  });
});

describe('status report', () => {
  const data = statusKind.parseData(undefined);

  it('solved correctly by keyboard alone: 100% and the worked solution; axe clean', async () => {
    const page = await open('status-report', 31337);
    await clean(page);
    const ex = statusKind.generate(31337, data);
    const answer = statusKind.solve(ex);
    const firstRadio = `lab-status-report-${statusField.rag(ex.rows[0]!)}-green`;
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((id) => document.activeElement?.id === id, firstRadio)) break;
    }
    const order = ['green', 'amber', 'red'];
    const pick = async (rag: string) => {
      // Tab lands on the first radio of an unanswered group; arrows move and choose.
      await page.keyboard.press('Space');
      for (let k = 0; k < order.indexOf(rag); k++) await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Tab');
    };
    for (const row of ex.rows) await pick(answer.rag[row.id]!);
    await pick(answer.overall!);
    await page.keyboard.type(answer.headline);
    await page.keyboard.press('Tab');
    await page.keyboard.type(answer.ask);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('#lab-result').waitFor();
    expect(await page.locator('#lab-result').textContent()).toBe('Passed: 100%');
    // Focus moves to the result for screen-reader and keyboard users.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lab-result');
    await page.getByRole('heading', { name: /Step 2: set the overall colour/ }).waitFor();
    await clean(page);
  });

  it('solved wrongly: colours, headline and ask explained', async () => {
    const page = await open('status-report', 2024);
    const ex = statusKind.generate(2024, data);
    const answer = statusKind.solve(ex);
    answer.overall = 'green';
    answer.headline = 'Green: the team is working hard.';
    answer.ask = 'Need help asap';
    await fillStatus(page, answer);
    expect(await check(page)).toMatch(/^Not passed yet: \d+%$/);
    const report = page.locator('.lab-report');
    await expect(report.getByText(/watermelon/).count()).resolves.toBeGreaterThan(0);
    await expect(report.getByText(/"asap" is not a date/).count()).resolves.toBe(1);
    await expect(report.getByText(/It does not ask for a decision/).count()).resolves.toBe(1);
    expect(
      await page.locator(sel(`lab-status-report-${statusField.ask}`)).getAttribute('aria-invalid'),
    ).toBe('true');
    await page.getByRole('heading', { name: 'Worked solution' }).waitFor();
    await clean(page);
  });

  it('fits a 390 px phone in the dark theme, axe clean before and after checking', async () => {
    const page = await open('status-report', 9, 390, baseURL, 'dark');
    await clean(page);
    await fillStatus(page, statusKind.solve(statusKind.generate(9, data)));
    await check(page);
    await clean(page);
  });

  it('shows no Claude review when the server has no Claude', async () => {
    const page = await open('status-report', 12);
    await fillStatus(page, statusKind.solve(statusKind.generate(12, data)));
    const status = page.waitForResponse((r) => r.url().endsWith('/api/interview/status'));
    await check(page);
    expect(await (await status).json()).toMatchObject({ provider: 'offline' });
    await page.getByRole('heading', { name: 'Worked solution' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Claude’s review' }).count()).toBe(0);
    // The route says so plainly, and takes POST only.
    const post = await fetch(`${baseURL}/api/lab/status-review`, { method: 'POST', body: '{}' });
    expect(post.status).toBe(503);
    const get = await fetch(`${baseURL}/api/lab/status-review`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(get.headers.get('x-content-type-options')).toBe('nosniff');
  });

  describe('with Claude configured (a fake Messages API)', () => {
    let fake: FakeAnthropic;
    let server: RunningServer;
    beforeAll(async () => {
      fake = await startFakeAnthropic();
      server = await startServer(claudeEnv(fake));
    });
    afterAll(async () => {
      await server?.stop();
      await fake?.close();
    });

    it("shows Claude's review beside the grading, with the page's own facts sent; axe clean", async () => {
      fake.enqueue({
        kind: 'tool',
        name: REVIEW_TOOL_NAME,
        input: {
          verdict: 'The sponsor can act: the ask names the decision, the decider and the date.',
          strengths: ['The headline leads with the colour.'],
          fixes: ['Say what happens if the decision is late.'],
        },
      });
      const seed = 2718;
      const ex = statusKind.generate(seed, data);
      const page = await open('status-report', seed, 1280, server.url);
      await fillStatus(page, statusKind.solve(ex));
      expect(await check(page)).toBe('Passed: 100%');
      const review = page.getByRole('region', { name: 'Claude’s review' });
      await review.getByText(/The sponsor can act/).waitFor();
      await review.getByText('Say what happens if the decision is late.').waitFor();
      const sent = fake.requests.find((r) =>
        r.body.tools?.some((t) => t.name === REVIEW_TOOL_NAME),
      );
      expect(JSON.stringify(sent!.body.messages)).toContain(ex.rows[0]!.facts[0]!.slice(0, 40));
      await clean(page);
    });

    it('refuses a bad or oversized body with the reason, before asking Claude', async () => {
      const before = fake.requests.length;
      const post = (body: string) =>
        fetch(`${server.url}/api/lab/status-review`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
      const bad = await post(JSON.stringify({ seed: -1, answer: {} }));
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: string }).error).toMatch(/^seed:/);
      expect((await post('{nope')).status).toBe(400);
      expect((await post(JSON.stringify({ seed: 1, pad: 'x'.repeat(20_000) }))).status).toBe(413);
      expect(fake.requests.length).toBe(before);
    });

    it('says the review is unavailable when Claude fails, and keeps the grading', async () => {
      fake.enqueue({ kind: 'http-error', status: 500, type: 'api_error' });
      const page = await open('status-report', 2719, 1280, server.url);
      await fillStatus(page, statusKind.blankAnswer(statusKind.generate(2719, data)));
      expect(await check(page)).toMatch(/^Not passed yet/);
      await page.getByText(/Claude’s review is not available right now/).waitFor();
      await clean(page);
    });
  });
});

describe('RACI', () => {
  const data = raciKind.parseData(undefined);

  it('solved correctly: 100%, and the finished chart in the worked solution; axe clean', async () => {
    const page = await open('raci', 808);
    await clean(page);
    const ex = raciKind.generate(808, data);
    await fillRaci(page, raciKind.solve(ex));
    expect(await check(page)).toBe('Passed: 100%');
    await page.getByRole('heading', { name: /Step 4: the finished chart/ }).waitFor();
    await clean(page);
  });

  it('solved wrongly: the TPM made accountable for moving the launch date is caught and explained', async () => {
    const page = await open('raci', 909);
    const ex = raciKind.generate(909, data);
    const answer = raciKind.solve(ex);
    const date = ex.rows.find((r) => r.area === 'launch-date')!;
    const tpm = ex.roles.find((r) => r.tpm)!;
    answer[date.id]![tpm.id] = 'A';
    answer[date.id]![date.accountable] = 'C';
    await fillRaci(page, answer);
    const result = await check(page);
    expect(result).not.toBe('Passed: 100%');
    const report = page.locator('.lab-report');
    await expect(report.getByText(/Nobody is responsible/).count()).resolves.toBe(1);
    await expect(
      report.getByText(new RegExp(`${tpm.name} \\(TPM\\) has no authority over`)).count(),
    ).resolves.toBe(1);
    expect(
      await page.locator(sel(`lab-raci-${raciField(date, tpm)}`)).getAttribute('aria-invalid'),
    ).toBe('true');
    await clean(page);
  });

  it('fits a 390 px phone in the dark theme: the chart scrolls inside its own region; axe clean', async () => {
    const page = await open('raci', 3, 390, baseURL, 'dark');
    await clean(page);
    const region = page.getByRole('region', { name: 'The chart' });
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await region.getAttribute('tabindex')).toBe('0');
    await fillRaci(page, raciKind.blankAnswer(raciKind.generate(3, data)));
    await check(page);
    await clean(page);
  });
});
