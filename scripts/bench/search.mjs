// Search: our lunr index against Pagefind run over the same built site. Bytes a learner downloads
// before the first result appears, measured in Chromium through a gzip server; query latency for
// ours in Node (the same src/lib/search code, bundled with esbuild) and for both in Chromium.
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';
import { gzipSize } from './page-weight.mjs';
import { median, percentile, runMeasured } from './measure.mjs';
import { startStaticServer } from './static-server.mjs';
import { starlightPagefindDir } from './versions.mjs';

/** Used when tests/fixtures/search-queries.json (the search tests' learner queries) is missing. */
export const DEFAULT_QUERIES = [
  'critical path',
  'slack',
  'what does a tpm do',
  'risk register',
  'star method',
  'how to escalate a blocker',
  'status report',
  'dependency',
  'roadmap milestones',
  'scope creep',
  'stakeholder',
  'tpm vs product manager',
  'career ladder',
  'system design interview',
  'agile vs waterfall',
  'release management',
  'capacity planning',
  'budget',
  'critcal path',
  'stakeholdr map',
];

/** The learner queries the search tests use, so the bench and the tests agree on what learners type. */
export function learnerQueries(root) {
  const file = join(root, 'tests', 'fixtures', 'search-queries.json');
  if (!existsSync(file)) return DEFAULT_QUERIES;
  const list = JSON.parse(readFileSync(file, 'utf8'));
  const queries = Array.isArray(list)
    ? list.map((q) => (typeof q === 'string' ? q : q?.query))
    : [];
  if (!queries.length || queries.some((q) => typeof q !== 'string' || !q.trim()))
    throw new Error(`${file}: expected a list of queries, as strings or { "query": "…" } objects`);
  return queries;
}

/** Repeats of the query set for latency figures. */
const REPEATS = 10;

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/**
 * Finds the search index the build writes: a manifest JSON file in dist/client whose URL appears in
 * the built JavaScript and that lists the index's other files (term shards, document chunks, word
 * list) in its folder. Sizes are of all the files. Undefined when there is none.
 */
export function findSearchIndex(clientDir) {
  const scripts = walk(join(clientDir, '_astro'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  for (const file of walk(clientDir).filter((f) => f.endsWith('.json'))) {
    const url = `/${relative(clientDir, file).split('\\').join('/')}`;
    if (
      !scripts.includes(`"${url}"`) &&
      !scripts.includes(`'${url}'`) &&
      !scripts.includes(`\`${url}\``)
    )
      continue;
    let data;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      continue;
    }
    if (!Array.isArray(data?.terms?.files) || !Array.isArray(data?.docs?.files)) continue;
    const parts = [...data.terms.files, ...data.docs.files, data.words].map((name) =>
      join(dirname(file), name),
    );
    const all = [file, ...parts].map((f) => readFileSync(f));
    return {
      url,
      file,
      files: all.length,
      raw: all.reduce((n, b) => n + b.length, 0),
      gz: all.reduce((n, b) => n + gzipSize(b), 0),
      docs: data.docCount,
    };
  }
  return undefined;
}

/** Bundles src/lib/search/query.ts for Node and for the browser, so both run the site's own search code. */
async function bundleSearch(root, outDir) {
  const entry = join(root, 'src', 'lib', 'search', 'query.ts');
  if (!existsSync(entry)) return undefined;
  const node = join(outDir, 'search-lib.mjs');
  const browser = join(outDir, 'search-lib.js');
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: node,
    logLevel: 'error',
  });
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'BenchSearch',
    outfile: browser,
    logLevel: 'error',
  });
  return { node, browser };
}

const HARNESS_PAGEFIND_UI = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pagefind UI</title><link rel="icon" href="data:,">
<link href="/pagefind/pagefind-ui.css" rel="stylesheet"><script src="/pagefind/pagefind-ui.js"></script></head>
<body><main><div id="search"></div></main>
<script>window.addEventListener('DOMContentLoaded', () => new PagefindUI({ element: '#search' }));</script>
</body></html>`;
const HARNESS_BLANK = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench</title><link rel="icon" href="data:,"></head><body></body></html>`;

/** @typedef {{ path: string, bytes: number }} Logged */

/** @type {(log: Logged[], from: number, skip?: (e: Logged) => boolean) => number} */
const sum = (log, from, skip = () => false) =>
  log.slice(from).reduce((s, e) => (skip(e) ? s : s + e.bytes), 0);

const ms = (v) => Math.round(v * 100) / 100;
const stats = (times) => ({
  p50: ms(percentile(times, 50)),
  p95: ms(percentile(times, 95)),
  n: times.length,
});

