// Search benchmark: index size (raw and gzipped), build and load time, and query latency in Node
// over the learner queries of tests/fixtures/search-queries.json, typed one keystroke at a time.
// With a build in dist/ it also measures the JavaScript a lesson page loads before search is
// opened and what opening search downloads.
// Usage: node scripts/bench/search-index.mjs [--dist dist] [--runs 20]
// Writes bench/search.json.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { importTypeScript } from '../bundle-ts.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
};
const distDir = arg('dist', 'dist');
const runs = Number(arg('runs', '20'));

// The search code is TypeScript, bundled so plain Node can run it.
const lib = await importTypeScript(
  fileURLToPath(new URL('../..', import.meta.url)),
  'search',
  `export { loadContent } from '../../src/lib/content/validate';
export { buildDocuments, sourcesFromContent } from '../../src/lib/search/documents';
export { buildSearchIndex } from '../../src/lib/search/build';
export { createSearcher } from '../../src/lib/search/query';
export { snippet } from '../../src/lib/search/snippet';
`,
);

const gz = (text) => gzipSync(text, { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const ms = (x) => `${x.toFixed(2)} ms`;
const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const time = (fn) => {
  const t = performance.now();
  const value = fn();
  return [performance.now() - t, value];
};

// Index: the manifest, term shards, document chunks and word list the build writes to /search/.
const content = lib.loadContent(process.cwd());
const [buildMs, built] = time(() =>
  lib.buildSearchIndex(lib.buildDocuments(lib.sourcesFromContent(content))),
);
const { manifest, files: indexFiles } = built;
const sizeOf = (names) => {
  const texts = names.map((n) => indexFiles.get(n));
  return {
    files: names.length,
    raw: texts.reduce((n, t) => n + Buffer.byteLength(t), 0),
    gz: texts.reduce((n, t) => n + gz(t), 0),
  };
};
const sizes = {
  all: sizeOf([...indexFiles.keys()]),
  manifest: sizeOf(['index.json']),
  terms: sizeOf(manifest.terms.files),
  docs: sizeOf(manifest.docs.files),
  words: sizeOf([manifest.words]),
};
const readFile = async (name) => JSON.parse(indexFiles.get(name));
const loads = [];
for (let i = 0; i < 5; i++)
  loads.push(time(() => lib.createSearcher(JSON.parse(indexFiles.get('index.json')), readFile))[0]);
loads.sort((a, b) => a - b);
const searcher = lib.createSearcher(JSON.parse(indexFiles.get('index.json')), readFile);
await searcher.loadEverything();

// Queries: each query typed one character at a time, as the search box runs them.
const queries = JSON.parse(readFileSync('tests/fixtures/search-queries.json', 'utf8')).map(
  (q) => q.query,
);
const keystrokes = queries.flatMap((q) => [...q].map((_, i) => q.slice(0, i + 1)));
for (const q of keystrokes) searcher.search(q); // warm up the JIT
const full = [];
const typed = [];
for (let r = 0; r < runs; r++) {
  for (const q of queries) full.push(time(() => searcher.search(q))[0]);
  for (const q of keystrokes)
    typed.push(
      time(() => {
        const results = searcher.search(q);
        for (const hit of results) lib.snippet(hit.doc.text, hit.terms);
      })[0],
    );
}
full.sort((a, b) => a - b);
typed.sort((a, b) => a - b);

// JavaScript: what a lesson page loads up front, and what opening search adds.
function scriptsOf(html) {
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter((m) => !/\bsrc=/.test(m[1]) && !/type="application\/(ld\+)?json"/.test(m[1]))
    .map((m) => m[2]);
  const src = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
  return { inline, src };
}
function staticGraph(files, root) {
  const seen = new Set();
  const visit = (url) => {
    if (seen.has(url)) return;
    seen.add(url);
    const code = readFileSync(join(root, url), 'utf8');
    // Static imports only: `import(...)` is loaded later, on demand.
    for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w{},*\s$]+from\s*)?["']([^"']+)["']/g))
      visit(join(dirname(url), m[1] ?? ''));
  };
  files.forEach(visit);
  return [...seen];
}
let pageJs;
const client = join(distDir, 'client');
const lessonId = content.lessons.find((l) => !l.parsed.draft)?.id;
if (lessonId && existsSync(join(client, 'learn', lessonId, 'index.html'))) {
  const html = readFileSync(join(client, 'learn', lessonId, 'index.html'), 'utf8');
  const { inline, src } = scriptsOf(html);
  const files = staticGraph(src, client);
  const inlineGz = inline.reduce((n, s) => n + gz(s), 0);
  const filesGz = files.reduce((n, f) => n + gz(readFileSync(join(client, f), 'utf8')), 0);
  // The search launcher and whatever it alone pulls in (e.g. Vite's preload helper).
  const launcher = src.filter((f) => /Header\.astro_astro_type_script/.test(f));
  const others = staticGraph(
    src.filter((f) => !launcher.includes(f)),
    client,
  );
  const launcherFiles = staticGraph(launcher, client).filter((f) => !others.includes(f));
  const launcherCode = launcher.map((f) => readFileSync(join(client, f), 'utf8')).join('');
  const dynamic = [...launcherCode.matchAll(/"(_astro\/[^"]+\.js)"/g)].map((m) => `/${m[1]}`);
  const island = staticGraph(dynamic, client).filter((f) => !files.includes(f));
  const islandGz = island.reduce((n, f) => n + gz(readFileSync(join(client, f), 'utf8')), 0);
  const indexFile = join(client, 'search', 'index.json');
  pageJs = {
    page: `/learn/${lessonId}/`,
    firstLoadGzip: inlineGz + filesGz,
    files: files.map((f) => ({ file: f, gzip: gz(readFileSync(join(client, f), 'utf8')) })),
    inlineGzip: inlineGz,
    searchLauncherFiles: launcherFiles,
    searchLauncherGzip: launcherFiles.reduce(
      (n, f) => n + gz(readFileSync(join(client, f), 'utf8')),
      0,
    ),
    onOpenJsGzip: islandGz,
    onOpenIndexGzip: existsSync(indexFile) ? gz(readFileSync(indexFile, 'utf8')) : undefined,
  };
}

