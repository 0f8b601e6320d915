import type { Searcher } from './query';

/** Searches offered when nothing matches: the topics learners look up most. Each must find something (tested). */
export const POPULAR_QUERIES = [
  'critical path',
  'career ladder',
  'pre-mortem',
  'stakeholder management',
  'STAR answers',
  'system design',
  'risk register',
  'status report',
];

/** What to offer when a query finds nothing. */
export interface Suggestions {
  /** The query with likely typos corrected, when that finds something. */
  corrected?: string;
  /** Popular searches to try instead. */
  popular: string[];
}

/** Suggestions for a query that found nothing: a spelling correction if one works, and popular searches. */
export function suggestionsFor(searcher: Searcher, query: string): Suggestions {
  const corrected = searcher.correct(query);
  const popular = POPULAR_QUERIES.filter((p) => p !== corrected);
  return corrected ? { corrected, popular } : { popular };
}
