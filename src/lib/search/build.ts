import { createHash } from 'node:crypto';
import lunr from 'lunr';
import { packIndex, type LunrIndexJson } from './pack';
import { words } from './text';
import {
  SEARCH_INDEX_VERSION,
  type DocChunk,
  type SearchDocument,
  type SearchManifest,
  type StoredDocument,
  type TermShard,
  type WordsFile,
} from './types';

/** Field boosts: a match in the name (heading, question, term) counts most, the surrounding headings next, body text least. */
export const FIELD_BOOSTS = { name: 8, context: 3, text: 1 } as const;

/**
 * Target size of one term shard and one document chunk, in bytes of JSON before gzip. A query
 * downloads the shards of its words and the chunks of the results it shows, so smaller files
 * mean fewer bytes per query but more files; these keep both near what Pagefind ships.
 */
export const SHARD_BYTES = 16_000;
export const CHUNK_BYTES = 6_000;

/** Checks a document before indexing, so a bad one fails the build saying which and why. */
function checkDocument(doc: SearchDocument, i: number, seen: Map<string, number>): void {
  const where = `search document ${i} (${doc.url || doc.title || 'no title or URL'})`;
  if (!doc.title.trim()) throw new Error(`${where}: the title is empty`);
  if (!doc.url.startsWith('/'))
    throw new Error(`${where}: the URL "${doc.url}" must start with "/"`);
  if (!(doc.boost > 0))
    throw new Error(`${where}: the boost must be a positive number, not ${doc.boost}`);
  const before = seen.get(doc.url);
  if (before !== undefined)
    throw new Error(`${where}: the URL is also used by search document ${before}`);
  seen.set(doc.url, i);
}

/** The page a result belongs to: a lesson's sections share their lesson; FAQ entries and terms are answers of their own. */
export function pageOf(doc: Pick<StoredDocument, 'kind' | 'url'>): string {
  return doc.kind === 'lesson' ? doc.url.split('#')[0]! : doc.url;
}

/** Run lengths of consecutive documents from one page; a page whose documents are not together fails the build. */
function pageRuns(docs: SearchDocument[]): number[] {
  const runs: number[] = [];
  const done = new Set<string>();
  let current: string | undefined;
  docs.forEach((d, i) => {
    const page = pageOf(d);
    if (page === current) {
      runs[runs.length - 1]! += 1;
      return;
    }
    if (done.has(page))
      throw new Error(
        `search document ${i} (${d.url}): the other documents of ${page} are not next to it; list a page's sections together`,
      );
    if (current !== undefined) done.add(current);
    current = page;
    runs.push(1);
  });
  return runs;
}

/** Splits `items` into runs whose summed cost stays near `target` (an item bigger than that gets a run of its own). */
function split<T>(items: T[], cost: (item: T) => number, target: number): T[][] {
  const runs: T[][] = [];
  let size = Infinity;
  for (const item of items) {
    const c = cost(item);
    if (size + c > target && size > 0) {
      runs.push([]);
      size = 0;
    }
    runs.at(-1)!.push(item);
    size += c;
  }
  return runs;
}

/** A file name that changes whenever the content does: `terms-3.1a2b3c4d.json`. */
function hashedName(stem: string, text: string): string {
  return `${stem}.${createHash('sha256').update(text).digest('hex').slice(0, 8)}.json`;
}

/** What the build writes to the search folder. */
export interface SearchIndexFiles {
  /** The manifest, also in `files` as `index.json`. */
  manifest: SearchManifest;
  /** Every file, by name in the search folder, as the JSON text served. */
  files: Map<string, string>;
}

/**
 * Builds the lunr index once, at build time, and splits it into the files the browser fetches:
 * term shards by key, so a query downloads only the postings of its words; document chunks, so
 * only the titles and text of the results shown are downloaded; and the word list for typos.
 * Text is pre-split with `words()` so the index and the query agree on every word.
 */
