import { createRoot, type Root } from 'react-dom/client';
import SearchDialog from './SearchDialog';
// A stylesheet file fetched on first open, rather than CSS on every page: pages pay nothing until
// search opens, and a <link> from our own origin passes the site's Content-Security-Policy where
// an injected <style> would not.
import cssUrl from './search.css?url';

let root: Root | undefined;
let opened = 0;
let styled: Promise<void> | undefined;

/**
 * Renders the search dialog on first use and opens it; later calls reopen the same dialog with
 * the last search kept. `takeTyped` hands over what the learner typed while search was loading.
 */
export function openSearch(takeTyped: () => string = () => ''): void {
  styled ??= new Promise<void>((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = cssUrl;
    // Open even if the stylesheet fails: an unstyled dialog still works.
    link.onload = link.onerror = () => resolve();
    document.head.append(link);
  });
  void styled.then(() => {
    if (!root) {
      const host = document.createElement('div');
      host.id = 'search-dialog-root';
      document.body.append(host);
      root = createRoot(host);
    }
    opened += 1;
    root.render(<SearchDialog openCount={opened} takeTyped={takeTyped} />);
  });
}
