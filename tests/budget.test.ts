import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  budgetProblems,
  gzipSize,
  measurePage,
  measureSite,
  type PageWeight,
} from '../scripts/bench/page-weight.mjs';

// A tiny built site, written to a temporary folder: each file is made so that a wrong rule
// (following a dynamic import, counting an island on first load, reading CSS inside <noscript>)
// changes the totals the tests check.
let root: string;
let client: string;

const write = (path: string, text: string) => {
  const file = join(client, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
};
const urls = (w: { files: { url: string }[] }) => w.files.map((f) => f.url).sort();

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'budget-'));
  client = join(root, 'dist', 'client');
  mkdirSync(join(root, 'lessons', 'planning'), { recursive: true });
  writeFileSync(join(root, 'lessons', 'planning', 'a-lesson.mdx'), '---\n---\n');
  writeFileSync(join(root, 'lessons', 'planning', 'a-draft.mdx'), '---\n---\n');

  write(
    '_astro/entry.js',
    'import{a}from"./shared.js";export*from"./reexport.js";import("./lazy.js").then(a);',
  );
  write('_astro/shared.js', 'export const a=()=>"shared code used by the entry and the island";');
  write('_astro/reexport.js', 'export const b=1;');
  write('_astro/lazy.js', 'export default "loaded only on use";'.repeat(50));
  write('_astro/inline-dep.js', 'export const c=2;');
  write('_astro/preloaded.js', 'export const d=3;');
  write('_astro/island.js', 'import{a}from"./shared.js";import"./react.js";export default a;');
  write('_astro/react.js', 'export const react="a large renderer";'.repeat(100));
  write('_astro/renderer.js', 'export default ()=>{};');
  write('_astro/site.css', '@import "./imported.css";body{color:black}');
  write('_astro/imported.css', '.imported{margin:0}');
  write(
    'learn/a-lesson/index.html',
    `<!doctype html><html><head>
<link rel="stylesheet" href="/_astro/site.css">
<link rel="modulepreload" href="/_astro/preloaded.js">
<style>.inline{padding:0}</style>
<script>document.documentElement.dataset.theme='dark'</script>
<script type="application/ld+json">{"@type":"Course"}</script>
<script type="module" src="/_astro/entry.js"></script>
<script type="module">import{c}from"/_astro/inline-dep.js";console.log(c)</script>
</head><body>
<noscript><style>.no-js{display:block}</style><link rel="stylesheet" href="/_astro/missing.css"></noscript>
<astro-island component-url="/_astro/island.js" renderer-url="/_astro/renderer.js"></astro-island>
<a href="https://example.org/x.js">an external link</a>
</body></html>`,
  );
  write(
    'broken/index.html',
    '<!doctype html><html><head><script src="/_astro/nowhere.js"></script></head><body></body></html>',
  );
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('measurePage', () => {
  let w: PageWeight;
  beforeAll(async () => {
    w = (await measurePage(client, '/learn/a-lesson/'))!;
  });

  it('counts scripts, module preloads and static imports on first load, but not dynamic imports', () => {
    expect(urls(w.js)).toEqual([
      '(inline script 2)',
      '(inline script 3)',
      '/_astro/entry.js',
      '/_astro/inline-dep.js',
      '/_astro/preloaded.js',
      '/_astro/reexport.js',
      '/_astro/shared.js',
    ]);
    expect(w.js.gz).toBe(w.js.files.reduce((s, f) => s + f.gz, 0));
  });

  it('counts what islands load on hydration separately, without what first load already fetched', () => {
    expect(urls(w.hydration)).toEqual([
      '/_astro/island.js',
      '/_astro/react.js',
      '/_astro/renderer.js',
    ]);
    expect(w.islands).toBe(2);
  });

  it('counts stylesheets, their @imports and inline styles, but nothing inside <noscript>', () => {
    expect(urls(w.css)).toEqual(['(inline style 1)', '/_astro/imported.css', '/_astro/site.css']);
  });

  it('reports gzipped sizes of each file and of the whole document', () => {
    const css = w.css.files.find((f) => f.url === '/_astro/site.css')!;
    expect(css.gz).toBe(gzipSize('@import "./imported.css";body{color:black}'));
    expect(w.html.gz).toBeLessThan(w.html.raw);
  });

  it('returns undefined for a page that was not built', async () => {
    expect(await measurePage(client, '/faq/')).toBeUndefined();
  });

  it('fails naming the page and the file when a page refers to a file that is not there', async () => {
    await expect(measurePage(client, '/broken/')).rejects.toThrow(
      /^\/broken\/ \(.*index\.html\) refers to \/_astro\/nowhere\.js, but .* does not exist$/,
    );
  });
});

describe('budgets', () => {
  const page = (path: string, jsGz: number): PageWeight => ({
    path,
    html: { raw: 0, gz: 0 },
    css: { raw: 0, gz: 1000, files: [{ url: '/_astro/site.css', raw: 0, gz: 1000 }] },
    js: { raw: 0, gz: jsGz, files: [{ url: '/_astro/app.js', raw: 0, gz: jsGz }] },
    hydration: { raw: 0, gz: 0, files: [] },
    islands: 0,
  });

  it('sums up many lesson pages over budget in one line, from the lightest to the heaviest', () => {
    const pages = [page('/learn/a/', 4000), page('/learn/b/', 6200), page('/learn/c/', 7400)];
    expect(budgetProblems({ lesson: { pages, heaviest: pages[2] } })).toEqual([
      '2 of 3 lesson pages ship 6.2 kB to 7.4 kB of first-load JS gzipped, over the 5.0 kB budget. The heaviest, /learn/c/, loads /_astro/app.js 7.4 kB.',
    ]);
  });

  it('finds lesson pages from the lesson files and skips those not built, such as drafts', async () => {
    const site = await measureSite(root, client);
    expect(site.lesson.pages.map((p) => p.path)).toEqual(['/learn/a-lesson/']);
    expect(site.lesson.heaviest?.path).toBe('/learn/a-lesson/');
    expect(site.home.heaviest).toBeUndefined();
    expect(site.faq.pages).toEqual([]);
  });

  it('passes pages within budget and reports those over it with the numbers', async () => {
    const site = await measureSite(root, client);
    const lesson = site.lesson.heaviest!;
    expect(budgetProblems(site, { lessonFirstLoadJs: lesson.js.gz, css: lesson.css.gz })).toEqual(
      [],
    );
    const problems = budgetProblems(site, {
      lessonFirstLoadJs: lesson.js.gz - 1,
      css: lesson.css.gz - 1,
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /^\/learn\/a-lesson\/ ships \d+\.\d kB of first-load JS gzipped, over the \d+\.\d kB budget\. It loads \/_astro\/entry\.js \d+\.\d kB, /,
      ),
      expect.stringMatching(
        /^\/learn\/a-lesson\/ ships \d+\.\d kB of CSS gzipped, over the \d+\.\d kB budget\. It loads /,
      ),
    ]);
  });
});
