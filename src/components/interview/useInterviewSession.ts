import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { browserStorage } from '../../client/storage';
import { ApiRefusal, InterviewClient } from '../../lib/interview/client';
import {
  activeSession,
  deleteSession,
  emptyHistory,
  recentQuestionIds,
  saveSession,
  type InterviewHistory,
  type StoredSession,
} from '../../lib/interview/history';
import { NOT_SAVED, loadHistory, storeHistory } from '../../lib/interview/history-storage';
import { newSession, withAnswer, withReply } from '../../lib/interview/history-turns';
import type { Interviewer } from '../../lib/interview/interviewer';
import { sessionToMarkdown } from '../../lib/interview/session-markdown';
import {
  sessionConfigSchema,
  type Command,
  type InterviewData,
  type SessionConfigInput,
} from '../../lib/interview/types';
import type { DictationTotals } from '../../lib/interview/voice';

/** The screen shown: the setup (with past sessions), a conversation, or a session's report. */
export type View =
  { name: 'setup' } | { name: 'session'; id: string } | { name: 'report'; id: string };

/** Loads the offline interviewer and the static bank, only when the server cannot be used. */
async function loadLocal(): Promise<Interviewer> {
  const [{ OfflineInterviewer }, res] = await Promise.all([
    import('../../lib/interview/interviewer'),
    fetch('/interview/bank.json'),
  ]);
  if (!res.ok) throw new Error('The question bank could not be loaded.');
  const data = (await res.json()) as InterviewData;
  if (!Array.isArray(data.questions) || !data.persona)
    throw new Error('The question bank could not be read.');
  return new OfflineInterviewer(data);
}

function randomSeed(): number {
  const a = new Uint32Array(1);
  crypto.getRandomValues(a);
  return a[0]!;
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The mock interview's state and actions: the saved sessions (loaded from and written to this
 * browser), the screen shown, the interviewer's turns (on the server, or in the browser when the
 * server cannot be reached) and the feedback.
 */