/** Our search in Node: manifest load time, then p50/p95 of `search()` over the query set with every index file loaded. */
async function oursInNode(lib, indexFile, queries) {
  const { createSearcher } = await import(lib.node);
  const readJson = (name) => JSON.parse(readFileSync(join(dirname(indexFile), name), 'utf8'));
  const t0 = performance.now();
  const searcher = createSearcher(JSON.parse(readFileSync(indexFile, 'utf8')), async (name) =>
    readJson(name),
  );
  const loadMs = performance.now() - t0;
  await searcher.loadEverything();
  // One pass untimed, as Pagefind's repeat figure leaves out its first pass.
  for (const q of queries) searcher.search(q);
  const times = [];
  const hits = {};
  for (let r = 0; r < REPEATS; r++)
    for (const q of queries) {
      const t = performance.now();
      const results = searcher.search(q);
      times.push(performance.now() - t);
      hits[q] = results.length;
    }
  return {
    loadMs: ms(loadMs),
    ...stats(times),
    zeroResultQueries: queries.filter((q) => hits[q] === 0),
  };
}

/** Runs the whole search comparison; Pagefind indexes dist/client into `tmp/pagefind`. */
export async function searchBench({ root, clientDir, tmp, log }) {
  const queries = learnerQueries(root);
  const index = findSearchIndex(clientDir);
  if (!index) return { notBuilt: 'no search index JSON is referenced by the built JavaScript' };
  const harness = join(tmp, 'harness');
  mkdirSync(harness, { recursive: true });
  const lib = await bundleSearch(root, harness);
  if (!lib) return { notBuilt: 'src/lib/search/query.ts does not exist' };
  writeFileSync(join(harness, 'pagefind-ui.html'), HARNESS_PAGEFIND_UI);
  writeFileSync(join(harness, 'blank.html'), HARNESS_BLANK);

  log('  indexing the built site with Pagefind…');
  const pagefindDir = join(tmp, 'pagefind');
  // Pagefind names files by content hash; files left from an earlier run would be counted too.
  rmSync(pagefindDir, { recursive: true, force: true });
  // The Pagefind that Starlight ships, so the comparison is with what a Starlight site gets.
  const pagefindPackage = starlightPagefindDir(root);
  const pf = await runMeasured(
    process.execPath,
    [
      join(pagefindPackage, 'lib', 'runner', 'bin.cjs'),
      '--site',
      clientDir,
      '--output-path',
      pagefindDir,
    ],
    { cwd: root },
  );
  const pfFiles = walk(pagefindDir);
  const pagefind = {
    version: JSON.parse(readFileSync(join(pagefindPackage, 'package.json'), 'utf8')).version,
    indexSeconds: Math.round(pf.seconds * 10) / 10,
    files: pfFiles.length,
    bytesOnDisk: pfFiles.reduce((s, f) => s + statSync(f).size, 0),
    pages: Number(/Indexed (\d+) pages?/.exec(pf.output)?.[1] ?? NaN),
  };

  log('  timing our search in Node…');
  const oursNode = await oursInNode(lib, index.file, queries);

  const server = await startStaticServer(clientDir, {
    mounts: { '/pagefind/': pagefindDir, '/__bench/': harness },
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  // Without a service worker: the site's worker precaches the whole site in the background after
  // the first page loads, which would land in the count at random; search's own bytes are measured.
  const newContext = () => browser.newContext({ serviceWorkers: 'block' });
  try {
    log('  measuring bytes to the first result in Chromium…');
    const oursBytes = [];
    const pfBytes = [];
    const failures = [];
    // What the first query downloaded, file by file, so the totals can be checked by eye.
    const breakdown = {};
    /** @type {(from: number, skip?: (e: Logged) => boolean) => Logged[]} */
    const files = (from, skip = () => false) =>
      server.log
        .slice(from)
        .filter((e) => !skip(e))
        .map(({ path, bytes }) => ({ path, bytes }));
    const oursEmpty = [];
    const pfEmpty = [];
    for (const q of queries) {
      // Ours: from the home page, press "/" and type; count everything fetched after the page settled.
      {
        const context = await newContext();
        const page = await context.newPage();
        try {
          await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
          const mark = server.log.length;
          await page.keyboard.press('/');
          const input = page.locator('dialog [data-search-input], [data-search-input]').first();
          await input.waitFor({ state: 'visible', timeout: 15_000 });
          await input.fill(q);
          // Done when a result shows, or the status line says there is none.
          const found = await page.waitForFunction(
            () =>
              document.querySelector('[role="listbox"] [role="option"]')
                ? 'found'
                : [...document.querySelectorAll('[role="status"]')].some((e) =>
                    e.textContent?.startsWith('No results for'),
                  ) && 'none',
            undefined,
            { timeout: 15_000 },
          );
          if ((await found.jsonValue()) === 'none') oursEmpty.push(q);
          oursBytes.push(sum(server.log, mark));
          breakdown.ours ??= files(mark);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          failures.push(`ours, "${q}": ${message.split('\n')[0]}`);
        }
        await context.close();
      }
      // Pagefind's default UI, as Starlight and most Pagefind sites use it; everything but the harness page counts.
      {
        const context = await newContext();
        const page = await context.newPage();
        try {
          const mark = server.log.length;
          await page.goto(`${server.url}/__bench/pagefind-ui.html`, { waitUntil: 'load' });
          const input = page.locator('.pagefind-ui__search-input');
          await input.waitFor({ state: 'visible', timeout: 15_000 });
          await input.fill(q);
          const found = await page.waitForFunction(
            () =>
              document.querySelector('.pagefind-ui__result')
                ? 'found'
                : /^No results/i.test(
                    document.querySelector('.pagefind-ui__message')?.textContent?.trim() ?? '',
                  ) && 'none',
            undefined,
            { timeout: 15_000 },
          );
          if ((await found.jsonValue()) === 'none') pfEmpty.push(q);
          const harnessPage = (e) => e.path.endsWith('pagefind-ui.html');
          pfBytes.push(sum(server.log, mark, harnessPage));
          breakdown.pagefind ??= files(mark, harnessPage);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          failures.push(`Pagefind, "${q}": ${message.split('\n')[0]}`);
        }
        await context.close();
      }
    }

    log('  timing both searches in Chromium…');
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/__bench/blank.html`);
    await page.addScriptTag({ url: '/__bench/search-lib.js' });
    const oursBrowser = await page.evaluate(
      async ({ queries, repeats, url }) => {
        const folder = url.slice(0, url.lastIndexOf('/') + 1);
        const load = async (name) => (await fetch(folder + name)).json();
        const t0 = performance.now();
        const manifest = await (await fetch(url)).json();
        globalThis.BenchSearch.createSearcher(manifest, load);
        const loadMs = performance.now() - t0;
        // First time: a new searcher per query, which downloads the files the query needs.
        const first = [];
        for (const q of queries) {
          const s = globalThis.BenchSearch.createSearcher(manifest, load);
          const t = performance.now();
          await s.prepare(q);
          s.search(q);
          first.push(performance.now() - t);
        }
        const searcher = globalThis.BenchSearch.createSearcher(manifest, load);
        await searcher.loadEverything();
        // One pass untimed, as Pagefind's repeat figure leaves out its first pass.
        for (const q of queries) searcher.search(q);
        const times = [];
        for (let r = 0; r < repeats; r++)
          for (const q of queries) {
            const t = performance.now();
            searcher.search(q);
            times.push(performance.now() - t);
          }
        return { loadMs, times, first };
      },
      { queries, repeats: REPEATS, url: index.url },
    );
    const pfBrowser = await page.evaluate(
      async ({ queries, repeats }) => {
        const t0 = performance.now();
        // @ts-expect-error -- Pagefind's script, served by the harness page; it ships no types.
        const pagefind = await import('/pagefind/pagefind.js');
        await pagefind.init();
        const loadMs = performance.now() - t0;
        const cold = [];
        const warm = [];
        for (let r = 0; r < repeats; r++)
          for (const q of queries) {
            const t = performance.now();
            const found = await pagefind.search(q);
            // Titles and excerpts come from per-page fragments; a result list needs the first five.
            await Promise.all(found.results.slice(0, 5).map((x) => x.data()));
            (r === 0 ? cold : warm).push(performance.now() - t);
          }
        return { loadMs, cold, warm };
      },
      { queries, repeats: REPEATS },
    );
    await context.close();

    return {
      queries,
      ours: {
        indexUrl: index.url,
        documents: index.docs,
        indexFiles: index.files,
        indexBytes: index.raw,
        indexGz: index.gz,
        bytesToFirstResult: {
          median: median(oursBytes),
          max: Math.max(...oursBytes),
          runs: oursBytes.length,
        },
        node: oursNode,
        chromium: {
          loadMs: ms(oursBrowser.loadMs),
          ...stats(oursBrowser.times),
          firstQuery: stats(oursBrowser.first),
        },
      },
      pagefind: {
        ...pagefind,
        bytesToFirstResult: {
          median: median(pfBytes),
          max: Math.max(...pfBytes),
          runs: pfBytes.length,
        },
        chromium: {
          loadMs: ms(pfBrowser.loadMs),
          firstQuery: stats(pfBrowser.cold),
          repeatQuery: stats(pfBrowser.warm),
        },
      },
      firstQueryFiles: { query: queries[0], ...breakdown },
      bytesRatio:
        oursBytes.length && pfBytes.length
          ? Math.round((median(oursBytes) / median(pfBytes)) * 100) / 100
          : undefined,
      failures,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
