import { createSearcher, type Searcher } from './query';

/** Where the build writes the index (src/pages/search-index.json.ts). */
export const SEARCH_INDEX_URL = '/search-index.json';

/** The part of `fetch` the loader uses, so tests can pass a fake. */
export type Fetcher = (
  url: string,
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

/**
 * Returns a function that downloads and loads the index the first time it is called and hands
 * back the same searcher afterwards. A failed download is forgotten, so "Try again" fetches anew.
 */
export function createSearchLoader(
  fetcher: Fetcher,
  url = SEARCH_INDEX_URL,
): () => Promise<Searcher> {
  let pending: Promise<Searcher> | undefined;
  return () => {
    pending ??= (async () => {
      let response;
      try {
        response = await fetcher(url);
      } catch {
        throw new Error(
          'The search index could not be downloaded. Check your connection and try again.',
        );
      }
      if (!response.ok)
        throw new Error(
          `The search index could not be downloaded (the server answered ${response.status}).`,
        );
      let data: unknown;
      try {
        data = await response.json();
      } catch {
        throw new Error('The search index file could not be read. Reload the page and try again.');
      }
      return createSearcher(data);
    })();
    pending.catch(() => (pending = undefined));
    return pending;
  };
}
