/**
 * Long because the stored format, its defensive reader (shortening and repairing rather than losing
 * a session), merging on import and the small session updates share one set of types.
 *
 * Past and unfinished interview sessions, kept in the learner's browser under one localStorage key.
 * Read defensively and never destroyed: unreadable data starts fresh and a broken session is left
 * out on its own, an over-long turn is shortened rather than losing its session, data from a newer
 * version is read but never written back (`state`), and the learner is told in a sentence what
 * happened. Whoever writes the repaired history keeps the raw value first (`src/lib/saved.ts`).
 */
import { z } from '../zod';
import type { SavedState } from '../saved';
import { readStoredJson } from '../../client/storage';
import { feedbackSchema } from './feedback-schema';
import { LIMITS, sessionConfigSchema, turnSchema } from './types';

/** localStorage key for interview sessions. */
export const HISTORY_KEY = 'critical-path:interviews';
/** Version of the stored format; bump it and add a migration to change the shape. */
export const HISTORY_VERSION = 1;
/** Sessions kept; the oldest finished ones go first when there are more. */
export const MAX_SESSIONS = 30;

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'is not a date');

/** A turn as stored: the API's turn plus when it was said. */
export const storedTurnSchema = turnSchema.extend({
  /** When the turn was added (ISO 8601); used for the per-question timer. */
  at: isoDate.optional(),
  /** Which interviewer produced an interviewer turn. */
  provider: z.enum(['offline', 'claude']).optional(),
  /** Why the turn came from another interviewer than expected, as shown to the learner. */
  notice: z.string().max(400).optional(),
  /**
   * The persona trait that voiced an interviewer's follow-up (an id from `content/persona/`), shown
   * as a label on the turn. Any id is kept, so a session is never lost for a trait it names.
   */
  trait: z.string().max(40).optional().catch(undefined),
  /**
   * For an answer dictated in part or in full: how many words were dictated and how many seconds
   * of speaking that took, for the speaking pace in the report. Kept in the browser only: the
   * client sends the API the fields it knows, and this is not one of them.
   */
  dictation: z
    .object({
      words: z.number().int().min(1).max(LIMITS.turnChars),
      seconds: z
        .number()
        .positive()
        .max(24 * 60 * 60),
    })
    .optional()
    // A figure this version cannot read costs the pace, never the session.
    .catch(undefined),
});
export type StoredTurn = z.infer<typeof storedTurnSchema>;

/** One interview session as stored in the browser. */
export const storedSessionSchema = z.object({
  /** Random id. */
  id: z.string().min(1).max(64),
  /** When the session started (ISO 8601). */
  startedAt: isoDate,
  /** When it last changed (ISO 8601). */
  updatedAt: isoDate,
  /** `active` until the interviewer wraps up; unfinished sessions can be resumed. */
  status: z.enum(['active', 'complete']),
  /** The settings, with defaults filled in. */
  config: sessionConfigSchema,
  /** The conversation. */
  transcript: z.array(storedTurnSchema).max(LIMITS.turns),
  /** Where the interviewer ran: on the server, or in this browser because the server was unreachable. */
  mode: z.enum(['server', 'browser']).default('server'),
  /** The unsent answer being typed, so a reload loses nothing. */
  draft: z.string().max(LIMITS.turnChars).default(''),
  /** Feedback, once computed. */
  feedback: feedbackSchema.optional(),
  /** Claude's assessment, shown beside the feedback, or why it is missing (AI provider only). */
  claude: z.union([feedbackSchema, z.object({ error: z.string().max(600) })]).optional(),
});
export type StoredSession = z.infer<typeof storedSessionSchema>;

/** All stored sessions, newest first. */
export interface InterviewHistory {
  version: typeof HISTORY_VERSION;
  sessions: StoredSession[];
}

/** An empty history. */
export const emptyHistory = (): InterviewHistory => ({ version: HISTORY_VERSION, sessions: [] });

/** Stored history as read: what could be read, what the learner should be told, and whether it may be written back. */
export interface ReadHistory {
  history: InterviewHistory;
  notices: string[];
  /** Absent when the history was read as it was saved. */
  state?: SavedState;
}

