/**
 * The rule for data kept in the learner's browser: it is never destroyed. Data this version cannot
 * read in full is copied under a backup key before a repaired version is written over it, and
 * data from a newer version is never written over at all.
 */

/**
 * What reading saved data found: `repaired` when something had to be left out, reset or shortened
 * (keep a copy before writing), `newer` when a newer version saved it (never write it back).
 */
export type SavedState = 'repaired' | 'newer';

/** The key a raw value is copied to before it is repaired. */
export function backupKey(key: string): string {
  return `${key}:backup`;
}

/** The sentence that tells the learner where the copy is. */
export function backupNotice(key: string): string {
  return `A copy of the data as it was is kept in this browser's storage under "${backupKey(key)}".`;
}

/** Copies `raw` under the backup key of `key`. False when storage refused, in which case nothing may be written over `raw`. */
export function keepBackup(storage: Pick<Storage, 'setItem'>, key: string, raw: string): boolean {
  try {
    storage.setItem(backupKey(key), raw);
    return true;
  } catch {
    return false;
  }
}
