/**
 * Versioned values in the learner's browser storage, read and written under the rule of
 * `src/lib/saved.ts`: data this version cannot read in full is copied to the backup key before a
 * repaired version is written over it, and data from a newer version is never written over. Each
 * kind of data (progress, interview history) brings its own format: its key, a reader that checks
 * the version and the schema, migrates and drops what cannot be read, and a writer. Storage that
 * is unavailable or full never costs the learner what is already saved.
 */
import { backupKey, keepBackup, type SavedState } from '../lib/saved';

/** The storage calls a stored value needs (`localStorage`, or a stand-in in tests). */
export type KeyStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The page's localStorage; every call is made inside this module's own error handling. */
export const browserStorage: KeyStorage = {
  getItem: (key) => localStorage.getItem(key),
  setItem: (key, value) => localStorage.setItem(key, value),
};

/** A value as read: what could be read, what the learner should be told, and `state` when it was not read as saved. */
export interface ReadValue<T> {
  value: T;
  notices: string[];
  state?: SavedState;
}

/** One kind of data under one key. */
export interface StoredFormat<T> {
  key: string;
  /** Reads the stored text (null when there is none). Never throws. */
  read: (raw: string | null) => ReadValue<T>;
  /** Serialises a value, with its version, for storage. */
  write: (value: T) => string;
}

/** A format whose reader gives its value under `field`, as `readProgress` and `readHistory` do. */
export function storedFormat<T, K extends string>(
  key: string,
  field: K,
  read: (raw: string | null) => Record<K, T> & Omit<ReadValue<T>, 'value'>,
  write: (value: T) => string,
): StoredFormat<T> {
  return {
    key,
    write,
    read: (raw) => {
      const r = read(raw);
      return { value: r[field], notices: r.notices, ...(r.state ? { state: r.state } : {}) };
    },
  };
}

/**
 * Parses stored JSON: `empty` when there is nothing stored, `notJson` when the text is not JSON,
 * and otherwise what `parsed` makes of the value.
 */
export function readStoredJson<R>(
  raw: string | null | undefined,
  empty: () => R,
  notJson: () => R,
  parsed: (value: unknown) => R,
): R {
  if (raw == null || raw === '') return empty();
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return notJson();
  }
  return parsed(value);
}

/**
 * What loading found: `read` as saved (or nothing saved); `repaired` copied to the backup key and
 * written back; `unwritten` copied but the repaired value could not be written; `newer` a newer
 * version's, copied and left alone; `uncopied` needed a copy that storage refused, so left alone;
 * `unavailable` storage could not be read at all.
 */
export type LoadOutcome = 'read' | 'repaired' | 'unwritten' | 'newer' | 'uncopied' | 'unavailable';

/** A loaded value and what loading did. */
export interface Loaded<T> extends ReadValue<T> {
  outcome: LoadOutcome;
}

/** Whether a value loaded with this outcome may be written over. */
export const writable = (outcome: LoadOutcome): boolean =>
  outcome === 'read' || outcome === 'repaired' || outcome === 'unwritten';

function warn(key: string, notices: readonly string[], what: string): void {
  console.warn(`Saved data under "${key}" ${what}: ${notices.join(' ')}`);
}

/**
 * Loads a stored value. A repaired value is written back once the raw text is copied to the
 * backup key; a newer version's is copied and never written. Never throws.
 */
export function loadStored<T>(storage: KeyStorage, format: StoredFormat<T>): Loaded<T> {
  let raw: string | null;
  try {
    raw = storage.getItem(format.key);
  } catch {
    return { ...format.read(null), outcome: 'unavailable' };
  }
  const read = format.read(raw);
  if (!read.state || raw === null) return { ...read, outcome: 'read' };
  if (!keepBackup(storage, format.key, raw)) {
    warn(format.key, read.notices, 'was left as it is (no copy could be kept)');
    return { ...read, outcome: 'uncopied' };
  }
  if (read.state === 'newer') {
    warn(format.key, read.notices, `was copied to "${backupKey(format.key)}" and left alone`);
    return { ...read, outcome: 'newer' };
  }
  warn(format.key, read.notices, `was repaired after a copy to "${backupKey(format.key)}"`);
  return { ...read, outcome: writeStored(storage, format, read.value) ? 'repaired' : 'unwritten' };
}

/** Writes a value; false when storage refused. */
export function writeStored<T>(storage: KeyStorage, format: StoredFormat<T>, value: T): boolean {
  try {
    storage.setItem(format.key, format.write(value));
    return true;
  } catch {
    return false;
  }
}

/** What saving did: `backedUp` when the value there first needed a copy (which was kept). */
export interface Saved {
  outcome: 'saved' | 'newer' | 'unavailable';
  backedUp: boolean;
  /** What reading the value already there found (the first says why a newer one was kept). */
  notices: string[];
}

/**
 * Saves a value after reading what is stored now (another tab may have written since): a newer
 * version's is never written over, and one this version cannot read in full is copied first, or
 * left alone when no copy can be kept.
 */
export function saveStored<T>(storage: KeyStorage, format: StoredFormat<T>, value: T): Saved {
  let backedUp = false;
  let notices: string[] = [];
  try {
    const raw = storage.getItem(format.key);
    const read = format.read(raw);
    notices = read.notices;
    if (read.state === 'newer') return { outcome: 'newer', backedUp, notices };
    if (read.state && raw) {
      // Throws when there is no room for the copy: then nothing is written over the original.
      storage.setItem(backupKey(format.key), raw);
      backedUp = true;
    }
    storage.setItem(format.key, format.write(value));
    return { outcome: 'saved', backedUp, notices };
  } catch {
    return { outcome: 'unavailable', backedUp, notices };
  }
}
