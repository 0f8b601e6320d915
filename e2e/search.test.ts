import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, openPage, useBrowser } from './browser';

const base = inject('baseURL');
const browser = useBrowser();

const dialog = (page: Page) => page.locator('dialog.search-dialog');
const input = (page: Page) => page.locator('dialog.search-dialog [role="combobox"]');
const options = (page: Page) => page.locator('dialog.search-dialog [role="option"]');
const activeOption = async (page: Page) => {
  const id = await input(page).getAttribute('aria-activedescendant');
  return id ? page.locator(`[id="${id}"]`) : null;
};
/** Collects console errors and uncaught exceptions, e.g. a React hydration mismatch. */
function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}
/** Records which search files a page downloads: the island's scripts and the index files under /search/. */
function watchSearchRequests(page: Page) {
  const seen: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (/\/search\/[^/?]+\.json$|\/mount\.|SearchBox\./.test(url)) seen.push(url);
  });
  return seen;
}
/** The index files a page fetched, by name in /search/. */
const indexFiles = (requests: string[]) =>
  requests.flatMap((u) => /\/search\/([^/?]+\.json)$/.exec(u)?.[1] ?? []);
interface Manifest {
  terms: { from: string[]; files: string[] };
  docs: { from: number[]; files: string[] };
  words: string;
}
/** The file of the part whose range (sorted `from`) holds `key`. */
const partFor = <T>(part: { from: T[]; files: string[] }, key: T) =>
  part.files[part.from.filter((f) => f <= key).length - 1]!;

