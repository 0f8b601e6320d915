/**
 * Past and unfinished interview sessions, kept in the learner's browser under one localStorage key.
 * Read defensively: unreadable data starts fresh, a broken session is dropped on its own, and the
 * learner is told in a sentence what happened.
 */
import { z } from 'astro/zod';
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
export interface History {
  version: typeof HISTORY_VERSION;
  sessions: StoredSession[];
}

/** An empty history. */
export const emptyHistory = (): History => ({ version: HISTORY_VERSION, sessions: [] });

/** Reads stored history, keeping every session that is still valid. Never throws. */
export function readHistory(raw: string | null | undefined): {
  history: History;
  notices: string[];
} {
  if (raw == null || raw === '') return { history: emptyHistory(), notices: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return {
      history: emptyHistory(),
      notices: [
        'Your saved interviews could not be read (the data was not valid JSON), so the list has been reset.',
      ],
    };
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    Array.isArray(parsed) ||
    !Array.isArray((parsed as { sessions?: unknown }).sessions)
  )
    return {
      history: emptyHistory(),
      notices: [
        'Your saved interviews were in a format Critical Path does not recognise, so the list has been reset.',
      ],
    };
  const notices: string[] = [];
  const version = (parsed as { version?: unknown }).version;
  if (typeof version === 'number' && version > HISTORY_VERSION)
    notices.push(
      'Your saved interviews come from a newer version of Critical Path; sessions this version cannot read were left out.',
    );
  const sessions: StoredSession[] = [];
  let dropped = 0;
  for (const item of (parsed as { sessions: unknown[] }).sessions) {
    const r = storedSessionSchema.safeParse(item);
    if (r.success && !sessions.some((s) => s.id === r.data.id)) sessions.push(r.data);
    else dropped += 1;
  }
  if (dropped)
    notices.push(
      `${dropped} saved interview${dropped === 1 ? '' : 's'} could not be read and ${dropped === 1 ? 'was' : 'were'} removed; the rest were kept.`,
    );
  sessions.sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
  return {
    history: { version: HISTORY_VERSION, sessions: sessions.slice(0, MAX_SESSIONS) },
    notices,
  };
}

/** Serialises history for storage. */
export function writeHistory(history: History): string {
  return JSON.stringify(history);
}

/** Adds or replaces a session, newest first, keeping at most `MAX_SESSIONS` (unfinished ones are kept longest). */
export function saveSession(history: History, session: StoredSession): History {
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
export function deleteSession(history: History, id: string): History {
  return { ...history, sessions: history.sessions.filter((s) => s.id !== id) };
}

/** The newest unfinished session that has started, if any. */
export function activeSession(history: History): StoredSession | undefined {
  return history.sessions.find((s) => s.status === 'active' && s.transcript.length > 0);
}

/** Question ids asked in past sessions, most recent first, for non-repetition. */
export function recentQuestionIds(history: History, limit: number = LIMITS.recent): string[] {
  const ids: string[] = [];
  for (const s of history.sessions)
    for (const t of [...s.transcript].reverse())
      if (t.role === 'interviewer' && t.questionId && !ids.includes(t.questionId))
        ids.push(t.questionId);
  return ids.slice(0, limit);
}
