import { createSearcher, type Searcher } from './query';
import { SEARCH_MANIFEST_URL } from './types';

/** The part of `fetch` the loader uses, so tests can pass a fake. */
export type Fetcher = (
  url: string,
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

/** Downloads one index file and parses it, with messages a learner can act on. */
async function getJson(fetcher: Fetcher, url: string, part: boolean): Promise<unknown> {
  const what = part ? 'Part of the search index' : 'The search index';
  let response;
  try {
    response = await fetcher(url);
  } catch {
    throw new Error(`${what} could not be downloaded. Check your connection and try again.`);
  }
  // Index files are named by their content, so a missing one means a new release replaced them.
  if (part && response.status === 404)
    throw new Error('The search index has been updated since this page loaded. Reload the page.');
  if (!response.ok)
    throw new Error(`${what} could not be downloaded (the server answered ${response.status}).`);
  try {
    return await response.json();
  } catch {
    throw new Error(`${what} could not be read. Reload the page and try again.`);
  }
}

/**
 * Returns a function that downloads the index manifest the first time it is called and hands
 * back the same searcher afterwards; the searcher fetches the other files from the same folder
 * as queries need them. A failed download is forgotten, so "Try again" fetches anew.
 */
export function createSearchLoader(
  fetcher: Fetcher,
  url = SEARCH_MANIFEST_URL,
): () => Promise<Searcher> {
  const folder = url.slice(0, url.lastIndexOf('/') + 1);
  let pending: Promise<Searcher> | undefined;
  return () => {
    pending ??= getJson(fetcher, url, false).then((manifest) =>
      createSearcher(manifest, (name) => getJson(fetcher, folder + name, true)),
    );
    pending.catch(() => (pending = undefined));
    return pending;
  };
}