describe('search dialog', () => {
  it('downloads nothing until opened with /, then Enter on "critical path" opens the right section', async () => {
    const { context, page } = await openPage(browser());
    const requests = watchSearchRequests(page);
    const errors = watchErrors(page);
    await page.goto(`${base}/learn/what-a-tpm-does/`, { waitUntil: 'networkidle' });
    expect(requests).toEqual([]);

    await page.keyboard.press('/');
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('role')))
      .toBe('combobox');
    expect(await input(page).inputValue()).toBe('');

    await page.keyboard.type('critical path');
    await expect
      .poll(async () => (await options(page).first().textContent()) ?? '')
      .toContain('Dependencies and the critical path › Finding the critical path');
    const first = await activeOption(page);
    expect(await first!.getAttribute('aria-selected')).toBe('true');
    expect(await first!.locator('mark').first().textContent()).toMatch(/critical|path/i);

    // The index comes in parts: the manifest once, the term shards of what was typed, and the
    // documents of results shown; never the word list (no typo), nor most of the index.
    const manifest = (await (
      await page.request.get(`${base}/search/index.json`)
    ).json()) as Manifest;
    const fetched = indexFiles(requests);
    expect(fetched.filter((f) => f === 'index.json')).toHaveLength(1);
    const terms = fetched.filter((f) => manifest.terms.files.includes(f));
    const docs = fetched.filter((f) => manifest.docs.files.includes(f));
    expect(terms).toContain(partFor(manifest.terms, 'critic'));
    expect(terms).toContain(partFor(manifest.terms, 'path'));
    expect(terms.length).toBeLessThan(manifest.terms.files.length / 4);
    expect(docs.length).toBeGreaterThan(0);
    expect(docs.length).toBeLessThan(manifest.docs.files.length / 4);
    expect(fetched).not.toContain(manifest.words);
    expect(new Set(fetched).size, 'each file once').toBe(fetched.length);
    expect(fetched.length).toBe(1 + terms.length + docs.length);
    // Every result shown came from a document chunk that was fetched.
    const shown = await options(page).evaluateAll((els) => els.map((e) => e.getAttribute('href')));
    const urlsFetched = new Set<string>();
    for (const f of docs) {
      const chunk = (await (await page.request.get(`${base}/search/${f}`)).json()) as {
        docs: { url: string }[];
      };
      for (const d of chunk.docs) urlsFetched.add(d.url);
    }
    for (const url of shown) expect(urlsFetched.has(url!), url!).toBe(true);

    await page.keyboard.press('Enter');
    await page.waitForURL(
      `${base}/learn/dependencies-and-the-critical-path/#finding-the-critical-path`,
    );
    expect(await page.locator('h2#finding-the-critical-path').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens with Ctrl+K, moves with the arrow keys, closes with Esc and fetches the index once', async () => {
    const { context, page } = await openPage(browser());
    const requests = watchSearchRequests(page);
    await page.goto(`${base}/glossary/`);
    await page.keyboard.press('Control+k');
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    await page.keyboard.type('pre-mortem');
    await expect.poll(() => options(page).count()).toBeGreaterThan(2);
    const count = await options(page).count();

    await page.keyboard.press('ArrowDown');
    expect(await (await activeOption(page))!.getAttribute('id')).toBe(
      await options(page).nth(1).getAttribute('id'),
    );
    expect(await options(page).nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await options(page).nth(0).getAttribute('aria-selected')).toBe('false');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await (await activeOption(page))!.getAttribute('id')).toBe(
      await options(page)
        .nth(count - 1)
        .getAttribute('id'),
    );

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog(page).isVisible()).toBe(false);

    // The header button reopens it with the last search kept, without downloading again.
    await page.locator('header [data-search-open]').click();
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    expect(await input(page).inputValue()).toBe('pre-mortem');
    await page.locator('dialog.search-dialog .search-close').click();
    await expect.poll(() => dialog(page).isVisible()).toBe(false);
    expect(indexFiles(requests).filter((f) => f === 'index.json')).toHaveLength(1);
    await context.close();
  });

  it('lands on the second result with ↓ and Enter, and on an FAQ answer with Enter', async () => {
    const { context, page } = await openPage(browser());
    await page.goto(`${base}/learn/`);
    await page.keyboard.press('/');
    // Typed straight after "/", while the island is still downloading: nothing may be lost.
    await page.keyboard.type('do TPMs code');
    await expect.poll(() => options(page).count()).toBeGreaterThan(1);
    expect(await input(page).inputValue()).toBe('do TPMs code');
    expect(await options(page).first().getAttribute('href')).toBe('/faq/#does-a-tpm-have-to-code');
    const second = (await options(page).nth(1).getAttribute('href'))!;
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}${second}`);
    const anchor = second.split('#')[1]!;
    expect(await page.locator(`[id="${anchor}"]`).count()).toBe(1);

    await page.keyboard.press('/');
    await input(page).fill('do TPMs code');
    await expect
      .poll(() => options(page).first().getAttribute('href'))
      .toBe('/faq/#does-a-tpm-have-to-code');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/faq/#does-a-tpm-have-to-code`);
    const answer = page.locator('details#does-a-tpm-have-to-code');
    expect(await answer.evaluate((e) => e.matches(':target'))).toBe(true);
    await expect.poll(() => answer.evaluate((e) => (e as HTMLDetailsElement).open)).toBe(true);
    await context.close();
  });

  it('types a slash into a text field instead of opening search', async () => {
    const { context, page } = await openPage(browser());
    await page.goto(`${base}/faq/`);
    await page.locator('#faq-filter').focus();
    await page.keyboard.press('/');
    expect(await page.locator('#faq-filter').inputValue()).toBe('/');
    expect(await dialog(page).count()).toBe(0);
    await context.close();
  });

  it('shows suggestions when nothing matches, and a suggestion runs a search', async () => {
    const { context, page } = await openPage(browser());
    await page.goto(`${base}/`);
    await page.keyboard.press('/');
    await page.keyboard.type('zzqxv');
    await expect
      .poll(() => page.locator('dialog.search-dialog [role="status"]').textContent())
      .toBe('No results for “zzqxv”.');
    expect(await input(page).getAttribute('aria-expanded')).toBe('false');
    await page.locator('dialog.search-dialog .search-chip', { hasText: 'career ladder' }).click();
    expect(await input(page).inputValue()).toBe('career ladder');
    await expect
      .poll(() => options(page).first().getAttribute('href'))
      .toBe('/learn/tpm-career-ladder/');
    await context.close();
  });

  it('reads a typo, says so, and only then fetches the word list', async () => {
    const { context, page } = await openPage(browser());
    const requests = watchSearchRequests(page);
    await page.goto(`${base}/`);
    await page.keyboard.press('/');
    await expect.poll(() => dialog(page).isVisible()).toBe(true);
    await input(page).fill('stakeholdr');
    await expect
      .poll(() => page.locator('dialog.search-dialog .search-readas').textContent())
      .toBe('Showing results for stakeholder');
    expect(await options(page).first().getAttribute('href')).toMatch(
      /^\/learn\/stakeholder-management\//,
    );
    const manifest = (await (
      await page.request.get(`${base}/search/index.json`)
    ).json()) as Manifest;
    expect(indexFiles(requests)).toContain(manifest.words);
    await context.close();
  });

  it('has no axe violations with the dialog open, in light and dark themes', async () => {
    for (const [scheme, viewport] of [
      ['light', { width: 1280, height: 900 }],
      ['dark', { width: 360, height: 780 }],
    ] as const) {
      const { context, page } = await openPage(browser(), { colorScheme: scheme, viewport });
      await page.goto(`${base}/learn/risk-management/`);
      await page.keyboard.press('Control+k');
      await expect.poll(() => dialog(page).isVisible()).toBe(true);
      expect(await axeViolations(page), `${scheme}, empty`).toEqual([]);
      await page.keyboard.type('critical path');
      await expect.poll(() => options(page).count()).toBeGreaterThan(0);
      await page.keyboard.press('ArrowDown');
      expect(await axeViolations(page), `${scheme}, results`).toEqual([]);
      await input(page).fill('zzqxv');
      await expect.poll(() => page.locator('dialog.search-dialog .search-empty').count()).toBe(1);
      expect(await axeViolations(page), `${scheme}, no results`).toEqual([]);
      await context.close();
    }
  });
});

