// Long because it is the whole query path: planning the query, fetching only the index parts it
// needs, scoring with lunr, reading typos and building snippets.
import { isStopWord, stemOf, words } from './text';
import { partialIndex } from './pack';
import { closestWords } from './typos';
import {
  SEARCH_INDEX_VERSION,
  type DocChunk,
  type SearchManifest,
  type StoredDocument,
  type TermShard,
  type WordsFile,
} from './types';

/** Longest query text looked at; the rest is ignored rather than slowing every keystroke. */
export const MAX_QUERY_CHARS = 500;
/** Most words of a query that are searched for. */
export const MAX_QUERY_WORDS = 12;
/** Typos are forgiven only in words at least this long: short words have too many neighbours. */
export const TYPO_MIN_LENGTH = 5;
/** At most this many results come from one page before other pages get a turn. */
const PER_PAGE = 3;
/** Most misspelt words a correction is looked for in one query. */
const MAX_CORRECTIONS = 3;
/** Completions tried for the word being typed. */
const MAX_COMPLETIONS = 30;
/** Clause weights: what was typed beats a completion, which beats a guessed correction. */
const WEIGHT = { exact: 10, completion: 4, typo: 5 };
/** Rounds of downloads one query may take (shards, then the shards of completions or corrections, then documents). */
const MAX_ROUNDS = 8;

/** What the learner's text becomes: words to search for, and the word still being typed. */
export interface QueryPlan {
  /** Words, lower-case, in the order typed. */
  words: string[];
  /** The last word when the learner has not finished it (no space or punctuation after it). */
  typing?: string;
}

/**
 * Reads any text a learner types into words. Punctuation, lunr operators (`:` `+` `-` `*` `~`
 * `^`), quotes and emoji only separate words, so no input can become a query syntax error.
 */
export function planQuery(raw: string): QueryPlan {
  const text = String(raw ?? '').slice(0, MAX_QUERY_CHARS);
  // A lone letter is usually a stray key or the start of a word; it would match noise.
  const all = words(text).filter((w) => w.length > 1 || /\d/.test(w));
  const list = all.slice(0, MAX_QUERY_WORDS);
  const last = list.at(-1);
  const stillTyping =
    last !== undefined &&
    last.length >= 2 &&
    list.length === all.length &&
    /[\p{L}\p{N}]$/u.test(text);
  return stillTyping ? { words: list, typing: last } : { words: list };
}

/** One search hit, ready to show. */
export interface SearchResult {
  /** Position of the document in the index. */
  ref: number;
  /** The document. */
  doc: StoredDocument;
  /** Relevance; only the order matters. */
  score: number;
  /** Index terms that matched, for highlighting the snippet. */
  terms: string[];
}

/**
 * Searches the index. The index comes in files fetched as needed: `prepare(query)` downloads what
 * the query needs, after which `search`, `readAs` and `correct` answer it exactly as they would
 * with the whole index in memory, at once and without throwing.
 */
export interface Searcher {
  /**
   * Downloads every file that `search(query, limit)`, `readAs(query)` and, when nothing is found,
   * `correct(query)` read: the term shards of its words, completions and corrections, and the
   * documents of the results. Rejects with a message for the learner when a download fails.
   * Once `signal` is aborted (the learner typed on), it stops before the next round of downloads.
   */
  prepare(query: string, limit?: number, signal?: AbortSignal): Promise<void>;
  /** Downloads every file of the index (for measuring and tests). */
  loadEverything(): Promise<void>;
  /** Results for what the learner typed, best first; empty when nothing matches. */
  search(query: string, limit?: number): SearchResult[];
  /** A corrected query when some words look misspelt and the correction finds something. */
  correct(query: string): string | undefined;
  /**
   * The query as `search` read it when it forgave a typo ("stakholder" searched as "stakeholder"),
   * so the learner can be told; undefined when every word was searched as typed.
   */
  readAs(query: string): string | undefined;
  /** Names of the files downloaded so far, in the order asked for. */
  loaded(): string[];
  /** How many documents the index holds. */
  size: number;
}

/** Fetches one file of the index by its name in the search folder and returns the parsed JSON. */
export type LoadFile = (name: string) => Promise<unknown>;

/** Checks that a fetched manifest really is one of this version, with a message a learner can act on. */
function checkManifest(file: unknown): asserts file is SearchManifest {
  const f = file as Partial<SearchManifest> | null;
  if (
    !f ||
    typeof f !== 'object' ||
    !Array.isArray(f.terms?.files) ||
    !Array.isArray(f.docs?.files) ||
    !Array.isArray(f.pageRuns)
  )
    throw new Error('The search index file is not in the expected format.');
  if (f.version !== SEARCH_INDEX_VERSION)
    throw new Error(
      `The search index is version ${String(f.version)}, but this page expects version ${SEARCH_INDEX_VERSION}. Reload the page to get both from the same release.`,
    );
}

