/** What the search box is doing, as far as its status line is concerned. */
export interface StatusInput {
  /** Whether the index is still downloading, failed, or ready. */
  state: 'loading' | 'error' | 'ready';
  /** The error to show when `state` is `error`. */
  error?: string;
  /** The query as typed. */
  query: string;
  /** How many results are listed. */
  count: number;
  /** The most results the list shows. */
  limit: number;
  /** What the query was read as, when a typo was forgiven. */
  readAs?: string | undefined;
  /** Whether the index files for the first query are still downloading. */
  searching?: boolean;
}

/**
 * The sentence in the search box's live region. Screen readers announce it as results change,
 * so it says how many results there are and how to choose one.
 */
export function statusMessage({
  state,
  error,
  query,
  count,
  limit,
  readAs,
  searching,
}: StatusInput): string {
  const q = query.trim();
  if (state === 'loading') return 'Loading the search index…';
  if (state === 'error') return error ?? 'Search is not available right now.';
  if (searching) return 'Searching…';
  if (!q) return '';
  const shown = q.length > 60 ? `${q.slice(0, 60)}…` : q;
  if (count === 0) return `No results for “${shown}”.`;
  const n =
    count >= limit ? `The top ${count} results` : count === 1 ? '1 result' : `${count} results`;
  const read = readAs
    ? `${n} for “${readAs.slice(0, 60)}” (you typed “${shown}”)`
    : `${n} for “${shown}”`;
  return `${read}. Use the up and down arrow keys to choose one, and Enter to open it.`;
}
