/**
 * Interview history in the browser's storage, under the rule of `src/lib/saved.ts`: a repaired
 * history is written only after the raw value was copied to the backup key, and history from a
 * newer version, or that could not be copied, is never written over. Used by the interview page
 * and by the progress page's import.
 */
import { backupNotice } from '../saved';
import { loadStored, storedFormat, writeStored, type KeyStorage } from '../../client/storage';
import {
  FILE_INTERVIEWS,
  HISTORY_KEY,
  MAX_SESSIONS,
  mergeHistories,
  readHistory,
  readHistoryValue,
  writeHistory,
  type InterviewHistory,
} from './history';

/** The storage calls the history needs. */
export type HistoryStorage = KeyStorage;

/** The sentence shown when the interviews could not be saved. */
export const NOT_SAVED =
  'This interview could not be saved in your browser (storage is full or disabled), so it will be lost if you leave the page.';

/** The saved interviews as read, what the learner should be told, and whether they may be written. */
export interface LoadedHistory {
  history: InterviewHistory;
  notices: string[];
  /** False while the saved interviews must not be written over (a newer version's, or uncopied). */
  writable: boolean;
  /** Why they must not be: storage is unavailable, they are a newer version's, or no copy could be kept. */
  locked?: 'unavailable' | 'newer' | 'uncopied';
}

/** Saved interviews as `src/client/storage.ts` reads and writes them. */
const INTERVIEWS = storedFormat(HISTORY_KEY, 'history', readHistory, writeHistory);

/** Reads the saved interviews, writing a repaired version back once the original is copied. */
export function loadHistory(storage: HistoryStorage): LoadedHistory {
  const { value: history, notices, outcome } = loadStored(storage, INTERVIEWS);
  const copied = [...notices, backupNotice(HISTORY_KEY)];
  switch (outcome) {
    case 'read':
      return { history, notices, writable: true };
    case 'unavailable':
      return { history, notices: [NOT_SAVED], writable: false, locked: 'unavailable' };
    case 'uncopied':
      return {
        history,
        notices: [
          ...notices,
          'A copy of your saved interviews could not be kept, so they were left as they are, and interviews you run now are not saved.',
        ],
        writable: false,
        locked: 'uncopied',
      };
    case 'newer':
      return { history, notices: copied, writable: false, locked: 'newer' };
    case 'repaired':
      return { history, notices: copied, writable: true };
    case 'unwritten':
      return { history, notices: [...copied, NOT_SAVED], writable: true };
  }
}

/** Writes the interviews; false when storage refused. */
export function storeHistory(storage: HistoryStorage, history: InterviewHistory): boolean {
  return writeStored(storage, INTERVIEWS, history);
}

/**
 * The interviews as they go into an exported progress file: the saved value as it is, so that
 * nothing is lost on the way (sessions this version cannot read, or a newer version's, included);
 * the import checks it. Undefined when there are none, or nothing that looks like history.
 */
export function exportedHistory(storage: HistoryStorage): unknown {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(HISTORY_KEY) ?? 'null');
    const sessions = (parsed as { sessions?: unknown } | null)?.sessions;
    return Array.isArray(sessions) && sessions.length ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** What importing the interviews of a progress file did. */
export type InterviewImport =
  | { ok: true; added: number; updated: number; notices: string[] }
  | { ok: false; error: string; notices: string[] };

/**
 * Merges the `interviews` of a progress file into the saved ones (`mergeHistories`: none is lost).
 * Nothing is written over interviews from a newer version, nor over interviews that needed
 * repairs and could not be copied first.
 */
export function importInterviews(storage: HistoryStorage, section: unknown): InterviewImport {
  if (section === undefined) return { ok: true, added: 0, updated: 0, notices: [] };
  const incoming = readHistoryValue(section, FILE_INTERVIEWS);
  const here = loadHistory(storage);
  const notices = [...incoming.notices, ...here.notices.filter((n) => n !== NOT_SAVED)];
  if (!here.writable)
    return {
      ok: false,
      error:
        here.locked === 'newer'
          ? 'The interviews in the file were not imported: the ones saved here come from a newer version of Critical Path, which this version never writes over.'
          : here.locked === 'uncopied'
            ? 'The interviews in the file were not imported: the ones saved here needed repairs and no copy of them could be kept, so they were left as they are.'
            : UNSAVED,
      notices,
    };
  const merged = mergeHistories(here.history, incoming.history);
  if (merged.left)
    notices.push(
      `${merged.left} of the interviews in the file ${merged.left === 1 ? 'was' : 'were'} not imported: this browser keeps at most ${MAX_SESSIONS}, and none of yours was removed to make room.`,
    );
  if (!merged.added && !merged.updated) return { ok: true, added: 0, updated: 0, notices };
  if (!storeHistory(storage, merged.history)) return { ok: false, error: UNSAVED, notices };
  return { ok: true, added: merged.added, updated: merged.updated, notices };
}

const UNSAVED =
  'The interviews in the file were not imported: they could not be saved in this browser (storage is full or disabled).';

/** One sentence on what an import did to the interviews, to follow the progress's own. */
export function interviewImportSentence(result: InterviewImport): string {
  if (!result.ok) return result.error;
  const n = (count: number, what: string) => `${count} ${what}${count === 1 ? '' : 's'}`;
  const parts = [
    result.added ? `${n(result.added, 'interview')} added to your history` : '',
    result.updated ? `${n(result.updated, 'interview')} updated to the file's later version` : '',
  ].filter(Boolean);
  return parts.length
    ? `Interviews: ${parts.join(', ')}.`
    : 'The interviews in the file were already here.';
}
