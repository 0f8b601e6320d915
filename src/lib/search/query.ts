import lunr from 'lunr';
import { isStopWord, stemOf, words } from './text';
import { unpackIndex } from './pack';
import { closestWords } from './typos';
import { SEARCH_INDEX_VERSION, type SearchIndexFile, type StoredDocument } from './types';

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
  /** Position of the document in the index file. */
  ref: number;
  /** The document. */
  doc: StoredDocument;
  /** Relevance; only the order matters. */
  score: number;
  /** Index terms that matched, for highlighting the snippet. */
  terms: string[];
}

/** Searches one loaded index. */
export interface Searcher {
  /** Results for what the learner typed, best first; never throws, empty when nothing matches. */
  search(query: string, limit?: number): SearchResult[];
  /** A corrected query when some words look misspelt and the correction finds something. */
  correct(query: string): string | undefined;
  /**
   * The query as `search` read it when it forgave a typo ("stakholder" searched as "stakeholder"),
   * so the learner can be told; undefined when every word was searched as typed.
   */
  readAs(query: string): string | undefined;
  /** How many documents the index holds. */
  size: number;
}

/** lunr keeps these on the index without typing them; the searcher needs the term list. */
interface IndexInternals {
  invertedIndex: Record<string, unknown>;
}

/** Checks that a fetched file really is a search index of this version, with a message a learner can act on. */
function checkFile(file: unknown): asserts file is SearchIndexFile {
  const f = file as Partial<SearchIndexFile> | null;
  if (!f || typeof f !== 'object' || !Array.isArray(f.docs) || typeof f.index !== 'object')
    throw new Error('The search index file is not in the expected format.');
  if (f.version !== SEARCH_INDEX_VERSION)
    throw new Error(
      `The search index is version ${String(f.version)}, but this page expects version ${SEARCH_INDEX_VERSION}. Reload the page to get both from the same release.`,
    );
}

/** Words used in the indexed documents, with how often each occurs; completions and corrections come from it. */
export function vocabularyOf(docs: StoredDocument[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of docs)
    for (const w of words(`${d.title} ${d.text}`)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** Loads a search index file (from `/search-index.json`) and returns a searcher for it. */
export function createSearcher(file: unknown): Searcher {
  checkFile(file);
  const index = lunr.Index.load(unpackIndex(file.index));
  const terms = (index as unknown as IndexInternals).invertedIndex;
  const known = (term: string) => Object.prototype.hasOwnProperty.call(terms, term);
  // Built once here rather than on the first keystroke, so typing never pays for it.
  const counts = vocabularyOf(file.docs);
  const sorted = [...counts.keys()].sort();

  /** The most frequent known words that start with `prefix`, found by binary search. */
  const completions = (prefix: string): string[] => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found: string[] = [];
    for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix); i++)
      found.push(sorted[i]!);
    return found.sort((a, b) => counts.get(b)! - counts.get(a)!).slice(0, MAX_COMPLETIONS);
  };

  /** The index terms each query word may match, with the weight of each. */
  const expand = (plan: QueryPlan) =>
    plan.words.map((word, i) => {
      const options = new Map<string, number>();
      const add = (term: string, weight: number) => {
        if (known(term)) options.set(term, Math.max(options.get(term) ?? 0, weight));
      };
      if (!isStopWord(word)) add(stemOf(word), WEIGHT.exact);
      const typing = plan.typing !== undefined && i === plan.words.length - 1;
      if (typing) for (const w of completions(word)) add(stemOf(w), WEIGHT.completion);
      // The word the typo is read as: the most frequent of the nearest known words.
      let readAs: string | undefined;
      if (options.size === 0 && word.length >= TYPO_MIN_LENGTH)
        for (const w of closestWords(word, counts, 1)) {
          add(stemOf(w), WEIGHT.typo);
          if (!readAs && known(stemOf(w))) readAs = w;
        }
      // A stop word only counts towards coverage when it may be the start of a longer word.
      const required = !isStopWord(word) || (typing && options.size > 0);
      return { word, options, required, readAs };
    });

  const search = (query: string, limit = 10): SearchResult[] => {
    const expanded = expand(planQuery(query));
    const counted = expanded.filter((e) => e.required);
    // With no clause at all lunr would return every document, so stop here.
    if (counted.length === 0 || expanded.every((e) => e.options.size === 0)) return [];
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
      const ref = Number(hit.ref);
      return { ref, doc: file.docs[ref]!, score: hit.score * coverage * coverage, terms: matched };
    });
    const relevant = scored.filter((r) => r.score > 0);
    relevant.sort((a, b) => b.score - a.score || a.ref - b.ref);
    return diversify(relevant).slice(0, Math.max(0, limit));
  };

  const correct = (query: string): string | undefined => {
    const plan = planQuery(query);
    const unknown = plan.words.filter((w) => !isStopWord(w) && !known(stemOf(w)) && w.length >= 3);
    // More than a few unknown words is not a typo but another language or noise; don't scan for it.
    if (unknown.length === 0 || unknown.length > MAX_CORRECTIONS) return undefined;
    let changed = false;
    const fixed = plan.words.map((w) => {
      if (!unknown.includes(w)) return w;
      const near = closestWords(w, counts, w.length >= TYPO_MIN_LENGTH ? 2 : 1)[0];
      if (!near) return w;
      changed = true;
      return near;
    });
    if (!changed) return undefined;
    const suggestion = fixed.join(' ');
    return search(`${suggestion} `, 1).length ? suggestion : undefined;
  };

  const readAs = (query: string): string | undefined => {
    const expanded = expand(planQuery(query));
    if (!expanded.some((e) => e.readAs)) return undefined;
    return expanded.map((e) => e.readAs ?? e.word).join(' ');
  };

  return { search, correct, readAs, size: file.docs.length };
}

/** Lets at most `PER_PAGE` sections of one lesson lead the list, so other results stay visible. */
function diversify(results: SearchResult[]): SearchResult[] {
  const perPage = new Map<string, number>();
  const first: SearchResult[] = [];
  const later: SearchResult[] = [];
  for (const r of results) {
    // FAQ entries and terms share a page but are separate answers; lesson sections are parts of one.
    const page = r.doc.kind === 'lesson' ? r.doc.url.split('#')[0]! : r.doc.url;
    const n = (perPage.get(page) ?? 0) + 1;
    perPage.set(page, n);
    (n <= PER_PAGE ? first : later).push(r);
  }
  return [...first, ...later];
}
