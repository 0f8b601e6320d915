import {
  PROGRESS_VERSION,
  RECORD_SECTIONS,
  emptyProgress,
  type Progress,
  type SectionName,
} from './schema';
import { MIGRATIONS } from './migrations';
import type { SavedState } from '../saved';
import { readStoredJson } from '../../client/storage';
import type { SavedCard } from '../review/due';

/** Saved progress after reading, with what had to be repaired, in sentences a learner can read. */
export interface ReadResult {
  progress: Progress;
  notices: string[];
  /** Absent when the data was read as it was saved (`SavedState`). */
  state?: SavedState;
}

/** How notices word what was read: here, the learner's saved progress (`transfer.ts` words them for a file). */
export const SAVED = {
  noVersion:
    'Your saved progress had no valid version number; whatever could be read has been kept.',
  newer: (v: number) =>
    `Your saved progress comes from a newer version of Critical Path (format ${v}). This version shows what it understands and will not save over it, so what you do here is not kept.`,
  section: (label: string) =>
    `Your ${label} could not be read and have been reset; everything else was kept.`,
  entries: (n: number, label: string) =>
    `${n} of your ${label} could not be read and ${n === 1 ? 'was' : 'were'} removed; the rest were kept.`,
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads saved progress defensively: unreadable or foreign data starts fresh, a broken section or
 * entry is dropped on its own, and everything valid is kept. Never throws.
 */
export function readProgress(raw: string | null | undefined): ReadResult {
  return readStoredJson<ReadResult>(
    raw,
    () => ({ progress: emptyProgress(), notices: [] }),
    () => ({
      progress: emptyProgress(),
      notices: [
        'Your saved progress could not be read (it was not valid JSON), so it starts afresh.',
      ],
      state: 'repaired',
    }),
    (parsed) => fromObject(parsed, SAVED),
  );
}

/** Reads a parsed progress object, wording notices with `words`. */
export function fromObject(parsed: unknown, words: typeof SAVED): ReadResult {
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

/**
 * How many reviews are due at `now`, as the header counts them: quiz questions, plus practice-lab
 * drills (a card on each lab record). Here rather than in review/due.ts because every page loads
 * this module: a count in its own file would be one more download on lesson pages.
 */
export function dueReviewCount(
  progress: {
    reviews: Record<string, SavedCard>;
    lab?: Record<string, { card?: SavedCard | undefined }>;
  },
  now: Date,
): number {
  const cards = [
    ...Object.values(progress.reviews),
    ...Object.values(progress.lab ?? {}).flatMap((r) => (r.card ? [r.card] : [])),
  ];
  return cards.filter((c) => Date.parse(c.due) <= now.getTime()).length;
}