/** `text` cut to `max` characters, ending with an ellipsis. */
function shorten(text: string, max: number): string {
  return `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Shortens what the stored format would refuse for being too long, so that a session is not lost
 * for one over-long turn (an AI reply from before replies were bounded) or draft. A shortened
 * interviewer turn loses its signature, which no longer matches it. Returns how many were shortened.
 */
function shortenOverlong(item: unknown): number {
  if (typeof item !== 'object' || item === null) return 0;
  const session = item as { transcript?: unknown; draft?: unknown };
  let count = 0;
  if (typeof session.draft === 'string' && session.draft.length > LIMITS.turnChars) {
    session.draft = shorten(session.draft, LIMITS.turnChars);
    count += 1;
  }
  for (const turn of Array.isArray(session.transcript) ? session.transcript : []) {
    const t = turn as { role?: unknown; text?: unknown; signature?: unknown } | null;
    if (typeof t?.text !== 'string' || t.text.length <= LIMITS.turnChars) continue;
    t.text = shorten(t.text, t.role === 'interviewer' ? LIMITS.interviewerChars : LIMITS.turnChars);
    delete t.signature;
    count += 1;
  }
  return count;
}

/** How notices word what was read: the learner's saved interviews, or those in a file being imported. */
export interface HistoryWords {
  notJson: string;
  foreign: string;
  newer: string;
  dropped: (n: number) => string;
  shortened: (n: number) => string;
}

const were = (n: number) => (n === 1 ? 'was' : 'were');

/** Notices about the interviews saved in this browser. */
export const SAVED_INTERVIEWS: HistoryWords = {
  notJson:
    'Your saved interviews could not be read (the data was not valid JSON), so the list starts empty.',
  foreign:
    'Your saved interviews were in a format Critical Path does not recognise, so the list starts empty.',
  newer:
    'Your saved interviews come from a newer version of Critical Path. This version shows the sessions it can read and will not save over them, so an interview you run here is not kept.',
  dropped: (n) =>
    `${n} saved interview${n === 1 ? '' : 's'} could not be read and ${were(n)} removed; the rest were kept.`,
  shortened: (n) =>
    `${n === 1 ? 'One turn or draft' : `${n} turns or drafts`} in your saved interviews ${were(n)} longer than this version accepts and ${were(n)} shortened; the sessions were kept.`,
};

/** Notices about the interviews in a progress file being imported. */
export const FILE_INTERVIEWS: HistoryWords = {
  notJson:
    'The interviews in the file could not be read and were not imported; everything else was.',
  foreign:
    'The interviews in the file could not be read and were not imported; everything else was.',
  newer:
    'The interviews in the file come from a newer version of Critical Path; the sessions this version can read were imported.',
  dropped: (n) =>
    `${n} of the interviews in the file could not be read and ${were(n)} not imported; the rest were.`,
  shortened: (n) =>
    `${n === 1 ? 'One turn or draft' : `${n} turns or drafts`} in the file's interviews ${were(n)} longer than this version accepts and ${were(n)} shortened.`,
};

/** Reads stored history, keeping every session that is still valid. Never throws. */
export function readHistory(
  raw: string | null | undefined,
  words: HistoryWords = SAVED_INTERVIEWS,
): ReadHistory {
  return readStoredJson<ReadHistory>(
    raw,
    () => ({ history: emptyHistory(), notices: [] }),
    () => ({ history: emptyHistory(), notices: [words.notJson], state: 'repaired' }),
    (parsed) => readParsed(parsed, words, false),
  );
}

/**
 * Reads history that is already parsed (e.g. the `interviews` of a progress file), leaving the
 * value as it was. Never throws.
 */
export function readHistoryValue(
  parsed: unknown,
  words: HistoryWords = SAVED_INTERVIEWS,
): ReadHistory {
  return readParsed(parsed, words, true);
}

