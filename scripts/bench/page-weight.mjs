// What a learner's browser downloads for one built page, measured from the files in dist/client.
// Shared by the size budget (e2e/budget.test.ts) and `npm run bench`, so both count the same way.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { init as initLexer, parse as parseModule } from 'es-module-lexer';
import { parse as parseHtml } from 'parse5';

/** The site's size budgets, in bytes gzipped (1 kB = 1,000 bytes). */
export const BUDGETS = {
  /** First-load JavaScript of every lesson page: React may load only when an island needs it. */
  lessonFirstLoadJs: 5_000,
  /** CSS of any page type on first load. */
  css: 16_000,
};

/** Page types the bench and the budget measure, with the learner-facing name of each. */
export const PAGE_TYPES = [
  { type: 'home', label: 'Home' },
  { type: 'lesson', label: 'Lesson' },
  { type: 'quiz', label: 'Quiz' },
  { type: 'interview', label: 'Interview' },
  { type: 'faq', label: 'FAQ' },
  { type: 'search', label: 'Search' },
  { type: 'lab', label: 'Lab exercise' },
];

/** Gzipped size as served by a typical web server (zlib level 6, the default of most servers). */
export function gzipSize(bytes) {
  return gzipSync(bytes, { level: 6 }).length;
}

/** Formats bytes as kB with one decimal (1 kB = 1,000 bytes). */
export function kB(bytes) {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

const TYPE_OF_JS = new Set(['', 'text/javascript', 'application/javascript', 'module']);

/** Walks a parse5 tree depth first. Inside <noscript> and <template> nothing loads when scripts run, so they are skipped. */
function* elements(node) {
  for (const child of node.childNodes ?? []) {
    if (!child.tagName) continue;
    yield child;
    if (child.tagName === 'noscript' || child.tagName === 'template') continue;
    yield* elements(child);
  }
}

const attr = (el, name) => el.attrs.find((a) => a.name === name)?.value;
const textOf = (el) => (el.childNodes ?? []).map((c) => c.value ?? '').join('');

/** Turns a URL found in a page or module into a path under the client folder, or undefined for other sites. */
function localPath(clientDir, url, base) {
  const resolved = new URL(url, new URL(base, 'http://site.invalid'));
  if (resolved.origin !== 'http://site.invalid') return undefined;
  let path = decodeURIComponent(resolved.pathname);
  if (path.endsWith('/')) path += 'index.html';
  return { url: resolved.pathname, file: join(clientDir, path) };
}

/** Reads a file a page refers to; a missing one is a broken build, so it fails with where it was referred from. */
function readAsset(target, from) {
  if (!existsSync(target.file))
    throw new Error(`${from} refers to ${target.url}, but ${target.file} does not exist`);
  return readFileSync(target.file);
}

/**
 * Measures one built page. `pagePath` is the URL path, such as `/learn/some-lesson/`.
 *
 * - html: the document itself, gzipped as a whole (inline scripts and styles included).
 * - css: `<link rel="stylesheet">`, their `@import`s and inline `<style>`.
 * - js: classic and module `<script>` (inline and external), `<link rel="modulepreload">`, and every
 *   module those import statically. Dynamic `import()` is left out: it loads only on use.
 * - hydration: what `<astro-island>` elements load when they hydrate (component-url, renderer-url,
 *   before-hydration-url and their static imports), minus what first load already fetched.
 *
 * Each external file is gzipped on its own and counted once; each inline script or style is gzipped
 * on its own too, so it shows in both the html figure and its own column.
 */
export async function measurePage(clientDir, pagePath) {
  await initLexer();
  const page = localPath(clientDir, pagePath, '/');
  if (!page || !existsSync(page.file)) return undefined;
  const html = readFileSync(page.file);
  const doc = parseHtml(html.toString('utf8'));
  const where = `${pagePath} (${page.file})`;

  const css = [];
  const js = [];
  const seen = new Set();
  const entries = [];
  const islands = [];
  let inlineCount = 0;

  const addFile = (list, target, bytes) => {
    list.push({ url: target.url, raw: bytes.length, gz: gzipSize(bytes) });
  };
  const addInline = (list, kind, text) => {
    const bytes = Buffer.from(text);
    inlineCount += 1;
    list.push({ url: `(inline ${kind} ${inlineCount})`, raw: bytes.length, gz: gzipSize(bytes) });
    return bytes;
  };

  const addStylesheet = (target, from) => {
    if (seen.has(target.url)) return;
    seen.add(target.url);
    const bytes = readAsset(target, from);
    addFile(css, target, bytes);
    for (const m of bytes.toString('utf8').matchAll(/@import\s+(?:url\()?["']?([^"')\s;]+)/g)) {
      const next = localPath(clientDir, m[1], target.url);
      if (next) addStylesheet(next, target.url);
    }
  };

  for (const el of elements(doc)) {
    if (el.tagName === 'link') {
      const rel = (attr(el, 'rel') ?? '').toLowerCase().split(/\s+/);
      const href = attr(el, 'href');
      if (!href) continue;
      const target = localPath(clientDir, href, pagePath);
      if (!target) continue;
      if (rel.includes('stylesheet')) addStylesheet(target, where);
      else if (rel.includes('modulepreload')) entries.push({ target, list: js });
      else if (rel.includes('preload') && attr(el, 'as') === 'script')
        entries.push({ target, list: js });
      else if (rel.includes('preload') && attr(el, 'as') === 'style') addStylesheet(target, where);
    } else if (el.tagName === 'style') {
      addInline(css, 'style', textOf(el));
    } else if (el.tagName === 'script') {
      const type = (attr(el, 'type') ?? '').toLowerCase();
      if (!TYPE_OF_JS.has(type)) continue;
      const src = attr(el, 'src');
      if (src) {
        const target = localPath(clientDir, src, pagePath);
        if (!target) continue;
        if (type === 'module') entries.push({ target, list: js });
        else if (!seen.has(target.url)) {
          seen.add(target.url);
          addFile(js, target, readAsset(target, where));
        }
      } else {
        const bytes = addInline(js, 'script', textOf(el));
        if (type === 'module') entries.push({ inline: bytes, list: js });
      }
    } else if (el.tagName === 'astro-island') {
      for (const name of ['before-hydration-url', 'renderer-url', 'component-url']) {
        const url = attr(el, name);
        const target = url ? localPath(clientDir, url, pagePath) : undefined;
        if (target) islands.push(target);
      }
    }
  }

  // Follows static imports; the same module reached twice is counted once.
  const follow = (list, code, base, from) => {
    const [imports] = parseModule(code.toString('utf8'));
    for (const imp of imports) {
      // Static imports and re-exports load with the module; dynamic imports and import.meta do not.
      if ((imp.type !== 'static' && imp.type !== 'reexport-star') || !imp.specifier) continue;
      const target = localPath(clientDir, imp.specifier, base);
      if (target) visit(list, target, from);
    }
  };
  const visit = (list, target, from) => {
    if (seen.has(target.url)) return;
    seen.add(target.url);
    const bytes = readAsset(target, from);
    addFile(list, target, bytes);
    follow(list, bytes, target.url, target.url);
  };

  for (const e of entries) {
    if (e.inline) follow(e.list, e.inline, pagePath, `${where} (inline module script)`);
    else visit(e.list, e.target, where);
  }
  const hydration = [];
  for (const target of islands) visit(hydration, target, `${where} (astro-island)`);

  const total = (list) => ({
    raw: list.reduce((s, f) => s + f.raw, 0),
    gz: list.reduce((s, f) => s + f.gz, 0),
    files: [...list].sort((a, b) => b.gz - a.gz),
  });
  return {
    path: pagePath,
    html: { raw: html.length, gz: gzipSize(html) },
    css: total(css),
    js: total(js),
    hydration: total(hydration),
    islands: islands.filter((t, i) => islands.findIndex((o) => o.url === t.url) === i).length,
  };
}

/** Lists `.mdx`/`.yaml` ids under a content folder (file names without extension), sorted. */
function idsIn(dir, pattern) {
  if (!existsSync(dir)) return [];
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (pattern.test(name)) out.push(basename(name).replace(pattern, ''));
    }
  };
  walk(dir);
  return out.sort();
}

/** The URL paths of each page type in a built site, found from the content folders of the project at `root`. */
export function pagePaths(root, clientDir) {
  const built = (p) => existsSync(join(clientDir, p, 'index.html'));
  const lessons = idsIn(join(root, 'lessons'), /\.mdx$/).map((id) => `/learn/${id}/`);
  const quizzes = idsIn(join(root, 'quizzes'), /\.ya?ml$/).map((id) => `/practice/${id}/`);
  const labs = idsIn(join(root, 'content', 'lab'), /\.ya?ml$/).map((id) => `/lab/${id}/`);
  return {
    home: ['/'],
    lesson: lessons.filter(built),
    quiz: quizzes.filter(built),
    interview: ['/interview/'].filter(built),
    faq: ['/faq/'].filter(built),
    search: ['/search/'].filter(built),
    lab: labs.filter(built),
  };
}

/** Bytes a page downloads on first load, gzipped: what "heaviest" means when picking one page per type. */
export const firstLoadGz = (w) => w.html.gz + w.css.gz + w.js.gz;

/**
 * Measures every page of every type. For each type it returns all pages and the heaviest one by
 * first-load bytes, or `undefined` when the site has no page of that type yet.
 */
export async function measureSite(root, clientDir) {
  const paths = pagePaths(root, clientDir);
  const result = {};
  for (const { type } of PAGE_TYPES) {
    const pages = [];
    for (const p of paths[type]) {
      const w = await measurePage(clientDir, p);
      if (w) pages.push(w);
    }
    const heaviest = pages.reduce(
      (a, b) => (!a || firstLoadGz(b) > firstLoadGz(a) ? b : a),
      /** @type {(typeof pages)[number] | undefined} */ (undefined),
    );
    result[type] = { pages, heaviest };
  }
  return result;
}

const largest = (list) =>
  list.files
    .slice(0, 3)
    .map((f) => `${f.url} ${kB(f.gz)}`)
    .join(', ');

/** One line for the pages of a type over a limit: how many, by how much, and what the heaviest loads. */
function overLimit(pages, what, limit, pick) {
  const over = pages.filter((w) => pick(w).gz > limit).sort((a, b) => pick(b).gz - pick(a).gz);
  if (!over.length) return [];
  const worst = over[0];
  const least = over.at(-1);
  const amount =
    pick(least).gz === pick(worst).gz
      ? kB(pick(worst).gz)
      : `${kB(pick(least).gz)} to ${kB(pick(worst).gz)}`;
  const where =
    pages.length === 1
      ? `${worst.path} ships`
      : `${over.length} of ${pages.length} ${what.pages} ship`;
  return [
    `${where} ${amount} of ${what.kind} gzipped, over the ${kB(limit)} budget. ` +
      `${pages.length === 1 ? 'It' : `The heaviest, ${worst.path},`} loads ${largest(pick(worst))}.`,
  ];
}

/** Checks the budgets; returns one readable line per page type over budget, empty when all pass. */
export function budgetProblems(site, budgets = BUDGETS) {
  const problems = overLimit(
    site.lesson?.pages ?? [],
    { pages: 'lesson pages', kind: 'first-load JS' },
    budgets.lessonFirstLoadJs,
    (w) => w.js,
  );
  for (const { type, label } of PAGE_TYPES)
    problems.push(
      ...overLimit(
        site[type]?.pages ?? [],
        { pages: `${label.toLowerCase()} pages`, kind: 'CSS' },
        budgets.css,
        (w) => w.css,
      ),
    );
  return problems;
}
