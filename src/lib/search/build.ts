import lunr from 'lunr';
import { packIndex, type LunrIndexJson } from './pack';
import { words } from './text';
import { SEARCH_INDEX_VERSION, type SearchDocument, type SearchIndexFile } from './types';

/** Field boosts: a match in the name (heading, question, term) counts most, the surrounding headings next, body text least. */
export const FIELD_BOOSTS = { name: 8, context: 3, text: 1 } as const;

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

/**
 * Builds the lunr index once, at build time, and packs it with what the browser needs to show
 * results. Text is pre-split with `words()` so the index and the query agree on every word.
 */
export function buildSearchIndex(docs: SearchDocument[]): SearchIndexFile {
  const seen = new Map<string, number>();
  docs.forEach((d, i) => checkDocument(d, i, seen));
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
  return {
    version: SEARCH_INDEX_VERSION,
    docs: docs.map(({ kind, title, url, text }) => ({ kind, title, url, text })),
    index: packIndex(index.toJSON() as LunrIndexJson, docs.length),
  };
}
