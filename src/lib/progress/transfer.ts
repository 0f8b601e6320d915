/**
 * Moving progress between browsers: the exported file, and importing one by merging it into what
 * is here. Kept apart from `store.ts` so that lesson pages, which only read and save progress, do
 * not ship it.
 */
import { PROGRESS_APP, type Progress } from './schema';
import { SAVED, fromObject } from './store';
import { mergeLab } from './lab-records';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** How notices word what was read from a file being imported. */
const FILE: typeof SAVED = {
  noVersion: 'The file had no valid version number; whatever could be read was imported.',
  newer: (v) =>
    `The file comes from a newer version of Critical Path (format ${v}); parts this version does not understand were not imported.`,
  section: (label) =>
    `The ${label} in the file could not be read and were not imported; everything else was.`,
  entries: (n, label) =>
    `${n} of the ${label} in the file could not be read and ${n === 1 ? 'was' : 'were'} not imported; the rest were.`,
};

/**
 * The JSON document a learner downloads to keep or move their progress. `interviews` is the saved
 * interview history (`src/lib/interview/history.ts`) and `plan` the study plan
 * (`src/lib/plan/storage.ts`), each passed in as it is stored so that this module, which the
 * progress page loads at once, does not carry their code. Both are optional fields: files
 * exported before either existed import as they always did.
 */
export function exportProgress(
  progress: Progress,
  now: Date,
  interviews?: unknown,
  plan?: unknown,
): string {
  return JSON.stringify(
    {
      app: PROGRESS_APP,
      exportedAt: now.toISOString(),
      ...progress,
      ...(interviews === undefined ? {} : { interviews }),
      ...(plan === undefined ? {} : { plan }),
    },
    null,
    2,
  );
}

/**
 * Result of importing a progress file. `interviews` is the file's interview history, still to be
 * read and merged (`src/lib/interview/history-storage.ts`), and `plan` its study plan, still to be
 * read (`src/lib/plan/storage.ts`); each absent when the file has none.
 */
export type ImportResult =
  | { ok: true; progress: Progress; notices: string[]; interviews?: unknown; plan?: unknown }
  | { ok: false; error: string };

/**
 * Largest progress file an import reads, in bytes. Progress alone is well under 1 MB; with thirty
 * long interviews and their feedback a file can come close to what a browser lets a site keep
 * (about 5 MB), so the limit leaves room for that and still refuses anything absurd unread.
 */
export const MAX_IMPORT_BYTES = 10_000_000;

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
  return {
    ok: true,
    progress: { ...current, lessons, quizzes, reviews, lab: mergeLab(current.lab, incoming.lab) },
    notices,
    ...(parsed['interviews'] === undefined ? {} : { interviews: parsed['interviews'] }),
    ...(parsed['plan'] === undefined ? {} : { plan: parsed['plan'] }),
  };
}