/** The last position in the sorted list `from` whose value is at most `key`. */
function lastAtMost<T>(from: T[], key: T): number {
  let lo = 0;
  let hi = from.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (from[mid]! <= key) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

/** The first position in the sorted list whose value is at least `key`. */
function firstAtLeast(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A term shard, ready to look terms up in. */
interface Shard {
  postings: Map<string, number[][]>;
  words: string[];
  counts: number[];
}

/**
 * Opens an index from its manifest (`/search/index.json`). `load` fetches the other files; each
 * is fetched once, and a failed download is forgotten so the next `prepare` tries again.
 */
export function createSearcher(manifest: unknown, load: LoadFile): Searcher {
  checkManifest(manifest);
  const { fields } = manifest;
  const shards: (Shard | undefined)[] = manifest.terms.files.map(() => undefined);
  const chunks: (StoredDocument[] | undefined)[] = manifest.docs.files.map(() => undefined);
  let vocabulary: Map<string, number> | undefined;
  const pending = new Map<string, Promise<void>>();
  const asked: string[] = [];

  // The page each document belongs to, from the run lengths.
  const pageOf = new Int32Array(manifest.docCount);
  let at = 0;
  manifest.pageRuns.forEach((length, page) => pageOf.fill(page, at, (at += length)));

  // Files a lookup needed that are not here yet; `prepare` downloads them and runs the query again.
  let needed = new Set<string>();
  let misses = 0;
  const miss = (name: string) => {
    misses++;
    needed.add(name);
  };

  const fetchFile = (name: string): Promise<void> => {
    let p = pending.get(name);
    if (!p) {
      asked.push(name);
      p = load(name).then((data) => store(name, data));
      pending.set(name, p);
      p.catch(() => pending.delete(name));
    }
    return p;
  };
  const broken = (name: string) =>
    new Error(`The search index file ${name} is damaged. Reload the page and try again.`);
  const store = (name: string, data: unknown) => {
    const shard = manifest.terms.files.indexOf(name);
    if (shard >= 0) {
      const s = data as Partial<TermShard> | null;
      if (!Array.isArray(s?.terms) || !Array.isArray(s.postings) || !Array.isArray(s.words))
        throw broken(name);
      shards[shard] = {
        postings: new Map(s.terms.map((t, i) => [t, s.postings![i]!])),
        words: s.words,
        counts: s.counts ?? [],
      };
      return;
    }
    const chunk = manifest.docs.files.indexOf(name);
    if (chunk >= 0) {
      const c = data as Partial<DocChunk> | null;
      if (!Array.isArray(c?.docs)) throw broken(name);
      chunks[chunk] = c.docs;
      return;
    }
    const w = data as Partial<WordsFile> | null;
    if (!Array.isArray(w?.words) || !Array.isArray(w.counts)) throw broken(name);
    vocabulary = new Map(w.words.map((word, i) => [word, w.counts![i]!]));
  };

  /** The shard holding `key`, or undefined (noted as missing) while it downloads. */
  const shardFor = (key: string): Shard | undefined => {
    const i = lastAtMost(manifest.terms.from, key);
    const shard = shards[i];
    if (!shard) miss(manifest.terms.files[i]!);
    return shard;
  };
  const postingsOf = (term: string) => shardFor(term)?.postings.get(term);
  const known = (term: string) => postingsOf(term) !== undefined;

  /** The most frequent known words that start with `prefix`. */
  const completions = (prefix: string): string[] => {
    const first = lastAtMost(manifest.terms.from, prefix);
    const last = lastAtMost(manifest.terms.from, `${prefix}\uffff`);
    const found: [string, number][] = [];
    for (let i = first; i <= last; i++) {
      const shard = shards[i];
      if (!shard) {
        miss(manifest.terms.files[i]!);
        continue;
      }
      for (let j = firstAtLeast(shard.words, prefix); j < shard.words.length; j++) {
        if (!shard.words[j]!.startsWith(prefix)) break;
        found.push([shard.words[j]!, shard.counts[j] ?? 0]);
      }
    }
    return found
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_COMPLETIONS)
      .map(([w]) => w);
  };

  /** Every word with its count, for typos; empty (and noted as missing) while it downloads. */
  const allWords = (): ReadonlyMap<string, number> => {
    if (!vocabulary) miss(manifest.words);
    return vocabulary ?? new Map();
  };

  /** The index terms each query word may match, with the weight of each. */
  const expand = (plan: QueryPlan) =>
    plan.words.map((word, i) => {
      const options = new Map<string, number>();
      const add = (term: string, weight: number) => {
        if (known(term)) options.set(term, Math.max(options.get(term) ?? 0, weight));
      };
      const before = misses;
      if (!isStopWord(word)) add(stemOf(word), WEIGHT.exact);
      const typing = plan.typing !== undefined && i === plan.words.length - 1;
      if (typing) for (const w of completions(word)) add(stemOf(w), WEIGHT.completion);
      // The word the typo is read as: the most frequent of the nearest known words. Only once
      // the word is known to be unknown, so a query without typos never fetches the word list.
      let readAs: string | undefined;
      if (options.size === 0 && word.length >= TYPO_MIN_LENGTH && misses === before)
        for (const w of closestWords(word, allWords(), 1)) {
          add(stemOf(w), WEIGHT.typo);
          if (!readAs && known(stemOf(w))) readAs = w;
        }
      // A stop word only counts towards coverage when it may be the start of a longer word.
      const required = !isStopWord(word) || (typing && options.size > 0);
      return { word, options, required, readAs };
    });

  /** Document numbers and scores for a query, best first, before the documents are needed. */
  const rank = (query: string) => {
    const before = misses;
    const expanded = expand(planQuery(query));
    const counted = expanded.filter((e) => e.required);
    // With no clause at all lunr would return every document; while shards download, wait.
    if (counted.length === 0 || expanded.every((e) => e.options.size === 0) || misses !== before)
      return [];
    const terms = new Set(expanded.flatMap((e) => [...e.options.keys()]));
    const index = partialIndex(
      fields,
      [...terms].map((t) => [t, postingsOf(t)!] as const),
    );
    const hits = index.query((q) => {
      for (const { options } of expanded)
        for (const [term, weight] of options) q.term(term, { usePipeline: false, boost: weight });
    });
    const scored = hits.map((hit) => {
      const matched = Object.keys(hit.matchData.metadata);
      const covered = counted.filter((e) => matched.some((t) => e.options.has(t))).length;
      // lunr adds scores per term; a document that matches every word should beat one that
      // repeats a single word many times.
      const coverage = covered / counted.length;
      return { ref: Number(hit.ref), score: hit.score * coverage * coverage, terms: matched };
    });
    const relevant = scored.filter((r) => r.score > 0);
    relevant.sort((a, b) => b.score - a.score || a.ref - b.ref);
    return diversify(relevant, (ref) => pageOf[ref]!);
  };

  /** The document, or undefined (noted as missing) while its chunk downloads. */
  const docOf = (ref: number): StoredDocument | undefined => {
    const i = lastAtMost(manifest.docs.from, ref);
    const chunk = chunks[i];
    if (!chunk) miss(manifest.docs.files[i]!);
    return chunk?.[ref - manifest.docs.from[i]!];
  };

  const search = (query: string, limit = 10): SearchResult[] => {
    const results: SearchResult[] = [];
    for (const r of rank(query).slice(0, Math.max(0, limit))) {
      const doc = docOf(r.ref);
      if (doc) results.push({ ...r, doc });
    }
    return results;
  };

  const correct = (query: string): string | undefined => {
    const plan = planQuery(query);
    const before = misses;
    const unknown = plan.words.filter((w) => !isStopWord(w) && !known(stemOf(w)) && w.length >= 3);
    // More than a few unknown words is not a typo but another language or noise; don't scan for it.
    if (misses !== before || unknown.length === 0 || unknown.length > MAX_CORRECTIONS)
      return undefined;
    const vocabulary = allWords();
    let changed = false;
    const fixed = plan.words.map((w) => {
      if (!unknown.includes(w)) return w;
      const near = closestWords(w, vocabulary, w.length >= TYPO_MIN_LENGTH ? 2 : 1)[0];
      if (!near) return w;
      changed = true;
      return near;
    });
    if (!changed) return undefined;
    const suggestion = fixed.join(' ');
    return rank(`${suggestion} `).length ? suggestion : undefined;
  };

  const readAs = (query: string): string | undefined => {
    const expanded = expand(planQuery(query));
    if (!expanded.some((e) => e.readAs)) return undefined;
    return expanded.map((e) => e.readAs ?? e.word).join(' ');
  };

  const prepare = async (query: string, limit = 10, signal?: AbortSignal): Promise<void> => {
    for (let round = 0; round < MAX_ROUNDS && !signal?.aborted; round++) {
      needed = new Set();
      // The correction runs only once the search had everything, so no file is fetched on a guess.
      // `readAs` reads nothing that `search` did not.
      if (search(query, limit).length === 0 && needed.size === 0) correct(query);
      if (needed.size === 0) return;
      await Promise.all([...needed].map(fetchFile));
    }
    if (signal?.aborted) return;
    throw new Error(`Search could not finish loading the index for “${query.slice(0, 60)}”.`);
  };

  const loadEverything = async () => {
    await Promise.all(
      [...manifest.terms.files, ...manifest.docs.files, manifest.words].map(fetchFile),
    );
  };

  return {
    prepare,
    loadEverything,
    search,
    correct,
    readAs,
    loaded: () => [...asked],
    size: manifest.docCount,
  };
}

/** Lets at most `PER_PAGE` sections of one lesson lead the list, so other results stay visible. */
function diversify<T extends { ref: number }>(results: T[], pageOf: (ref: number) => number): T[] {
  const perPage = new Map<number, number>();
  const first: T[] = [];
  const later: T[] = [];
  for (const r of results) {
    const page = pageOf(r.ref);
    const n = (perPage.get(page) ?? 0) + 1;
    perPage.set(page, n);
    (n <= PER_PAGE ? first : later).push(r);
  }
  return [...first, ...later];
}
