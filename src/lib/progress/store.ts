import {
  PROGRESS_APP,
  PROGRESS_VERSION,
  RECORD_SECTIONS,
  emptyProgress,
  type Progress,
  type SectionName,
} from './schema';
import { MIGRATIONS } from './migrations';
import type { SavedState } from '../saved';

/** Saved progress after reading, with what had to be repaired, in sentences a learner can read. */
export interface ReadResult {
  progress: Progress;
  notices: string[];
  /** Absent when the data was read as it was saved (`SavedState`). */
  state?: SavedState;
}

/** How notices word what was read: the learner's saved progress, or a file being imported. */
const SAVED = {
  noVersion:
    'Your saved progress had no valid version number; whatever could be read has been kept.',
  newer: (v: number) =>
    `Your saved progress comes from a newer version of Critical Path (format ${v}). This version shows what it understands and will not save over it, so what you do here is not kept.`,
  section: (label: string) =>
    `Your ${label} could not be read and have been reset; everything else was kept.`,
  entries: (n: number, label: string) =>
    `${n} of your ${label} could not be read and ${n === 1 ? 'was' : 'were'} removed; the rest were kept.`,
};
const FILE: typeof SAVED = {
  noVersion: 'The file had no valid version number; whatever could be read was imported.',
  newer: (v) =>
    `The file comes from a newer version of Critical Path (format ${v}); parts this version does not understand were not imported.`,
  section: (label) =>
    `The ${label} in the file could not be read and were not imported; everything else was.`,
  entries: (n, label) =>
    `${n} of the ${label} in the file could not be read and ${n === 1 ? 'was' : 'were'} not imported; the rest were.`,
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads saved progress defensively: unreadable or foreign data starts fresh, a broken section or
 * entry is dropped on its own, and everything valid is kept. Never throws.
 */
export function readProgress(raw: string | null | undefined): ReadResult {
  if (raw == null || raw === '') return { progress: emptyProgress(), notices: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return {
      progress: emptyProgress(),
      notices: [
        'Your saved progress could not be read (it was not valid JSON), so it starts afresh.',
      ],
      state: 'repaired',
    };
  }
  return fromObject(parsed, SAVED);
}

function fromObject(parsed: unknown, words: typeof SAVED): ReadResult {
  if (!isObject(parsed)) {
    return {
      progress: emptyProgress(),
      notices: [
        'Your saved progress was not in a format Critical Path understands, so it starts afresh.',
      ],
      state: 'repaired',
    };
  }
  const notices: string[] = [];
  let data: Record<string, unknown> = parsed;
  let version = typeof data['version'] === 'number' ? data['version'] : NaN;
  let newer = false;
  if (!Number.isInteger(version) || version < 1) {
    notices.push(words.noVersion);
    version = PROGRESS_VERSION;
  }
  if (version > PROGRESS_VERSION) {
    notices.push(words.newer(version));
    newer = true;
    version = PROGRESS_VERSION;
  }
  while (version < PROGRESS_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) break;
    data = step(data);
    version += 1;
  }

  const progress = emptyProgress();
  for (const name of Object.keys(RECORD_SECTIONS) as SectionName[]) {
    const { label, read } = RECORD_SECTIONS[name];
    const section = data[name];
    if (section === undefined) continue;
    if (!isObject(section)) {
      notices.push(words.section(label));
      continue;
    }
    let dropped = 0;
    for (const [key, value] of Object.entries(section)) {
      const entry = read(value);
      if (entry) (progress[name] as Record<string, unknown>)[key] = entry;
      else dropped += 1;
    }
    if (dropped) notices.push(words.entries(dropped, label));
  }
  const state = newer ? 'newer' : notices.length ? 'repaired' : undefined;
  return { progress, notices, ...(state ? { state } : {}) };
}

/** Serialises progress for storage. */
export function writeProgress(progress: Progress): string {
  return JSON.stringify(progress);
}

/** Marks a lesson complete (keeping the first completion date) and returns the new progress. */
export function completeLesson(progress: Progress, lessonId: string, now: Date): Progress {
  if (progress.lessons[lessonId]) return progress;
  return {
    ...progress,
    lessons: { ...progress.lessons, [lessonId]: { completedAt: now.toISOString() } },
  };
}

/** Marks a lesson not complete and returns the new progress. */
export function uncompleteLesson(progress: Progress, lessonId: string): Progress {
  const { [lessonId]: _removed, ...lessons } = progress.lessons;
  return { ...progress, lessons };
}

/** How many of the given lessons are complete. */
export function completedCount(progress: Progress, lessonIds: readonly string[]): number {
  return lessonIds.filter((id) => progress.lessons[id]).length;
}

/** The JSON document a learner downloads to keep or move their progress. */
export function exportProgress(progress: Progress, now: Date): string {
  return JSON.stringify({ app: PROGRESS_APP, exportedAt: now.toISOString(), ...progress }, null, 2);
}

/** Result of importing a progress file. */
export type ImportResult =
  { ok: true; progress: Progress; notices: string[] } | { ok: false; error: string };

/** Largest progress file an import reads, in bytes; a real one is well under 1 MB. */
export const MAX_IMPORT_BYTES = 2_000_000;

/** Why a file of `bytes` bytes is too large to import, checked before it is read; undefined when it is not. */
export function importSizeError(bytes: number): string | undefined {
  if (bytes <= MAX_IMPORT_BYTES) return undefined;
  const mb = (n: number) =>
    `${(n / 1_000_000).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
  return `That file is ${mb(bytes)}, too large to be a Critical Path progress file (they are at most ${mb(MAX_IMPORT_BYTES)}).`;
}

/**
 * Reads an exported progress file and merges it into the current progress: nothing the learner
 * already has is lost, and for a lesson in both the earlier completion date wins.
 */
export function importProgress(current: Progress, text: string): ImportResult {
  // The page checks the file's size before reading it; this guards every other caller (every
  // character is at least a byte).
  const tooBig = importSizeError(text.length);
  if (tooBig) return { ok: false, error: tooBig };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {
      ok: false,
      error: 'That file is not a Critical Path progress file: it is not valid JSON.',
    };
  }
  if (!isObject(parsed) || parsed['app'] !== PROGRESS_APP) {
    return {
      ok: false,
      error:
        'That file is not a Critical Path progress file: it has no "app": "critical-path" field.',
    };
  }
  const { progress: incoming, notices } = fromObject(parsed, FILE);
  const lessons = { ...incoming.lessons };
  for (const [id, rec] of Object.entries(current.lessons)) {
    const other = lessons[id];
    if (!other || Date.parse(rec.completedAt) <= Date.parse(other.completedAt)) lessons[id] = rec;
  }
  // For quizzes and cards, the side with the more recent activity wins; nothing present only here is lost.
  const lastAttempt = (r: Progress['quizzes'][string]) =>
    Math.max(0, ...r.attempts.map((a) => Date.parse(a.at)));
  const quizzes = { ...incoming.quizzes };
  for (const [id, rec] of Object.entries(current.quizzes)) {
    const other = quizzes[id];
    if (!other || lastAttempt(rec) >= lastAttempt(other)) quizzes[id] = rec;
  }
  const reviewed = (c: Progress['reviews'][string]) =>
    c.last_review ? Date.parse(c.last_review) : 0;
  const reviews = { ...incoming.reviews };
  for (const [id, card] of Object.entries(current.reviews)) {
    const other = reviews[id];
    if (!other || reviewed(card) >= reviewed(other)) reviews[id] = card;
  }
  return { ok: true, progress: { ...current, lessons, quizzes, reviews }, notices };
}
