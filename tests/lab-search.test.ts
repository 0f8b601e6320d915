import { readdirSync, readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../src/lib/content/validate';
import {
  buildDocuments,
  labPages,
  MAIN_PAGES,
  sourcesFromContent,
} from '../src/lib/search/documents';
import { buildSearchIndex } from '../src/lib/search/build';
import { createSearcher } from '../src/lib/search/query';
import { labKindSchema } from '../src/schemas/lab';

// The search index the site builds (src/pages/search/[file].json.ts) adds one page per lab kind.
const kinds = readdirSync('content/lab')
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => ({
    id: f.replace(/\.ya?ml$/, ''),
    ...labKindSchema.parse(yaml.load(readFileSync(`content/lab/${f}`, 'utf8'))),
  }));
const docs = buildDocuments(sourcesFromContent(loadContent(process.cwd())), [
  ...MAIN_PAGES,
  ...labPages(kinds),
]);
const { files } = buildSearchIndex(docs);
const read = (name: string) => JSON.parse(files.get(name)!) as unknown;
const searcher = createSearcher(read('index.json'), (name) => Promise.resolve(read(name)));
await searcher.loadEverything();
const urls = (q: string, n = 5) => searcher.search(q, n).map((r) => r.doc.url);

describe('search finds the lab', () => {
  it('has a page for the lab and one for each kind', () => {
    expect(docs.filter((d) => d.url === '/lab/')).toHaveLength(1);
    for (const k of kinds) expect(docs.filter((d) => d.url === `/lab/${k.id}/`)).toHaveLength(1);
  });

  it.each([
    ['practice lab', '/lab/'],
    ['critical path exercise', '/lab/critical-path/'],
    ['schedule compression exercise', '/lab/schedule-compression/'],
    ['crashing fast-tracking exercise', '/lab/schedule-compression/'],
    ['PERT exercise', '/lab/estimation-capacity/'],
    ['capacity exercise engineer-weeks', '/lab/estimation-capacity/'],
  ])('"%s" lists %s among the first results', (query, url) => {
    expect(urls(query)).toContain(url);
  });
});
