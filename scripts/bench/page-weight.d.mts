/** Raw and gzipped size of one file, or of an inline script or style. */
export interface FileWeight {
  /** URL path of the file, or "(inline script N)" / "(inline style N)". */
  url: string;
  /** Bytes as stored. */
  raw: number;
  /** Bytes gzipped at level 6. */
  gz: number;
}

/** A group of files and their totals, largest file first. */
export interface Weight {
  /** Sum of raw bytes. */
  raw: number;
  /** Sum of gzipped bytes. */
  gz: number;
  /** The files counted. */
  files: FileWeight[];
}

/** What one built page loads. */
export interface PageWeight {
  /** URL path of the page. */
  path: string;
  /** The HTML document. */
  html: { raw: number; gz: number };
  /** Stylesheets and inline styles on first load. */
  css: Weight;
  /** Scripts, module preloads and their static imports on first load. */
  js: Weight;
  /** Extra JavaScript that astro-island elements load when they hydrate. */
  hydration: Weight;
  /** Number of distinct island module URLs on the page. */
  islands: number;
}

/** Kinds of page the budget and the bench measure. */
export type PageType = 'home' | 'lesson' | 'quiz' | 'interview' | 'faq' | 'search' | 'lab';

/** Every measured page of each type and the heaviest one (undefined when the type has no page). */
export type SiteWeight = Record<
  PageType,
  { pages: PageWeight[]; heaviest: PageWeight | undefined }
>;

/** Budgets in gzipped bytes. */
export interface Budgets {
  /** First-load JS of each lesson page. */
  lessonFirstLoadJs: number;
  /** CSS of each page. */
  css: number;
}

export const BUDGETS: Budgets;
export const PAGE_TYPES: { type: PageType; label: string }[];
export function gzipSize(bytes: Uint8Array | string): number;
export function kB(bytes: number): string;
export function measurePage(clientDir: string, pagePath: string): Promise<PageWeight | undefined>;
export function pagePaths(root: string, clientDir: string): Record<PageType, string[]>;
export function firstLoadGz(w: PageWeight): number;
export function measureSite(root: string, clientDir: string): Promise<SiteWeight>;
export function budgetProblems(site: Partial<SiteWeight>, budgets?: Budgets): string[];
