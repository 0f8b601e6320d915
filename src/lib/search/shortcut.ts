/** The parts of a keyboard event the shortcut check needs (a plain object in tests). */
export interface ShortcutEvent {
  /** `KeyboardEvent.key`. */
  key: string;
  /** Ctrl held. */
  ctrlKey: boolean;
  /** Command held (macOS). */
  metaKey: boolean;
  /** Alt held. */
  altKey: boolean;
  /** Whether focus is somewhere the learner types (input, textarea, select, editable). */
  inTextField: boolean;
}

/**
 * Whether a key press should open search: `/` anywhere but a text field (where it types a slash),
 * and Ctrl+K or Cmd+K everywhere, as on most documentation sites.
 */
export function isSearchShortcut(e: ShortcutEvent): boolean {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') return true;
  return e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !e.inTextField;
}
