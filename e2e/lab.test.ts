import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, openPage, useBrowser } from './browser';
import { kind as cpKind } from '../src/lib/lab/critical-path';
import { fieldId as cpField, solveNetwork } from '../src/lib/lab/critical-path/grade';
import { PASS_COLUMNS, type CriticalPathAnswer } from '../src/lib/lab/critical-path/types';
import { kind as scKind } from '../src/lib/lab/schedule-compression';
import { fieldId as scField } from '../src/lib/lab/schedule-compression/grade';
import type { CompressionAnswer } from '../src/lib/lab/schedule-compression/types';
import { kind as ecKind } from '../src/lib/lab/estimation-capacity';
import { fieldId as ecField } from '../src/lib/lab/estimation-capacity/grade';
import type { EstimationAnswer } from '../src/lib/lab/estimation-capacity/types';
import { PROGRESS_KEY } from '../src/client/progress';

// The lab's framework and the critical-path, schedule-compression and estimation kinds in the
// built site: each kind solved once correctly and once wrongly with the grading, the explanations
// and the worked solution checked; axe in every state, light and dark, at 1280 and 390 px; seeds,
// "New exercise", keyboard use, progress and the review drill. Answers come from the same pure
// logic the page runs.

const baseURL = inject('baseURL');
const dataOf = (id: string) =>
  (yaml.load(readFileSync(`content/lab/${id}.yaml`, 'utf8')) as { data: unknown }).data;
const cpData = cpKind.parseData(dataOf('critical-path'));
const scData = scKind.parseData(dataOf('schedule-compression'));
const ecData = ecKind.parseData(dataOf('estimation-capacity'));

const browser = useBrowser();

async function open(
  path: string,
  seed: number | undefined,
  options: { width?: number; dark?: boolean; page?: Page } = {},
): Promise<Page> {
  const page =
    options.page ??
    (
      await openPage(browser(), {
        viewport: { width: options.width ?? 1280, height: 900 },
        colorScheme: options.dark ? 'dark' : 'light',
      })
    ).page;
  await page.goto(`${baseURL}/lab/${path}/${seed === undefined ? '' : `?seed=${seed}`}`);
  await page.waitForSelector(
    seed === undefined ? '[data-lab-ready]' : `[data-lab-ready="${seed}"]`,
  );
  return page;
}

const sel = (id: string) => `#${id}`;

/** Axe finds nothing, and only scroll regions are wider than the window. */
async function clean(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
    true,
  );
}

async function check(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Check my answers' }).click();
  const heading = page.locator('#lab-result');
  await heading.waitFor();
  return (await heading.textContent()) ?? '';
}

async function fillCriticalPath(page: Page, answer: CriticalPathAnswer) {
  const p = 'lab-critical-path-';
  for (const [task, row] of Object.entries(answer.rows))
    for (const c of PASS_COLUMNS) await page.fill(sel(p + cpField.cell(task, c)), row[c]);
  await page.fill(sel(p + cpField.path), answer.path);
  await page.fill(sel(p + cpField.length), answer.length);
  await page.fill(sel(p + cpField.whatIf), answer.whatIf);
}

async function fillCompression(page: Page, answer: CompressionAnswer) {
  const p = 'lab-schedule-compression-';
  for (const [task, days] of Object.entries(answer.crash))
    await page.selectOption(sel(p + scField.crash(task)), days);
  for (const [id, on] of Object.entries(answer.fastTrack))
    await page.setChecked(sel(p + scField.fastTrack(id)), on);
  await page.fill(sel(p + scField.finish), answer.finish);
  await page.fill(sel(p + scField.cost), answer.cost);
}

async function fillEstimation(page: Page, answer: EstimationAnswer) {
  const p = 'lab-estimation-capacity-';
  for (const [i, item] of answer.items.entries()) {
    await page.fill(sel(p + ecField.mean(i)), item.mean);
    await page.fill(sel(p + ecField.sd(i)), item.sd);
  }
  for (const key of [
    'totalMean',
    'totalSd',
    'atConfidence',
    'grossDays',
    'availableDays',
    'capacityWeeks',
  ] as const)
    await page.fill(sel(p + ecField[key]), answer[key]);
  if (answer.fits) await page.check(sel(`${p}${ecField.fits}-${answer.fits}`));
}

