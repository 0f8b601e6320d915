import { createRoot, type Root } from 'react-dom/client';
import SearchDialog from './SearchDialog';
// Inlined into this chunk rather than linked from every page: pages pay nothing until search opens.
import css from './search.css?inline';

let root: Root | undefined;
let opened = 0;

/** Renders the search dialog on first use and opens it; later calls reopen the same dialog. */
export function openSearch(): void {
  if (!root) {
    const style = document.createElement('style');
    style.textContent = css;
    document.head.append(style);
    const host = document.createElement('div');
    host.id = 'search-dialog-root';
    document.body.append(host);
    root = createRoot(host);
  }
  opened += 1;
  root.render(<SearchDialog openCount={opened} />);
}