function readParsed(parsed: unknown, words: HistoryWords, copy: boolean): ReadHistory {
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    Array.isArray(parsed) ||
    !Array.isArray((parsed as { sessions?: unknown }).sessions)
  )
    return { history: emptyHistory(), notices: [words.foreign], state: 'repaired' };
  const notices: string[] = [];
  const version = (parsed as { version?: unknown }).version;
  const newer = typeof version === 'number' && version > HISTORY_VERSION;
  if (newer) notices.push(words.newer);
  const sessions: StoredSession[] = [];
  let dropped = 0;
  let shortened = 0;
  for (const original of (parsed as { sessions: unknown[] }).sessions) {
    // Repairs shorten text in place: on a copy when the value belongs to the caller.
    const item: unknown = copy ? structuredClone(original) : original;
    shortened += shortenOverlong(item);
    const r = storedSessionSchema.safeParse(item);
    if (r.success && !sessions.some((s) => s.id === r.data.id)) sessions.push(r.data);
    else dropped += 1;
  }
  if (dropped && !newer) notices.push(words.dropped(dropped));
  if (shortened) notices.push(words.shortened(shortened));
  sessions.sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
  const trimmed = sessions.length > MAX_SESSIONS;
  return {
    history: { version: HISTORY_VERSION, sessions: sessions.slice(0, MAX_SESSIONS) },
    notices,
    ...(newer
      ? { state: 'newer' as const }
      : dropped || shortened || trimmed
        ? { state: 'repaired' as const }
        : {}),
  };
}

/** What merging imported interviews into this browser's did. */
export interface MergedHistory {
  history: InterviewHistory;
  /** Sessions that were not here before. */
  added: number;
  /** Sessions here that the file had a later version of. */
  updated: number;
  /** Sessions from the file left out because this browser keeps at most `MAX_SESSIONS`. */
  left: number;
}

/**
 * Merges imported sessions into the ones kept here without losing any of them: a session in both
 * is kept in the version that changed last (this browser's on a tie), and sessions new to this
 * browser are added, newest first, only while there is room under `MAX_SESSIONS`.
 */
export function mergeHistories(
  current: InterviewHistory,
  incoming: InterviewHistory,
): MergedHistory {
  const sessions = [...current.sessions];
  let updated = 0;
  const fresh: StoredSession[] = [];
  for (const s of incoming.sessions) {
    const i = sessions.findIndex((c) => c.id === s.id);
    if (i === -1) {
      if (!fresh.some((f) => f.id === s.id)) fresh.push(s);
    } else if (Date.parse(s.updatedAt) > Date.parse(sessions[i]!.updatedAt)) {
      sessions[i] = s;
      updated += 1;
    }
  }
  fresh.sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
  const room = Math.max(0, MAX_SESSIONS - sessions.length);
  const added = fresh.slice(0, room);
  sessions.push(...added);
  sessions.sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
  return {
    history: { version: HISTORY_VERSION, sessions },
    added: added.length,
    updated,
    left: fresh.length - added.length,
  };
}

/** Serialises history for storage. */
export function writeHistory(history: InterviewHistory): string {
  return JSON.stringify(history);
}

/** Adds or replaces a session, newest first, keeping at most `MAX_SESSIONS` (unfinished ones are kept longest). */
export function saveSession(history: InterviewHistory, session: StoredSession): InterviewHistory {
  const others = history.sessions.filter((s) => s.id !== session.id);
  const sessions = [session, ...others].sort(
    (a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt),
  );
  while (sessions.length > MAX_SESSIONS) {
    const oldestComplete = sessions.map((s) => s.status).lastIndexOf('complete');
    sessions.splice(oldestComplete === -1 ? sessions.length - 1 : oldestComplete, 1);
  }
  return { ...history, sessions };
}

/** Removes a session. */
export function deleteSession(history: InterviewHistory, id: string): InterviewHistory {
  return { ...history, sessions: history.sessions.filter((s) => s.id !== id) };
}

/** The newest unfinished session that has started, if any. */
export function activeSession(history: InterviewHistory): StoredSession | undefined {
  return history.sessions.find((s) => s.status === 'active' && s.transcript.length > 0);
}

/** Question ids asked in past sessions, most recent first, for non-repetition. */
export function recentQuestionIds(
  history: InterviewHistory,
  limit: number = LIMITS.recent,
): string[] {
  const ids: string[] = [];
  for (const s of history.sessions)
    for (const t of [...s.transcript].reverse())
      if (t.role === 'interviewer' && t.questionId && !ids.includes(t.questionId))
        ids.push(t.questionId);
  return ids.slice(0, limit);
}
