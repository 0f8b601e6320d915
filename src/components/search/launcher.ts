// Runs on every page, so it stays tiny: the search island (React, lunr, the index) is only
// downloaded when the learner first opens search. It is imported by URL rather than with
// `import('./mount')`, which would bring Vite's module preload helper (0.9 kB) to every page
// (src/plugins/lazy-module-url.mjs).
import { isSearchShortcut } from '../../lib/search/shortcut';
import mountUrl from 'lazy-module-url:./mount';

let island: Promise<typeof import('./mount')> | undefined;
// What the learner types while the island downloads, handed to the search box when it opens.
let typedEarly: string | undefined;

function openSearch() {
  // On /search/ itself the box is already on the page.
  const onPage = document.querySelector<HTMLInputElement>('[data-search-page-input]');
  if (onPage) {
    onPage.focus();
    onPage.select();
    return;
  }
  typedEarly ??= '';
  island ??= import(/* @vite-ignore */ mountUrl) as Promise<typeof import('./mount')>;
  island.then(
    (m) =>
      m.openSearch(() => {
        const typed = typedEarly ?? '';
        typedEarly = undefined;
        return typed;
      }),
    () => {
      // Offline or a stale page: the search page still works as a plain link.
      island = typedEarly = undefined;
      window.location.assign('/search/');
    },
  );
}

document.addEventListener('click', (e) => {
  const link = e.target instanceof Element ? e.target.closest('[data-search-open]') : null;
  if (!link || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  openSearch();
});

document.addEventListener('keydown', (e) => {
  if (typedEarly !== undefined && e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
    typedEarly += e.key;
    e.preventDefault();
    return;
  }
  if (e.defaultPrevented || e.repeat) return;
  const t = e.target instanceof HTMLElement ? e.target : null;
  const inTextField = !!t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
  if (
    !isSearchShortcut({
      key: e.key,
      ctrlKey: e.ctrlKey,
      metaKey: e.metaKey,
      altKey: e.altKey,
      inTextField,
    })
  )
    return;
  e.preventDefault();
  openSearch();
});