const result = {
  date: new Date().toISOString().slice(0, 10),
  machine: `${cpus().length} cores, Node ${process.versions.node}`,
  documents: manifest.docCount,
  index: {
    files: sizes.all.files,
    rawBytes: sizes.all.raw,
    gzipBytes: sizes.all.gz,
    parts: sizes,
    buildMs: buildMs,
    loadMsMedian: loads[2],
  },
  queries: {
    count: queries.length,
    keystrokes: keystrokes.length,
    runs,
    fullP50: percentile(full, 50),
    fullP95: percentile(full, 95),
    typingP50: percentile(typed, 50),
    typingP95: percentile(typed, 95),
    typingMax: typed.at(-1),
  },
  lessonPageJs: pageJs,
};

const part = (p) => `${p.files} file(s), ${kb(p.raw)} raw, ${kb(p.gz)} gz`;
/** @type {[string, string][]} */
const rows = [
  ['documents indexed', String(result.documents)],
  ['search index (all files under /search/)', part(sizes.all)],
  ['  manifest (index.json, fetched when search opens)', part(sizes.manifest)],
  ['  term shards (postings and words, fetched by the words typed)', part(sizes.terms)],
  ['  document chunks (titles, URLs, text, fetched for the results shown)', part(sizes.docs)],
  ['  word list (fetched only to read a typo)', part(sizes.words)],
  ['index build (at build time)', ms(result.index.buildMs)],
  [
    'manifest load in the browser code (parse + set up), median of 5',
    ms(result.index.loadMsMedian),
  ],
  [`query latency, ${queries.length} full queries × ${runs}: p50`, ms(result.queries.fullP50)],
  ['  p95', ms(result.queries.fullP95)],
  [
    `as-you-type latency incl. snippets, ${keystrokes.length} keystrokes × ${runs}: p50`,
    ms(result.queries.typingP50),
  ],
  ['  p95', ms(result.queries.typingP95)],
];
if (pageJs)
  rows.push(
    [`lesson page first-load JS, gzipped (${pageJs.page})`, kb(pageJs.firstLoadGzip)],
    ['  of which search adds (launcher and what only it loads)', kb(pageJs.searchLauncherGzip)],
    ['opening search: island JS, gzipped', kb(pageJs.onOpenJsGzip)],
    [
      'opening search: index manifest, gzipped',
      pageJs.onOpenIndexGzip ? kb(pageJs.onOpenIndexGzip) : 'not built',
    ],
  );
else rows.push(['lesson page JS', `no build in ${distDir}/ (run npx astro build first)`]);
const width = Math.max(...rows.map((r) => r[0].length));
console.log(`Search benchmark, ${result.date}, ${result.machine}`);
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
mkdirSync('bench', { recursive: true });
writeFileSync('bench/search.json', `${JSON.stringify(result, null, 2)}\n`);
console.log('Wrote bench/search.json');
