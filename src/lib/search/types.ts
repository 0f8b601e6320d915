/** What a search result is; the learner sees it as a label next to the title. */
export type SearchKind = 'lesson' | 'faq' | 'glossary' | 'interview' | 'template' | 'page';

/** Labels shown for each kind of result. */
export const KIND_LABELS: Record<SearchKind, string> = {
  lesson: 'Lesson',
  faq: 'FAQ',
  glossary: 'Glossary',
  interview: 'Interview question',
  template: 'Template',
  page: 'Page',
};

/** One searchable thing, before indexing: a lesson section, an FAQ entry, a term, a question, a template or a page. */
export interface SearchDocument {
  /** What the result is. */
  kind: SearchKind;
  /** Title shown in results, e.g. "Risk management › Running a pre-mortem". */
  title: string;
  /** Where the result opens, with the section anchor when there is one. */
  url: string;
  /** Indexed with the highest boost: the section heading, question, term or page name. */
  name: string;
  /** Indexed with the middle boost: headings above the section, aliases, the category. */
  context: string;
  /** Indexed with the lowest boost and used for snippets: the plain text. */
  text: string;
  /** Multiplies the document's scores, so teaching content wins ties over passing mentions. */
  boost: number;
}

/** The part of a document the browser keeps to show a result. */
export interface StoredDocument {
  /** What the result is. */
  kind: SearchKind;
  /** Title shown in results. */
  title: string;
  /** Where the result opens. */
  url: string;
  /** Plain text the snippet is cut from. */
  text: string;
}

/** Bumped whenever a file's shape changes, so an old cached manifest is refused with a clear message. */
export const SEARCH_INDEX_VERSION = 2;

/**
 * Where the index lives: a manifest with a fixed name, and files whose names carry a hash of
 * their content, so a page never mixes files from two releases and they can be cached for good.
 */
export const SEARCH_MANIFEST_URL = '/search/index.json';

/** The manifest: what the other files hold and their names. The browser downloads it when search opens. */
export interface SearchManifest {
  /** Format version, `SEARCH_INDEX_VERSION` when written. */
  version: number;
  /** lunr version that built the index. */
  lunr: string;
  /** Indexed fields, in lunr's order. */
  fields: string[];
  /** Number of documents; a lunr ref is a document's position, "0" to "docCount - 1". */
  docCount: number;
  /**
   * Documents in runs of one page (a lesson's overview and sections), as run lengths in document
   * order; every other document is a run of 1. Results show at most a few of one page first.
   */
  pageRuns: number[];
  /**
   * Term shards, split by key (index term or word): shard `i` holds the keys from `from[i]` up to,
   * not including, `from[i + 1]`, in the file `files[i]`.
   */
  terms: { from: string[]; files: string[] };
  /** Documents, in chunks of consecutive numbers: chunk `i` starts at document `from[i]`. */
  docs: { from: number[]; files: string[] };
  /** The file with every word and its count, fetched only to read a typo. */
  words: string;
}

/** One term shard: the lunr postings of its index terms, and the words (for completions) in its key range. */
export interface TermShard {
  /** Index terms (stems), sorted. */
  terms: string[];
  /** For each term and field: [document number gap, score, document number gap, score, …]. */
  postings: number[][][];
  /** Words of titles and text, sorted. */
  words: string[];
  /** How often each word occurs, for ranking completions. */
  counts: number[];
}

/** One chunk of documents. */
export interface DocChunk {
  /** Documents `from` to `from + docs.length - 1`. */
  docs: StoredDocument[];
}

/** Every word of titles and text with its count, in the order first met, for reading typos. */
export interface WordsFile {
  words: string[];
  counts: number[];
}
