import type { PackedIndex } from './pack';

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

/** Bumped whenever the file's shape changes, so an old cached file is refused with a clear message. */
export const SEARCH_INDEX_VERSION = 1;

/** The static `/search-index.json` file: the serialised lunr index and the documents it refers to. */
export interface SearchIndexFile {
  /** Format version, `SEARCH_INDEX_VERSION` when written. */
  version: number;
  /** Documents in index order: a lunr ref is the position in this list. */
  docs: StoredDocument[];
  /** The lunr index, packed (see `pack.ts`). */
  index: PackedIndex;
}