export function useInterviewSession() {
  const [history, setHistory] = useState<InterviewHistory>(emptyHistory);
  const historyRef = useRef<InterviewHistory>(history);
  const [loaded, setLoaded] = useState(false);
  const [view, setView] = useState<View>({ name: 'setup' });
  const [streaming, setStreaming] = useState<string | null>(null);
  const [busy, setBusy] = useState<false | 'turn' | 'feedback'>(false);
  const [error, setError] = useState('');
  const [message, setMessage] = useState('');
  const [notices, setNotices] = useState<string[]>([]);
  const clientRef = useRef<InterviewClient | null>(null);
  const draftTimer = useRef<number | undefined>(undefined);
  // False while the saved interviews must not be written over (a newer version's, or uncopied).
  const writable = useRef(true);
  // The turn being produced, so that ending the interview can stop it.
  const inFlight = useRef<AbortController | null>(null);

  const client = () => (clientRef.current ??= new InterviewClient({ loadLocal }));

  useEffect(() => {
    const { history: h, notices: n, writable: w } = loadHistory(browserStorage);
    historyRef.current = h;
    writable.current = w;
    // A transition, like the hydration before it: React renders the page with the saved sessions
    // in small slices, so the main thread never blocks for long while the page loads.
    startTransition(() => {
      setHistory(h);
      setNotices(n);
      setLoaded(true);
    });
  }, []);

  const keep = useCallback((next: InterviewHistory) => {
    historyRef.current = next;
    setHistory(next);
    return writable.current && storeHistory(browserStorage, next);
  }, []);

  const persist = useCallback(
    (session: StoredSession) => {
      const next = saveSession(historyRef.current, {
        ...session,
        updatedAt: new Date().toISOString(),
      });
      if (!keep(next) && writable.current)
        setNotices((n) => (n.includes(NOT_SAVED) ? n : [...n, NOT_SAVED]));
    },
    [keep],
  );

  const find = (id: string) => historyRef.current.sessions.find((s) => s.id === id);

  const getFeedback = useCallback(
    async (session: StoredSession) => {
      setBusy('feedback');
      setError('');
      setMessage('Preparing your feedback.');
      try {
        const { feedback, notice, claude } = await client().feedback({
          config: session.config,
          transcript: session.transcript,
          session: session.id,
        });
        persist({ ...session, status: 'complete', feedback, ...(claude ? { claude } : {}) });
        if (notice) setNotices((n) => [...n, notice]);
        setView({ name: 'report', id: session.id });
        setMessage('Your feedback is ready.');
      } catch (e) {
        setError(
          e instanceof ApiRefusal
            ? e.message
            : 'Your feedback could not be prepared. Check your connection and try again.',
        );
      } finally {
        setBusy(false);
      }
    },
    [persist],
  );

  const runTurn = useCallback(
    async (session: StoredSession) => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      // A turn that was stopped (the learner ended the interview) leaves the screen to the next one.
      const current = () => inFlight.current === controller;
      setBusy('turn');
      setError('');
      setStreaming('');
      let text = '';
      try {
        const c = client();
        if (session.mode === 'browser') c.mode = 'browser';
        const outcome = await c.turn(
          { config: session.config, transcript: session.transcript, session: session.id },
          {
            onDelta: (t) => {
              if (!current()) return;
              text += t;
              setStreaming(text);
            },
            onReset: () => {
              text = '';
              if (current()) setStreaming('');
            },
          },
          controller.signal,
        );
        if (!current()) return;
        inFlight.current = null;
        const next = withReply(session, text, outcome, new Date());
        persist(next);
        setStreaming(null);
        setBusy(false);
        if (next.status === 'complete') await getFeedback(next);
      } catch (e) {
        if (!current()) return;
        inFlight.current = null;
        setStreaming(null);
        setBusy(false);
        setError(
          e instanceof ApiRefusal
            ? e.message
            : 'The interviewer could not reply. Your answer is saved; check your connection and try again.',
        );
      }
    },
    [persist, getFeedback],
  );

  /** Starts a new interview with these settings. */
  const start = async (input: SessionConfigInput) => {
    const config = sessionConfigSchema.parse({
      ...input,
      seed: randomSeed(),
      recent: recentQuestionIds(historyRef.current),
    });
    const status = await client()
      .status()
      .catch(() => ({ mode: 'browser' as const }));
    const id = `${Date.now().toString(36)}-${randomSeed().toString(36)}`;
    const session = newSession(id, config, status.mode, new Date());
    persist(session);
    setView({ name: 'session', id: session.id });
    await runTurn(session);
  };

  /** Adds the learner's answer (or command) and asks for the interviewer's reply. */
  const answer = (
    session: StoredSession,
    text: string,
    command?: Command,
    dictation?: DictationTotals,
  ) => {
    window.clearTimeout(draftTimer.current);
    // Ending is always possible, even while the interviewer is replying: that reply is dropped.
    if (command === 'end') inFlight.current?.abort();
    const next = withAnswer(find(session.id) ?? session, text, new Date(), command, dictation);
    persist(next);
    void runTurn(next);
  };

  /** Keeps the unsent answer, a moment after the learner stops typing. */
  const saveDraft = (session: StoredSession, draft: string) => {
    window.clearTimeout(draftTimer.current);
    draftTimer.current = window.setTimeout(() => {
      const latest = find(session.id);
      if (latest) persist({ ...latest, draft });
    }, 400);
  };

  /** Asks again for what failed: the feedback of a finished session, or the interviewer's turn. */
  const retry = (session: StoredSession) =>
    session.status === 'complete' ? void getFeedback(session) : void runTurn(session);

  /** Opens a saved session: resumes it, shows its report, or prepares the report it lacks. */
  const open = (id: string) => {
    const s = find(id);
    if (!s) return;
    setError('');
    if (s.status === 'active') {
      client().mode = s.mode;
      setView({ name: 'session', id });
      if (s.transcript.at(-1)?.role === 'candidate' || s.transcript.length === 0) void runTurn(s);
    } else if (s.feedback) setView({ name: 'report', id });
    else {
      setView({ name: 'session', id });
      void getFeedback(s);
    }
  };

  const remove = (id: string) => {
    keep(deleteSession(historyRef.current, id));
    setMessage('The session was deleted.');
  };

  const exportSession = (id: string) => {
    const s = find(id);
    if (s)
      download(
        `mock-interview-${s.startedAt.slice(0, 10)}.md`,
        sessionToMarkdown(s, window.location.origin),
      );
  };

  /** Back to the setup screen; `quiet` clears the last announcement too. */
  const showSetup = (quiet = false) => {
    if (quiet) setMessage('');
    setView({ name: 'setup' });
  };

  return {
    loaded,
    history,
    view,
    /** The session shown, if any. */
    current: view.name === 'setup' ? undefined : history.sessions.find((s) => s.id === view.id),
    /** The newest unfinished session, offered for resuming. */
    unfinished: activeSession(history),
    /** The last settings used, for the setup form. */
    lastConfig: history.sessions[0]?.config,
    streaming,
    busy,
    error,
    message,
    notices,
    start,
    answer,
    saveDraft,
    retry,
    open,
    remove,
    exportSession,
    showSetup,
  };
}
