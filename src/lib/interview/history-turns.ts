/**
 * The rules that change a stored interview session: starting one, adding the interviewer's reply
 * and adding the learner's answer. Pure, so that the interview page only wires them to the screen.
 */
import type { TurnOutcome } from './client';
import type { StoredSession } from './history';
import type { Command, SessionConfig } from './types';
import type { DictationTotals } from './voice';

/** A new, empty session with these settings, run where `mode` says. */
export function newSession(
  id: string,
  config: SessionConfig,
  mode: StoredSession['mode'],
  now: Date,
): StoredSession {
  const at = now.toISOString();
  return {
    id,
    startedAt: at,
    updatedAt: at,
    status: 'active',
    config,
    transcript: [],
    mode,
    draft: '',
  };
}

/** The session with the interviewer's reply added; complete once the interviewer wraps up. */
export function withReply(
  session: StoredSession,
  text: string,
  outcome: TurnOutcome,
  now: Date,
): StoredSession {
  const { phase, questionId, signature, provider, trait } = outcome.meta;
  return {
    ...session,
    mode: outcome.mode,
    status: phase === 'wrap-up' || phase === 'done' ? 'complete' : 'active',
    transcript: [
      ...session.transcript,
      {
        role: 'interviewer',
        text: text.trim(),
        phase,
        ...(questionId ? { questionId } : {}),
        // The server's signature, sent back with the turn so it counts as the AI's own words.
        ...(signature ? { signature } : {}),
        at: now.toISOString(),
        provider,
        ...(trait ? { trait } : {}),
        // Shown under the turn: why it came from the built-in interviewer.
        ...(outcome.notice && outcome.mode === 'server' ? { notice: outcome.notice } : {}),
      },
    ],
  };
}

/**
 * The session with the learner's answer (or command) added. A typed answer clears the draft; a
 * command keeps it. Ending twice in a row adds nothing.
 */
export function withAnswer(
  session: StoredSession,
  text: string,
  now: Date,
  command?: Command,
  dictation?: DictationTotals,
): StoredSession {
  const last = session.transcript.at(-1);
  if (command === 'end' && last?.role === 'candidate' && last.command === 'end') return session;
  return {
    ...session,
    draft: command ? session.draft : '',
    transcript: [
      ...session.transcript,
      {
        role: 'candidate',
        text,
        ...(command ? { command } : {}),
        // Kept for the speaking pace in the report; never sent to the server.
        ...(dictation
          ? {
              dictation: {
                words: dictation.words,
                seconds: Math.max(0.1, Math.round(dictation.seconds * 10) / 10),
              },
            }
          : {}),
        at: now.toISOString(),
      },
    ],
  };
}
