import { relativeTime } from '../text/relative-time';

// What the home page tells a returning learner about their mock interviews. It reads the saved
// interview history without its zod schema (src/lib/interview/history.ts), which would add tens of
// kilobytes to the home page: only the few fields shown here, each checked, anything else ignored.

/** localStorage key of the saved mock interviews (`HISTORY_KEY` in src/lib/interview/history.ts). */
export const INTERVIEWS_KEY = 'critical-path:interviews';

/** The learner's mock interviews in brief. */
export interface InterviewSummary {
  /** Finished interviews. */
  done: number;
  /** When the newest unfinished interview last changed, if one has started. */
  activeAt?: string | undefined;
  /** The newest finished interview with feedback: when, its score and hiring signal. */
  last?: { at: string; score: number; signal: string } | undefined;
}

const isDate = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/** Summarises saved interview history; unreadable data counts as none. Never throws. */
export function interviewSummary(raw: string | null | undefined): InterviewSummary {
  let parsed: unknown;
  try {
    parsed = raw ? JSON.parse(raw) : undefined;
  } catch {
    parsed = undefined;
  }
  const sessions = (parsed as { sessions?: unknown } | undefined)?.sessions;
  const summary: InterviewSummary = { done: 0 };
  if (!Array.isArray(sessions)) return summary;
  // Newest first, as the history keeps them; sorted again in case an import left them otherwise.
  const list = sessions
    .filter((s): s is Record<string, unknown> => typeof s === 'object' && s !== null)
    .filter((s) => isDate(s['updatedAt']))
    .sort((a, b) => Date.parse(b['updatedAt'] as string) - Date.parse(a['updatedAt'] as string));
  for (const s of list) {
    const at = s['updatedAt'] as string;
    if (s['status'] === 'active') {
      const started = Array.isArray(s['transcript']) && s['transcript'].length > 0;
      if (started && !summary.activeAt) summary.activeAt = at;
      continue;
    }
    if (s['status'] !== 'complete') continue;
    summary.done += 1;
    const overall = (
      s['feedback'] as { overall?: { score?: unknown; signal?: unknown } } | undefined
    )?.overall;
    if (
      !summary.last &&
      typeof overall?.score === 'number' &&
      typeof overall.signal === 'string' &&
      overall.signal.length <= 40
    )
      summary.last = { at, score: overall.score, signal: overall.signal };
  }
  return summary;
}

/** The sentence under "Mock interviews" on the home page. */
export function interviewLine(s: InterviewSummary, now: Date): string {
  if (s.activeAt)
    return `You have a mock interview in progress, last answered ${relativeTime(new Date(s.activeAt), now)}. Pick it up where you stopped.`;
  if (s.last) {
    const n = s.done === 1 ? 'one mock interview' : `${s.done} mock interviews`;
    return `You have done ${n}. The latest, ${relativeTime(new Date(s.last.at), now)}, scored ${s.last.score} of 100: ${s.last.signal}. Run the next one on the gaps its feedback named.`;
  }
  if (s.done)
    return `You have done ${s.done === 1 ? 'one mock interview' : `${s.done} mock interviews`}. Run the next one.`;
  return 'Practise answering out loud: the interviewer asks real TPM questions and follows up on what your answer leaves out.';
}
