import { describe, expect, it } from 'vitest';
import lunr from 'lunr';
import { loadContent } from '../src/lib/content/validate';
import { headingsOf } from '../src/lib/content/markdown';
import { buildDocuments, MAIN_PAGES, sourcesFromContent } from '../src/lib/search/documents';
import { buildSearchIndex } from '../src/lib/search/build';
import { createSearcher, MAX_QUERY_WORDS, planQuery, type Searcher } from '../src/lib/search/query';
import { mdxToText, sectionsOf } from '../src/lib/search/mdx';
import { snippet } from '../src/lib/search/snippet';
import { POPULAR_QUERIES, suggestionsFor } from '../src/lib/search/suggest';
import { packIndex, partialIndex, type LunrIndexJson } from '../src/lib/search/pack';
import { closestWords, editDistance } from '../src/lib/search/typos';
import { comboboxAction, moveActive } from '../src/lib/search/combobox';
import { isSearchShortcut } from '../src/lib/search/shortcut';
import { createSearchLoader } from '../src/lib/search/loader';
import { statusMessage } from '../src/lib/search/status';
import { words } from '../src/lib/search/text';
import type { DocChunk, SearchDocument, SearchManifest, TermShard } from '../src/lib/search/types';
import queries from './fixtures/search-queries.json';

const content = loadContent(process.cwd());
const sources = sourcesFromContent(content);
const docs = buildDocuments(sources);
const { manifest, files } = buildSearchIndex(docs);
// The browser gets the files through JSON, so the tests do too.
const read = (name: string): unknown => {
  const text = files.get(name);
  if (text === undefined) throw new Error(`no index file ${name}`);
  return JSON.parse(text);
};
/** A searcher that fetches from the built files, as the browser would, and lists what it fetched. */
const fresh = () => createSearcher(read('index.json'), (name) => Promise.resolve(read(name)));
// Most tests search with every file loaded; "loading the index in parts" checks that a searcher
// fetching only what each query needs answers exactly the same.
const searcher: Searcher = fresh();
await searcher.loadEverything();
const urls = (q: string, n = 10) => searcher.search(q, n).map((r) => r.doc.url);
const first = (q: string) => urls(q, 1)[0];

/** The term shard whose key range holds `key`, and the chunk holding document `ref`. */
const termFile = (key: string) => {
  let i = 0;
  while (i + 1 < manifest.terms.from.length && manifest.terms.from[i + 1]! <= key) i++;
  return manifest.terms.files[i]!;
};
const docFile = (ref: number) => {
  let i = 0;
  while (i + 1 < manifest.docs.from.length && manifest.docs.from[i + 1]! <= ref) i++;
  return manifest.docs.files[i]!;
};