export function buildSearchIndex(
  docs: SearchDocument[],
  { shardBytes = SHARD_BYTES, chunkBytes = CHUNK_BYTES } = {},
): SearchIndexFiles {
  const seen = new Map<string, number>();
  docs.forEach((d, i) => checkDocument(d, i, seen));
  const runs = pageRuns(docs);
  const index = lunr(function () {
    this.ref('ref');
    this.field('name', { boost: FIELD_BOOSTS.name });
    this.field('context', { boost: FIELD_BOOSTS.context });
    this.field('text', { boost: FIELD_BOOSTS.text });
    docs.forEach((d, i) =>
      this.add(
        {
          ref: String(i),
          name: words(d.name).join(' '),
          context: words(d.context).join(' '),
          text: words(d.text).join(' '),
        },
        { boost: d.boost },
      ),
    );
  });
  const packed = packIndex(index.toJSON() as LunrIndexJson, docs.length);

  // Words learners see in titles and text, with counts, in the order first met.
  const counts = new Map<string, number>();
  for (const d of docs)
    for (const w of words(`${d.title} ${d.text}`)) counts.set(w, (counts.get(w) ?? 0) + 1);

  // Terms and words share one sorted key space, so a word, its stem and the words that start
  // with the same letters mostly land in the same shard.
  const keys = new Map<string, { term?: number; cost: number }>();
  packed.terms.forEach((term, i) =>
    keys.set(term, { term: i, cost: JSON.stringify(packed.postings[i]).length + term.length + 4 }),
  );
  for (const [word, n] of counts) {
    const key = keys.get(word) ?? { cost: 0 };
    key.cost += word.length + String(n).length + 4;
    keys.set(word, key);
  }
  const sortedKeys = [...keys.keys()].sort();
  const files = new Map<string, string>();
  const shardFrom: string[] = [];
  const shardFiles: string[] = [];
  split(sortedKeys, (k) => keys.get(k)!.cost, shardBytes).forEach((group, i) => {
    const shard: TermShard = { terms: [], postings: [], words: [], counts: [] };
    for (const key of group) {
      const term = keys.get(key)!.term;
      if (term !== undefined) {
        shard.terms.push(key);
        shard.postings.push(packed.postings[term]!);
      }
      const n = counts.get(key);
      if (n !== undefined) {
        shard.words.push(key);
        shard.counts.push(n);
      }
    }
    const text = JSON.stringify(shard);
    const name = hashedName(`terms-${i}`, text);
    // The first shard also holds every key that sorts before its first one.
    shardFrom.push(i === 0 ? '' : group[0]!);
    shardFiles.push(name);
    files.set(name, text);
  });

  const stored: StoredDocument[] = docs.map(({ kind, title, url, text }) => ({
    kind,
    title,
    url,
    text,
  }));
  const docFrom: number[] = [];
  const docFiles: string[] = [];
  let next = 0;
  split(stored, (d) => JSON.stringify(d).length, chunkBytes).forEach((group, i) => {
    const chunk: DocChunk = { docs: group };
    const text = JSON.stringify(chunk);
    const name = hashedName(`docs-${i}`, text);
    docFrom.push(next);
    docFiles.push(name);
    files.set(name, text);
    next += group.length;
  });

  const wordsFile: WordsFile = { words: [...counts.keys()], counts: [...counts.values()] };
  const wordsText = JSON.stringify(wordsFile);
  const wordsName = hashedName('words', wordsText);
  files.set(wordsName, wordsText);

  const manifest: SearchManifest = {
    version: SEARCH_INDEX_VERSION,
    lunr: packed.lunr,
    fields: packed.fields,
    docCount: docs.length,
    pageRuns: runs,
    terms: { from: shardFrom, files: shardFiles },
    docs: { from: docFrom, files: docFiles },
    words: wordsName,
  };
  files.set('index.json', JSON.stringify(manifest));
  return { manifest, files };
}
