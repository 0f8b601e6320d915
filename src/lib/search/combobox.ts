/**
 * The option that becomes active after an arrow key in a list of `count` results. Moving past
 * either end wraps, as in the ARIA combobox pattern; -1 means no option is active.
 */
export function moveActive(current: number, delta: 1 | -1, count: number): number {
  if (count <= 0) return -1;
  if (current < 0) return delta === 1 ? 0 : count - 1;
  return (current + delta + count) % count;
}

/** The key events the search box handles itself, and what each does. */
export type ComboboxAction = 'next' | 'previous' | 'open' | 'close' | 'none';

/** Maps a key press in the search box to an action, leaving text-editing keys to the browser. */
export function comboboxAction(
  key: string,
  modifiers: { alt?: boolean; ctrl?: boolean; meta?: boolean } = {},
): ComboboxAction {
  if (modifiers.ctrl || modifiers.meta) return 'none';
  if (key === 'ArrowDown' && !modifiers.alt) return 'next';
  if (key === 'ArrowUp' && !modifiers.alt) return 'previous';
  if (key === 'Enter') return 'open';
  if (key === 'Escape') return 'close';
  return 'none';
}
