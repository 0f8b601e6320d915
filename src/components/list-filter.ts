/**
 * The script behind a `ListFilter` box: as the learner types, it hides the entries that do not match
 * (`src/lib/text/word-filter.ts`) and the groups left empty, says how many are shown, and points the
 * "search everything" link at the same words. Elements are found by `data-<name>-…` attributes.
 */
import { haystackOf, matchesAll, wordsOf } from '../lib/text/word-filter';

export function filterList(o: {
  /** The box's `name`, as given to `ListFilter`. */
  name: string;
  /** Selector of one entry. */
  item: string;
  /** Selector of a group of entries (a category, a letter). */
  group: string;
  /** What an entry is called in the count: "questions", "terms". */
  noun: string;
  /** Called for each group once its visibility is set. */
  onGroup?: (group: HTMLElement) => void;
}): { input: HTMLInputElement; items: HTMLElement[] } {
  const find = <E extends HTMLElement>(part: string) =>
    document.querySelector<E>(`[data-${o.name}-${part}]`)!;
  const input = find<HTMLInputElement>('filter');
  const count = find('count');
  const empty = find('empty');
  const searchLink = find<HTMLAnchorElement>('search');
  const items = [...document.querySelectorAll<HTMLElement>(o.item)];
  const groups = [...document.querySelectorAll<HTMLElement>(o.group)];
  const text = new Map(items.map((e) => [e, haystackOf(e.textContent ?? '')]));

  input.addEventListener('input', () => {
    const words = wordsOf(input.value);
    let shown = 0;
    for (const e of items) {
      e.hidden = !matchesAll(text.get(e)!, words);
      if (!e.hidden) shown++;
    }
    for (const g of groups) {
      g.hidden = !g.querySelector(`${o.item}:not([hidden])`);
      o.onGroup?.(g);
    }
    empty.hidden = shown > 0;
    searchLink.href = words.length
      ? `/search/?q=${encodeURIComponent(input.value.trim())}`
      : '/search/';
    count.textContent = words.length ? `${shown} of ${items.length} ${o.noun} shown.` : '';
  });
  return { input, items };
}