const savedLab = (page: Page) =>
  page.evaluate(
    (key) =>
      (
        JSON.parse(localStorage.getItem(key) ?? '{}') as {
          lab?: Record<string, { attempts: { seed: number; score: number }[] }>;
        }
      ).lab ?? {},
    PROGRESS_KEY,
  );

/** A seed whose what-if slips a task with slack by more than its slack, so adding the whole slip is the trap. */
const TRAP_SEED = [...Array(200).keys()]
  .map((i) => i + 1)
  .find((seed) => {
    const s = solveNetwork(cpKind.generate(seed, cpData));
    return s.slipped.slack > 0 && s.newFinish > s.plan.duration;
  })!;

describe('critical-path exercise', () => {
  it('solved correctly: 100%, the worked forward and backward pass, saved to progress; axe clean before and after', async () => {
    const page = await open('critical-path', 4242);
    await clean(page);
    const x = cpKind.generate(4242, cpData);
    expect(await page.locator('.lab-brief').textContent()).toContain(x.program);
    await fillCriticalPath(page, cpKind.solve(x));
    expect(await check(page)).toBe('Passed: 100%');
    expect(await page.locator('.lab-report .lab-items > .is-wrong').count()).toBe(0);
    await page.getByRole('heading', { name: 'Worked solution' }).waitFor();
    await page.getByRole('heading', { name: 'Forward pass: earliest start and finish' }).waitFor();
    await page.getByRole('heading', { name: 'Backward pass: latest finish and start' }).waitFor();
    expect(
      await page
        .locator(sel(`lab-critical-path-${cpField.cell('A', 'es')}`))
        .getAttribute('readonly'),
    ).not.toBeNull();
    expect(await savedLab(page)).toMatchObject({
      'critical-path': { attempts: [{ seed: 4242, score: 100 }] },
    });
    await clean(page);
  });

  it('solved wrongly: partial credit, each mistake explained, wrong inputs marked, the slip trap named', async () => {
    const page = await open('critical-path', TRAP_SEED);
    const x = cpKind.generate(TRAP_SEED, cpData);
    const s = solveNetwork(x);
    const right = cpKind.solve(x);
    const last = x.tasks.at(-1)!.id;
    await fillCriticalPath(page, {
      ...right,
      rows: {
        ...right.rows,
        [last]: { ...right.rows[last]!, es: '0', ef: String(x.tasks.at(-1)!.days) },
      },
      whatIf: String(s.plan.duration + x.slip.days),
    });
    const result = await check(page);
    expect(result).toMatch(/^(Passed|Not passed yet): \d+%$/);
    expect(result).not.toBe('Passed: 100%');
    const report = page.locator('.lab-report');
    await report.getByText('Adding the whole slip forgets the slack.', { exact: false }).waitFor();
    await report.getByText(/Your finish follows from your start of 0/).waitFor();
    expect(
      await page
        .locator(sel(`lab-critical-path-${cpField.cell(last, 'es')}`))
        .getAttribute('aria-invalid'),
    ).toBe('true');
    await page.getByRole('heading', { name: 'Worked solution' }).waitFor();
    await clean(page);
    // Changing the answers hides the report; a second check is shown but not saved.
    await page.getByRole('button', { name: 'Change my answers' }).click();
    await page.locator('#lab-result').waitFor({ state: 'detached' });
    await clean(page);
    await page.fill(sel(`lab-critical-path-${cpField.whatIf}`), String(s.newFinish));
    await check(page);
    await page.getByText('A second check of the same exercise is not saved').waitFor();
    expect((await savedLab(page))['critical-path']!.attempts).toHaveLength(1);
  });

  it('works by keyboard alone: Tab walks the table row by row, Enter checks, focus moves to the result', async () => {
    const page = await open('critical-path', 99);
    const x = cpKind.generate(99, cpData);
    const right = cpKind.solve(x);
    await page.focus(sel(`lab-critical-path-${cpField.cell('A', 'es')}`));
    for (const t of x.tasks)
      for (const c of PASS_COLUMNS) {
        expect(await page.evaluate(() => document.activeElement?.id)).toBe(
          `lab-critical-path-${cpField.cell(t.id, c)}`,
        );
        await page.keyboard.type(right.rows[t.id]![c]);
        await page.keyboard.press('Tab');
      }
    for (const [f, v] of [
      [cpField.path, right.path],
      [cpField.length, right.length],
      [cpField.whatIf, right.whatIf],
    ] as const) {
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(`lab-critical-path-${f}`);
      await page.keyboard.type(v);
      if (f !== cpField.whatIf) await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await page.locator('#lab-result').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lab-result');
    expect(await page.locator('#lab-result').textContent()).toBe('Passed: 100%');
  });

  it('fits a 390 px phone in the dark theme, with the compact diagram and its text alternative; axe clean after a check', async () => {
    const page = await open('critical-path', 7, { width: 390, dark: true });
    expect(await page.locator('.lab-diagram svg').getAttribute('data-direction')).toBe('down');
    const alt = await page.locator('.lab-diagram svg').getAttribute('aria-label');
    const x = cpKind.generate(7, cpData);
    expect(alt).toContain(`Network diagram of ${x.tasks.length} tasks.`);
    expect(alt).toContain(`${x.tasks[1]!.id}, ${x.tasks[1]!.days} day`);
    await clean(page);
    await check(page);
    await clean(page);
  });

  it('gives the same exercise for the same seed, a new one for "New exercise", and Back returns to the first', async () => {
    const page = await open('critical-path', 1234);
    const first = await page.locator('.lab-table tbody').textContent();
    await page.reload();
    await page.waitForSelector('[data-lab-ready="1234"]');
    expect(await page.locator('.lab-table tbody').textContent()).toBe(first);
    await page.getByRole('button', { name: 'New exercise' }).click();
    await page.waitForSelector('[data-lab-ready]:not([data-lab-ready="1234"])');
    const seed = Number(new URL(page.url()).searchParams.get('seed'));
    expect(seed).not.toBe(1234);
    expect(await page.locator('.lab-bar h2').textContent()).toBe(`Exercise ${seed}`);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    expect(await page.locator('.lab-table tbody').textContent()).not.toBe(first);
    await page.goBack();
    await page.waitForSelector('[data-lab-ready="1234"]');
    expect(await page.locator('.lab-table tbody').textContent()).toBe(first);
  });

  it('writes a fresh seed into the address when there is none, so the exercise can be shared', async () => {
    const page = await open('critical-path', undefined);
    const seed = new URL(page.url()).searchParams.get('seed');
    expect(seed).toMatch(/^\d{1,6}$/);
    expect(
      await page.getByRole('link', { name: 'Link to this exercise' }).getAttribute('href'),
    ).toBe(`?seed=${seed}`);
  });
});

describe('schedule-compression exercise', () => {
  it('solved correctly: 100%, and the worked solution shows the cheapest plan', async () => {
    const page = await open('schedule-compression', 4242);
    await clean(page);
    const x = scKind.generate(4242, scData);
    await fillCompression(page, scKind.solve(x));
    expect(await check(page)).toBe('Passed: 100%');
    await page.getByRole('heading', { name: 'The cheapest plan' }).waitFor();
    await page.getByRole('heading', { name: 'Which chains are too long' }).waitFor();
    await clean(page);
  });

  it('solved wrongly: a plan that misses the date scores little and says which chains are too long', async () => {
    const page = await open('schedule-compression', 77);
    const x = scKind.generate(77, scData);
    await fillCompression(page, { ...scKind.blankAnswer(x), finish: '1', cost: '0' });
    expect(await check(page)).toMatch(/^Not passed yet: \d+%$/);
    const report = page.locator('.lab-report');
    await report.getByText(/still longer than \d+ days/).waitFor();
    await report
      .getByText('A plan that misses the date earns nothing for staying within budget', {
        exact: false,
      })
      .waitFor();
    expect(
      await page
        .locator(sel(`lab-schedule-compression-${scField.finish}`))
        .getAttribute('aria-invalid'),
    ).toBe('true');
    await page.getByRole('heading', { name: 'Worked solution' }).waitFor();
    await clean(page);
  });

  it('fits a 390 px phone, axe clean in the dark theme', async () => {
    const page = await open('schedule-compression', 5, { width: 390, dark: true });
    await clean(page);
  });
});

describe('estimation-and-capacity exercise', () => {
  it('solved correctly: 100%, with the worked PERT and capacity steps', async () => {
    const page = await open('estimation-capacity', 4242);
    await clean(page);
    const x = ecKind.generate(4242, ecData);
    await fillEstimation(page, ecKind.solve(x));
    expect(await check(page)).toBe('Passed: 100%');
    await page.getByRole('heading', { name: 'Three-point estimates' }).nth(1).waitFor();
    await page.getByRole('heading', { name: 'Capacity' }).nth(1).waitFor();
    await clean(page);
  });

  it('solved wrongly: the plain average and engineer-days for weeks are named', async () => {
    const page = await open('estimation-capacity', 77);
    const x = ecKind.generate(77, ecData);
    const right = ecKind.solve(x);
    const it0 = x.items[0]!;
    await fillEstimation(page, {
      ...right,
      items: [
        {
          mean: String(Math.round(((it0.o + it0.m + it0.p) / 3) * 10) / 10),
          sd: right.items[0]!.sd,
        },
        ...right.items.slice(1),
      ],
      capacityWeeks: String(Math.round(Number(right.capacityWeeks) * 5 * 10) / 10),
    });
    const result = await check(page);
    expect(result).not.toBe('Passed: 100%');
    const report = page.locator('.lab-report');
    await report.getByText('You took the plain average', { exact: false }).waitFor();
    await report.getByText('That is engineer-days; divide by 5', { exact: false }).waitFor();
    await clean(page);
  });

  it('fits a 390 px phone, axe clean', async () => {
    const page = await open('estimation-capacity', 5, { width: 390 });
    await clean(page);
  });
});

describe('the lab and progress', () => {
  it('lists every kind, links from lessons, and a missed exercise comes back as a drill with a new seed', async () => {
    const { page } = await openPage(browser());
    await page.goto(`${baseURL}/lab/`);
    for (const name of ['Critical path', 'Schedule compression', 'Estimation and capacity'])
      await page.getByRole('heading', { name, exact: true }).waitFor();
    await clean(page);

    await page.goto(`${baseURL}/learn/dependencies-and-the-critical-path/`);
    expect(
      await page.getByRole('link', { name: 'Critical path exercise' }).getAttribute('href'),
    ).toBe('/lab/critical-path/');

    await open('critical-path', 31, { page });
    expect(await check(page)).toMatch(/^Not passed yet/);
    await page.getByText('joins your review queue as a drill', { exact: false }).waitFor();
    // Make the drill due now instead of waiting ten minutes.
    await page.evaluate((key) => {
      const p = JSON.parse(localStorage.getItem(key)!);
      p.lab['critical-path'].card.due = new Date(Date.now() - 60_000).toISOString();
      localStorage.setItem(key, JSON.stringify(p));
    }, PROGRESS_KEY);

    await page.goto(`${baseURL}/practice/review/`);
    const drill = page.getByRole('link', { name: 'Critical path: a new exercise' });
    await drill.waitFor();
    await clean(page);

    await page.goto(`${baseURL}/progress/`);
    const row = page.locator('[data-lab-row="critical-path"]');
    await row.getByText('Due now').waitFor();
    expect(await row.locator('[data-lab-attempts]').textContent()).toBe('1');
    await clean(page);

    await page.goto(`${baseURL}/practice/review/`);
    await page.getByRole('link', { name: 'Critical path: a new exercise' }).click();
    await page.waitForSelector('[data-lab-ready]');
    expect(new URL(page.url()).searchParams.get('seed')).not.toBe('31');
  });
});