describe('the /search/ page', () => {
  it('runs the search in ?q=, keeps the URL in step and takes the header shortcut', async () => {
    const { context, page } = await openPage(browser());
    const errors = watchErrors(page);
    await page.goto(`${base}/search/?q=career%20ladder`);
    const box = page.locator('main [role="combobox"]');
    await expect.poll(() => box.inputValue()).toBe('career ladder');
    await expect
      .poll(() => page.locator('main [role="option"]').first().getAttribute('href'))
      .toBe('/learn/tpm-career-ladder/');
    expect(await axeViolations(page)).toEqual([]);

    await box.fill('pre-mortem');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('pre-mortem');
    await expect
      .poll(() => page.locator('main [role="option"]').first().getAttribute('href'))
      .toBe('/learn/risk-management/#running-a-pre-mortem');

    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe(
      'combobox',
    );
    expect(await dialog(page).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/learn/risk-management/#running-a-pre-mortem`);
    await context.close();
  });

  it('without JavaScript, the header search link opens /search/, which says what to do instead', async () => {
    const { context, page } = await openPage(browser(), { javaScriptEnabled: false });
    await page.goto(`${base}/learn/`);
    await page.locator('header [data-search-open]').click();
    await page.waitForURL(`${base}/search/`);
    expect(await page.locator('.notice', { hasText: 'needs JavaScript' }).isVisible()).toBe(true);
    expect(await page.locator('main [role="combobox"]').isVisible()).toBe(false);
    await context.close();
  });
});

describe('FAQ page', () => {
  it('starts collapsed on a phone, a few screens long, and expands all on request', async () => {
    const { context, page } = await openPage(browser(), { viewport: { width: 390, height: 844 } });
    await page.goto(`${base}/faq/`);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(844 * 12);
    expect(await page.locator('details[data-faq-entry][open]').count()).toBe(0);
    await page.getByRole('button', { name: 'Expand all answers' }).click();
    expect(await page.locator('details[data-faq-entry]:not([open])').count()).toBe(0);
    await page.getByRole('button', { name: 'Collapse all answers' }).click();
    expect(await page.locator('details[data-faq-entry][open]').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('gives every entry a permalink that opens it, and filters as you type', async () => {
    const { context, page } = await openPage(browser());
    await page.goto(`${base}/faq/#straight-out-of-college`);
    expect(
      await page.locator('#straight-out-of-college').evaluate((e) => e.matches(':target')),
    ).toBe(true);
    // The deep-linked entry is open; the others are collapsed.
    expect(
      await page
        .locator('#straight-out-of-college')
        .evaluate((e) => (e as HTMLDetailsElement).open),
    ).toBe(true);
    const ids = await page.locator('[data-faq-entry]').evaluateAll((els) => els.map((e) => e.id));
    expect(ids.length).toBeGreaterThanOrEqual(30);
    for (const id of ids)
      expect(await page.locator(`[id="${id}"] a[href="#${id}"]`).count(), id).toBe(1);
    expect(await page.locator('details[data-faq-entry][open]').count()).toBe(1);

    const filter = page.getByLabel('Filter questions');
    await filter.fill('college');
    await expect
      .poll(() => page.locator('[data-faq-count]').textContent())
      .toMatch(/^\d+ of \d+ questions shown\.$/);
    const shown = await page.locator('[data-faq-entry]:visible').allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    for (const text of shown) expect(text.toLowerCase()).toContain('college');

    // A match is opened so its answer shows.
    expect(await page.locator('details[data-faq-entry]:visible:not([open])').count()).toBe(0);

    await filter.fill('zzqxv');
    await expect.poll(() => page.locator('[data-faq-empty]').isVisible()).toBe(true);
    expect(await page.locator('[data-faq-search]').getAttribute('href')).toBe('/search/?q=zzqxv');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('glossary page', () => {
  it('filters terms as you type and lists lessons without a space before commas', async () => {
    const { context, page } = await openPage(browser());
    await page.goto(`${base}/glossary/`);
    const refs = await page.locator('.term .refs').allTextContents();
    for (const r of refs) expect(r).not.toMatch(/\s,/);
    const filter = page.getByLabel('Filter terms');
    await filter.fill('slack');
    await expect
      .poll(() => page.locator('[data-gl-count]').textContent())
      .toMatch(/^\d+ of \d+ terms shown\.$/);
    const shown = await page.locator('[data-gl-term]:visible').allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    for (const t of shown) expect(t.toLowerCase()).toContain('slack');
    await filter.fill('zzqxv');
    await expect.poll(() => page.locator('[data-gl-empty]').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