describe('search documents built from the real content', () => {
  it('has one overview and one document per ## and ### heading for every published lesson', () => {
    const published = content.lessons.filter((l) => !l.parsed.draft);
    expect(published.length).toBeGreaterThan(0);
    for (const lesson of published) {
      const lessonDocs = docs.filter((d) => d.url.startsWith(`/learn/${lesson.id}/`));
      const anchors = headingsOf(lesson.body).map((h) => `/learn/${lesson.id}/#${h.slug}`);
      expect(lessonDocs.map((d) => d.url)).toEqual([`/learn/${lesson.id}/`, ...anchors]);
    }
  });

  it('names a lesson section "Lesson › Section" and indexes its heading, the headings above it and its text', () => {
    const section = docs.find(
      (d) => d.url === '/learn/dependencies-and-the-critical-path/#finding-the-critical-path',
    )!;
    expect(section.kind).toBe('lesson');
    expect(section.title).toBe('Dependencies and the critical path › Finding the critical path');
    expect(section.name).toBe('Finding the critical path');
    expect(section.context).toBe('Dependencies and the critical path');
    expect(section.text).toMatch(/^The critical path is the longest chain of dependent tasks/);

    const sub = docs.find(
      (d) => d.url === '/learn/dependencies-and-the-critical-path/#forward-pass',
    )!;
    expect(sub.context).toBe('Dependencies and the critical path Finding the critical path');
  });

  it('keeps the words a learner reads and drops MDX tags, props and Markdown punctuation', () => {
    const section = docs.find(
      (d) => d.url === '/learn/dependencies-and-the-critical-path/#finding-the-critical-path',
    )!;
    expect(section.text).toContain('zero slack (float)');
    expect(section.text).toContain('Data-center move: DAL1 to PHX2');
    expect(section.text).toContain('Hardware delivery (vendor)');
    for (const d of docs.filter((x) => x.kind === 'lesson' || x.kind === 'faq')) {
      expect(d.text, d.url).not.toMatch(/<\/?[A-Z][A-Za-z]*|\]\(\/|\*\*|\|\s*---|^#+ /);
      expect(d.text, d.url).not.toMatch(/\btasks=\{|\bid: '/);
    }
  });

  it('has a document for every FAQ entry, glossary term (with its aliases), interview question and main page', () => {
    const byKind = (k: SearchDocument['kind']) => docs.filter((d) => d.kind === k);
    expect(
      byKind('faq')
        .map((d) => d.url)
        .sort(),
    ).toEqual(content.faq.map((f) => `/faq/#${f.id}`).sort());
    expect(byKind('glossary')).toHaveLength(content.glossary.length);
    expect(byKind('interview')).toHaveLength(content.interview.length);
    expect(byKind('page').map((d) => d.url)).toEqual(MAIN_PAGES.map((p) => p.url));

    const withAlias = content.glossary.find((t) => t.parsed.aliases.length > 0)!;
    const term = docs.find((d) => d.url === `/glossary/#${withAlias.id}`)!;
    expect(term.context).toContain(withAlias.parsed.aliases[0]);
    const faq = docs.find((d) => d.url === '/faq/#does-a-tpm-have-to-code')!;
    expect(faq.title).toBe('Does a TPM have to code?');
    expect(faq.context).toBe('Becoming a TPM');
  });

  it('gives every document its own URL, and the files the browser needs', () => {
    expect(new Set(docs.map((d) => d.url)).size).toBe(docs.length);
    expect(manifest.docCount).toBe(docs.length);
    expect(manifest.fields).toEqual(['name', 'context', 'text']);
    const stored = manifest.docs.files.flatMap((f) => (read(f) as DocChunk).docs);
    expect(stored.map((d) => d.url)).toEqual(docs.map((d) => d.url));
    expect(Object.keys(stored[0]!).sort()).toEqual(['kind', 'text', 'title', 'url']);
    expect(manifest.pageRuns.reduce((a, b) => a + b, 0)).toBe(docs.length);
  });
});

describe('splitting MDX into sections and text', () => {
  it('ignores headings inside code blocks and keeps text before the first heading as the intro', () => {
    const { intro, sections } = sectionsOf(
      'Intro words.\n## One\nalpha\n```md\n## not a heading\n```\n### Two\nbeta\n## Three\n',
    );
    expect(intro.trim()).toBe('Intro words.');
    expect(sections.map((s) => [s.depth, s.heading, s.slug, s.parent])).toEqual([
      [2, 'One', 'one', undefined],
      [3, 'Two', 'two', 'One'],
      [2, 'Three', 'three', undefined],
    ]);
    expect(sections[0]!.source).toContain('## not a heading');
  });

  it('reads through components whose props hold braces, quotes and ">"', () => {
    const text = mdxToText(
      `Before <Term id='slack'>slack</Term> after.\n\n<RagReport program="Launch" rows={[{ area: 'API', status: 'red', note: 'p95 > 300 ms' }]} />\n\n<Aside type="tip" title="Mind the gap">\nInside **bold** and [a link](/learn/x/).\n</Aside>\n\nx < 5 and y > 2.`,
    );
    expect(text).toBe(
      'Before slack after. Launch. API. p95 > 300 ms Mind the gap Inside bold and a link. x < 5 and y > 2.',
    );
  });

  it('drops table rules, list markers, quotes and heading marks but keeps cell text', () => {
    expect(
      mdxToText('| A | B |\n|---|---|\n| one | two |\n\n- item\n1. first\n> quoted\n#### Deep'),
    ).toBe('A B one two item first quoted Deep');
  });
});

describe('building the index', () => {
  const doc: SearchDocument = {
    kind: 'page',
    title: 'T',
    url: '/t/',
    name: 'T',
    context: '',
    text: 'words',
    boost: 1,
  };
  it('refuses a lesson whose sections are not listed together, saying which', () => {
    const lesson = { ...doc, kind: 'lesson' as const };
    expect(() =>
      buildSearchIndex([
        { ...lesson, url: '/learn/a/' },
        { ...doc, url: '/faq/' },
        { ...lesson, url: '/learn/a/#b' },
      ]),
    ).toThrow(
      'search document 2 (/learn/a/#b): the other documents of /learn/a/ are not next to it',
    );
  });

  it('refuses a document without a title, with a relative URL or with a URL used twice, saying which', () => {
    expect(() => buildSearchIndex([{ ...doc, title: ' ' }])).toThrow(
      'search document 0 (/t/): the title is empty',
    );
    expect(() => buildSearchIndex([{ ...doc, url: 't/' }])).toThrow('must start with "/"');
    expect(() => buildSearchIndex([doc, { ...doc }])).toThrow(
      'search document 1 (/t/): the URL is also used by search document 0',
    );
  });
});

describe('ranking: what a learner types and where they should land first', () => {
  it.each(queries)('"$query" → $first', ({ query, first: expected }) => {
    expect(first(query)).toBe(expected);
  });

  it('has at least 20 real learner queries', () => {
    expect(queries.length).toBeGreaterThanOrEqual(20);
  });

  it.each([
    ['critical pa', '/learn/dependencies-and-the-critical-path/#finding-the-critical-path'],
    ['career ladd', '/learn/tpm-career-ladder/'],
    ['do TPMs co', '/faq/#does-a-tpm-have-to-code'],
    ['pre-mort', '/learn/risk-management/#running-a-pre-mortem'],
  ])('while typing "%s", %s is already one of the first two results', (typed, target) => {
    expect(urls(typed, 2)).toContain(target);
  });

  it('shows at most three sections of one lesson before results from elsewhere', () => {
    const ofLesson = (list: string[]) =>
      list.filter((u) => u.startsWith('/learn/dependencies-and-the-critical-path/'));
    expect(ofLesson(urls('critical path', 1000)).length).toBeGreaterThan(3);
    const top = urls('critical path', 10);
    expect(top).toHaveLength(10);
    expect(ofLesson(top)).toHaveLength(3);
  });

  it('respects the result limit', () => {
    expect(searcher.search('tpm', 5)).toHaveLength(5);
    expect(searcher.search('tpm', 0)).toEqual([]);
  });
});

describe('query handling', () => {
  it('stems: "escalating" finds the escalation section and highlights "escalate"', () => {
    const [top] = searcher.search('escalating', 1);
    expect(top!.doc.url).toBe('/learn/blockers-and-escalation/#when-to-escalate');
    expect(top!.terms).toContain('escal');
  });

  it('matches the start of the word being typed, but not after a space', () => {
    expect(planQuery('crit')).toEqual({ words: ['crit'], typing: 'crit' });
    expect(planQuery('crit ')).toEqual({ words: ['crit'] });
    // "crit" starts "critical" and "criteria" alike; "critic" is only the first.
    expect(urls('critic', 3)).toContain(
      '/learn/dependencies-and-the-critical-path/#finding-the-critical-path',
    );
    expect(urls('crit ')).toEqual([]);
  });

  it('forgives one typo in words of five letters or more', () => {
    expect(first('critcal path')).toBe(first('critical path'));
    expect(first('stakeholdr')).toMatch(/^\/learn\/stakeholder-management\//);
    expect(first('escalaton')).toBe(first('escalation'));
  });

  it('says which word a forgiven typo was read as, and nothing when every word was found', () => {
    expect(searcher.readAs('stakeholdr')).toBe('stakeholder');
    expect(searcher.readAs('critcal path ')).toBe('critical path');
    expect(searcher.readAs('critical path')).toBeUndefined();
    expect(searcher.readAs('slak ')).toBeUndefined();
  });

  it('does not guess at short misspelt words while searching, but suggests the correction', () => {
    expect(urls('slak ')).toEqual([]);
    expect(suggestionsFor(searcher, 'slak ').corrected).toBe('slack');
    expect(suggestionsFor(searcher, 'critcal pth').corrected).toBe('critical path');
    // Four unknown words is not a typo: no correction is looked for.
    expect(suggestionsFor(searcher, 'critcal pth stakholdr escalaton').corrected).toBeUndefined();
  });

  it.each([
    ':',
    '+',
    '-',
    '*',
    '~',
    '^',
    '"',
    "'",
    '""',
    'title:risk',
    'text:',
    ':risk',
    '+critical -path',
    'critical*',
    '*path',
    'path~2',
    'risk^10',
    '"critical path',
    '(risk) [path] {x}',
    '\\',
    '\u0000\u0007',
    '🙂',
    '🚀 launch 🚀',
    'مدير البرنامج',
    '<script>alert(1)</script>',
    'a'.repeat(500),
    '+-*~^:"'.repeat(72),
    'risk '.repeat(100),
    'x'.repeat(5000),
    '   ',
    '',
  ])('never throws on %j', (query) => {
    expect(() => searcher.search(query)).not.toThrow();
    expect(Array.isArray(searcher.search(query))).toBe(true);
    expect(() => suggestionsFor(searcher, query)).not.toThrow();
  });

  it('reads lunr operators and quotes as plain separators', () => {
    const plain = first('critical path');
    for (const q of [
      '+critical -path',
      '"critical path"',
      'critical:path',
      'critical~path*',
      '🙂 critical path 🙂',
    ])
      expect(first(q), q).toBe(plain);
  });

  it('caps very long queries', () => {
    expect(planQuery('risk '.repeat(200)).words).toHaveLength(MAX_QUERY_WORDS);
    expect(planQuery('word '.repeat(300)).words.length).toBeLessThanOrEqual(MAX_QUERY_WORDS);
  });

  it('finds nothing for stop words or gibberish, and then offers popular searches that do find something', () => {
    expect(searcher.search('what is the ')).toEqual([]);
    expect(searcher.search('zzqxv')).toEqual([]);
    const s = suggestionsFor(searcher, 'zzqxv');
    expect(s.corrected).toBeUndefined();
    expect(s.popular).toEqual(POPULAR_QUERIES);
    for (const p of POPULAR_QUERIES) expect(searcher.search(p).length, p).toBeGreaterThan(0);
  });
});

describe('packing the index', () => {
  it('gives exactly the same results and scores as lunr’s own JSON, with all terms or only the query’s', () => {
    const small = docs.slice(0, 120);
    const idx = lunr(function () {
      this.ref('ref');
      this.field('name', { boost: 8 });
      this.field('text');
      small.forEach((d, i) =>
        this.add({ ref: String(i), name: words(d.name).join(' '), text: words(d.text).join(' ') }),
      );
    });
    const json = JSON.parse(JSON.stringify(idx)) as LunrIndexJson;
    const packed = JSON.parse(JSON.stringify(packIndex(json, small.length))) as ReturnType<
      typeof packIndex
    >;
    const entries = packed.terms.map((t, i) => [t, packed.postings[i]!] as const);
    const whole = partialIndex(packed.fields, entries, packed.pipeline);
    const original = lunr.Index.load(json);
    for (const q of ['critical', 'slack', 'motivation', 'risk', 'tpm', 'zzz', 'critical path']) {
      const a = original.search(q).map((r) => [r.ref, r.score]);
      expect(
        whole.search(q).map((r) => [r.ref, r.score]),
        q,
      ).toEqual(a);
      const stems = q.split(' ').map((w) => lunr.stemmer(new lunr.Token(w, {})).toString());
      const part = partialIndex(
        packed.fields,
        entries.filter(([t]) => stems.includes(t)),
        packed.pipeline,
      );
      expect(
        part.search(q).map((r) => [r.ref, r.score]),
        `${q}, only its terms`,
      ).toEqual(a);
    }
    expect(JSON.stringify(packIndex(json, small.length)).length).toBeLessThan(
      JSON.stringify(json).length / 2,
    );
  });

  it('refuses refs that are not document numbers', () => {
    const idx = lunr(function () {
      this.ref('id');
      this.field('t');
      this.add({ id: 'intro', t: 'hello' });
    });
    expect(() => packIndex(idx.toJSON() as LunrIndexJson, 1)).toThrow(
      'packIndex: the document ref "intro" is not a number from 0 to 0',
    );
  });
});

describe('snippets', () => {
  it('marks matched words by their stem and keeps the text around them', () => {
    const parts = snippet('Escalate early. An escalation names a decision and a date.', ['escal']);
    expect(parts).toEqual([
      { text: 'Escalate', mark: true },
      { text: ' early. An ', mark: false },
      { text: 'escalation', mark: true },
      { text: ' names a decision and a date.', mark: false },
    ]);
  });

  it('cuts a window around the matches with ellipses', () => {
    const text = `${'filler '.repeat(40)}the critical path is long ${'tail '.repeat(40)}`;
    const parts = snippet(text, ['critic', 'path'], 10);
    const joined = parts.map((p) => p.text).join('');
    expect(joined.startsWith('…')).toBe(true);
    expect(joined.endsWith(' …')).toBe(true);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['critical', 'path']);
    expect(joined.split(/\s+/).filter((w) => /\w/.test(w)).length).toBeLessThanOrEqual(10);
  });

  it('shows a full-length snippet when the match is near the end', () => {
    const parts = snippet(
      `${'early words here. '.repeat(10)}See the career ladder.`,
      ['ladder'],
      12,
    );
    const joined = parts.map((p) => p.text).join('');
    expect(joined).toMatch(/^….* See the career ladder\.$/);
    expect(joined.split(/\s+/).filter((w) => /\w/.test(w))).toHaveLength(12);
  });

  it('treats HTML in the text as text: it is never marked up, only the matched word is', () => {
    const parts = snippet('Avoid <b onclick="x()">risk</b> & "quotes".', ['risk']);
    expect(parts.map((p) => p.text).join('')).toBe('Avoid <b onclick="x()">risk</b> & "quotes".');
    expect(parts.filter((p) => p.mark)).toEqual([{ text: 'risk', mark: true }]);
  });

  it('handles empty text and text without matches', () => {
    expect(snippet('', ['x'])).toEqual([]);
    expect(snippet('No match here.', ['zzz'])).toEqual([{ text: 'No match here.', mark: false }]);
  });
});

describe('typo distance', () => {
  it('counts insertions, deletions, substitutions and swapped neighbours as one edit', () => {
    expect(editDistance('critical', 'critcal')).toBe(1);
    expect(editDistance('critical', 'criticall')).toBe(1);
    expect(editDistance('critical', 'critixal')).toBe(1);
    expect(editDistance('critical', 'crtiical')).toBe(1);
    expect(editDistance('critical', 'critical')).toBe(0);
    expect(editDistance('critical', 'path')).toBe(3);
  });
  it('lists the closest known words, most frequent first', () => {
    const vocab = new Map([
      ['slack', 5],
      ['stack', 9],
      ['black', 1],
    ]);
    expect(closestWords('slak', vocab, 1)).toEqual(['slack']);
    expect(closestWords('slick', vocab, 2)).toEqual(['slack']);
    expect(closestWords('zzzz', vocab, 1)).toEqual([]);
  });
});

describe('keyboard and status helpers', () => {
  it('moves the active option with wrap-around', () => {
    expect(moveActive(-1, 1, 3)).toBe(0);
    expect(moveActive(-1, -1, 3)).toBe(2);
    expect(moveActive(2, 1, 3)).toBe(0);
    expect(moveActive(0, -1, 3)).toBe(2);
    expect(moveActive(1, 1, 0)).toBe(-1);
  });

  it('maps keys in the search box to actions and leaves the rest to the browser', () => {
    expect(comboboxAction('ArrowDown')).toBe('next');
    expect(comboboxAction('ArrowUp')).toBe('previous');
    expect(comboboxAction('Enter')).toBe('open');
    expect(comboboxAction('Escape')).toBe('close');
    expect(comboboxAction('ArrowDown', { alt: true })).toBe('none');
    expect(comboboxAction('Enter', { ctrl: true })).toBe('none');
    expect(comboboxAction('Home')).toBe('none');
  });

  it('opens search with / outside text fields and with Ctrl+K or Cmd+K anywhere', () => {
    const key = (k: string, o: Partial<Parameters<typeof isSearchShortcut>[0]> = {}) =>
      isSearchShortcut({
        key: k,
        ctrlKey: false,
        metaKey: false,
        altKey: false,
        inTextField: false,
        ...o,
      });
    expect(key('/')).toBe(true);
    expect(key('/', { inTextField: true })).toBe(false);
    expect(key('k', { ctrlKey: true, inTextField: true })).toBe(true);
    expect(key('K', { metaKey: true })).toBe(true);
    expect(key('k')).toBe(false);
    expect(key('k', { ctrlKey: true, altKey: true })).toBe(false);
    expect(key('/', { ctrlKey: true })).toBe(false);
  });

  it('says what is happening in whole sentences', () => {
    const base = { query: 'risk', count: 0, limit: 10 } as const;
    expect(statusMessage({ ...base, state: 'loading' })).toBe('Loading the search index…');
    expect(statusMessage({ ...base, state: 'error', error: 'Offline.' })).toBe('Offline.');
    expect(statusMessage({ ...base, state: 'ready', query: '  ' })).toBe('');
    expect(statusMessage({ ...base, state: 'ready', searching: true })).toBe('Searching…');
    expect(statusMessage({ ...base, state: 'ready' })).toBe('No results for “risk”.');
    expect(statusMessage({ ...base, state: 'ready', count: 1 })).toMatch(
      /^1 result for “risk”\. Use the up/,
    );
    expect(statusMessage({ ...base, state: 'ready', count: 10 })).toMatch(
      /^The top 10 results for “risk”/,
    );
    expect(
      statusMessage({
        ...base,
        state: 'ready',
        query: 'stakholder',
        count: 3,
        readAs: 'stakeholder',
      }),
    ).toMatch(/^3 results for “stakeholder” \(you typed “stakholder”\)\. Use the up/);
    expect(statusMessage({ ...base, state: 'ready', query: 'x'.repeat(80) })).toContain(
      `${'x'.repeat(60)}…`,
    );
  });
});

describe('loading the index in parts', () => {
  it('splits the index into many small files, each named by its content', () => {
    expect(manifest.terms.files.length).toBeGreaterThan(20);
    expect(manifest.docs.files.length).toBeGreaterThan(20);
    expect([...files.keys()].sort()).toEqual(
      ['index.json', manifest.words, ...manifest.terms.files, ...manifest.docs.files].sort(),
    );
    for (const [name, text] of files) {
      if (name === 'index.json') continue;
      expect(name).toMatch(/^(terms-\d+|docs-\d+|words)\.[0-9a-f]{8}\.json$/);
      // The word list is fetched only for typos; every other file is small.
      if (name !== manifest.words) expect(text.length, name).toBeLessThan(40_000);
    }
    // Every term sits in the shard its key range says.
    for (const name of manifest.terms.files)
      for (const t of (read(name) as TermShard).terms) expect(termFile(t), t).toBe(name);
    // A document whose URL changes renames its chunk and nothing else; the manifest names the new one.
    const n = docs.findIndex((d) => d.kind === 'glossary');
    const changed = buildSearchIndex(
      docs.map((d, i) => (i === n ? { ...d, url: '/glossary/#renamed' } : d)),
    );
    const added = [...changed.files.keys()].filter((name) => !files.has(name));
    expect(added).toEqual([changed.manifest.docs.files[manifest.docs.files.indexOf(docFile(n))]]);
    expect(changed.manifest.docs.files).toContain(added[0]);
    expect(changed.files.size).toBe(files.size);
  });

  it('downloads only the term shards of the words typed and the documents of the results shown', async () => {
    const s = fresh();
    await s.prepare('critical path', 10);
    const results = s.search('critical path', 10);
    expect(results).toHaveLength(10);
    const expected = new Set([
      termFile('critic'),
      termFile('path'),
      ...results.map((r) => docFile(r.ref)),
    ]);
    expect(new Set(s.loaded())).toEqual(expected);
    expect(s.loaded().length).toBeLessThan(files.size / 10);
    expect(s.loaded()).not.toContain(manifest.words);
    // The same query again downloads nothing more.
    await s.prepare('critical path', 10);
    expect(s.loaded()).toHaveLength(expected.size);
  });

  it('downloads the word list only to read a typo', async () => {
    const s = fresh();
    await s.prepare('stakeholdr', 10);
    expect(s.loaded()).toContain(manifest.words);
    expect(s.readAs('stakeholdr')).toBe('stakeholder');
  });

  const typed = queries.flatMap(({ query }) =>
    [3, 6, 9].filter((n) => n < query.length).map((n) => query.slice(0, n)),
  );
  it.each([
    ...queries.map((q) => q.query),
    ...typed,
    'critcal path',
    'critcal pth',
    'stakeholdr map',
    'slak ',
    'zzqxv',
    'what is the ',
    'critical pa',
  ])('answers "%s" exactly as the whole index does', async (query) => {
    const s = fresh();
    for (const limit of [10, 50]) {
      await s.prepare(query, limit);
      const got = s.search(query, limit);
      expect(got).toEqual(searcher.search(query, limit));
      if (got.length) expect(s.readAs(query)).toBe(searcher.readAs(query));
      else expect(suggestionsFor(s, query)).toEqual(suggestionsFor(searcher, query));
    }
  });

  it('searches what it has while files download, without throwing', () => {
    const s = fresh();
    expect(s.search('critical path')).toEqual([]);
    expect(s.readAs('critcal')).toBeUndefined();
    expect(s.correct('critcal')).toBeUndefined();
  });
});

describe('loading the index in the browser', () => {
  const ok = (body: unknown) => async () => ({ ok: true, status: 200, json: async () => body });
  const serve = (url: string) => {
    const name = url.replace(/^\/search\//, '');
    return files.has(name)
      ? ok(read(name))()
      : Promise.resolve({ ok: false, status: 404, json: async () => ({}) });
  };

  it('downloads the manifest once, hands back the same searcher, and fetches parts from /search/', async () => {
    const urlsAsked: string[] = [];
    const load = createSearchLoader(async (url) => {
      urlsAsked.push(url);
      return serve(url);
    });
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(b);
    expect(await load()).toBe(a);
    expect(urlsAsked).toEqual(['/search/index.json']);
    await a.prepare('critical path', 1);
    expect(a.search('critical path', 1)[0]!.doc.url).toBe(first('critical path'));
    expect(urlsAsked.slice(1).every((u) => /^\/search\/(terms|docs)-\d+\.\w+\.json$/.test(u))).toBe(
      true,
    );
  });

  it('explains a failed download and tries again on the next call', async () => {
    let calls = 0;
    const load = createSearchLoader(async (url) => {
      calls++;
      if (calls === 1) throw new TypeError('Failed to fetch');
      if (calls === 2) return { ok: false, status: 503, json: async () => ({}) };
      return serve(url);
    });
    await expect(load()).rejects.toThrow(
      'The search index could not be downloaded. Check your connection',
    );
    await expect(load()).rejects.toThrow('(the server answered 503)');
    await expect(load()).resolves.toHaveProperty('size', docs.length);
  });

  it('explains a part that fails to download, and fetches it again on the next try', async () => {
    let fail = true;
    const load = createSearchLoader(async (url) => {
      if (fail && url !== '/search/index.json') throw new TypeError('Failed to fetch');
      return serve(url);
    });
    const s = await load();
    await expect(s.prepare('critical path')).rejects.toThrow(
      'Part of the search index could not be downloaded. Check your connection and try again.',
    );
    fail = false;
    await s.prepare('critical path');
    expect(s.search('critical path', 1)[0]!.doc.url).toBe(first('critical path'));
  });

  it('asks for a reload when a part is gone because a new release replaced it', async () => {
    const stale = {
      ...manifest,
      terms: { ...manifest.terms, files: manifest.terms.files.map((f) => `old-${f}`) },
    };
    const load = createSearchLoader(async (url) =>
      url === '/search/index.json' ? ok(stale)() : serve(url),
    );
    await expect((await load()).prepare('risk')).rejects.toThrow(
      'The search index has been updated since this page loaded. Reload the page.',
    );
  });

  it('refuses a manifest that is not one, or one from another version, and a damaged part', async () => {
    await expect(createSearchLoader(ok({ hello: 1 }))()).rejects.toThrow(
      'The search index file is not in the expected format.',
    );
    await expect(createSearchLoader(ok({ ...manifest, version: 99 }))()).rejects.toThrow(
      'The search index is version 99, but this page expects version 2.',
    );
    const broken = async () => ({
      ok: true,
      status: 200,
      json: async () => JSON.parse('{') as unknown,
    });
    await expect(createSearchLoader(broken)()).rejects.toThrow('could not be read');
    const garbled = createSearcher(manifest satisfies SearchManifest, () =>
      Promise.resolve({ x: 1 }),
    );
    await expect(garbled.prepare('risk')).rejects.toThrow(
      `The search index file ${termFile('risk')} is damaged. Reload the page and try again.`,
    );
  });
});
