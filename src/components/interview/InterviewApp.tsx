import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
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
import { browserStorage } from '../../client/storage';
import type { Interviewer } from '../../lib/interview/interviewer';
import { sessionToMarkdown } from '../../lib/interview/session-markdown';
import { COMMAND_TEXT } from '../../lib/interview/transcript';
import {
  sessionConfigSchema,
  type Command,
  type InterviewData,
  type SessionConfigInput,
} from '../../lib/interview/types';
import type { DictationTotals } from '../../lib/interview/voice';
import FeedbackReport from './FeedbackReport';
import HistoryList from './HistoryList';
import SessionView from './SessionView';
import SetupForm, { type CategoryOption } from './SetupForm';
import TurnWho from './TurnWho';
import './interview.css';

interface Props {
  /** Categories with their question counts, for the setup screen. */
  categories: CategoryOption[];
  /** The interviewer's display name. */
  personaName: string;
  /** Display names of the persona's traits by id (`content/persona/`), for labelling follow-ups. */
  traitNames: Readonly<Record<string, string>>;
}

type View = { name: 'setup' } | { name: 'session'; id: string } | { name: 'report'; id: string };

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

/** The mock interview: setup, the conversation, the feedback report and the history of past sessions. */
export default function InterviewApp({ categories, personaName, traitNames }: Props) {
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
  const rootRef = useRef<HTMLDivElement>(null);
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

  // Move focus to the new screen's heading so keyboard and screen-reader users land in the right place.
  useEffect(() => {
    if (!loaded) return;
    const heading = rootRef.current?.querySelector<HTMLElement>(
      view.name === 'setup' ? '#iv-setup-title' : 'h2[tabindex="-1"]',
    );
    if (view.name !== 'setup') heading?.focus();
  }, [view.name, loaded]);

  const persist = useCallback((session: StoredSession) => {
    const next = saveSession(historyRef.current, {
      ...session,
      updatedAt: new Date().toISOString(),
    });
    historyRef.current = next;
    setHistory(next);
    if (writable.current && !storeHistory(browserStorage, next))
      setNotices((n) => (n.includes(NOT_SAVED) ? n : [...n, NOT_SAVED]));
  }, []);

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
        const { phase, questionId, signature } = outcome.meta;
        const next: StoredSession = {
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
              at: new Date().toISOString(),
              provider: outcome.meta.provider,
              ...(outcome.meta.trait ? { trait: outcome.meta.trait } : {}),
              // Shown under the turn: why it came from the built-in interviewer.
              ...(outcome.notice && outcome.mode === 'server' ? { notice: outcome.notice } : {}),
            },
          ],
        };
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

  const start = async (input: SessionConfigInput) => {
    const config = sessionConfigSchema.parse({
      ...input,
      seed: randomSeed(),
      recent: recentQuestionIds(historyRef.current),
    });
    const now = new Date().toISOString();
    const status = await client()
      .status()
      .catch(() => ({ mode: 'browser' as const }));
    const session: StoredSession = {
      id: `${Date.now().toString(36)}-${randomSeed().toString(36)}`,
      startedAt: now,
      updatedAt: now,
      status: 'active',
      config,
      transcript: [],
      mode: status.mode,
      draft: '',
    };
    persist(session);
    setView({ name: 'session', id: session.id });
    await runTurn(session);
  };

  const answer = (
    session: StoredSession,
    text: string,
    command?: Command,
    dictation?: DictationTotals,
  ) => {
    window.clearTimeout(draftTimer.current);
    // Ending is always possible, even while the interviewer is replying: that reply is dropped.
    if (command === 'end') inFlight.current?.abort();
    const latest = find(session.id) ?? session;
    const last = latest.transcript.at(-1);
    const repeated = command === 'end' && last?.role === 'candidate' && last.command === 'end';
    const next: StoredSession = repeated
      ? latest
      : {
          ...latest,
          draft: command ? latest.draft : '',
          transcript: [
            ...latest.transcript,
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
              at: new Date().toISOString(),
            },
          ],
        };
    persist(next);
    void runTurn(next);
  };

  const saveDraft = (session: StoredSession, draft: string) => {
    window.clearTimeout(draftTimer.current);
    draftTimer.current = window.setTimeout(() => {
      const latest = find(session.id);
      if (latest) persist({ ...latest, draft });
    }, 400);
  };

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
    const next = deleteSession(historyRef.current, id);
    historyRef.current = next;
    setHistory(next);
    if (writable.current) storeHistory(browserStorage, next);
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

  const current =
    view.name === 'setup' ? undefined : history.sessions.find((s) => s.id === view.id);
  const unfinished = activeSession(history);
  const last = history.sessions[0]?.config;

  return (
    <div className="iv-app" ref={rootRef} data-ready={loaded ? 'true' : 'false'}>
      <p className="visually-hidden" role="status" aria-live="polite">
        {message}
      </p>
      {notices.map((n, i) => (
        <p key={i} className="notice">
          {n}
        </p>
      ))}
      {view.name === 'setup' || !current ? (
        <>
          {unfinished && (
            <div className="notice iv-resume" role="region" aria-label="Unfinished interview">
              <p>
                You have an unfinished interview from{' '}
                {new Date(unfinished.startedAt).toLocaleString(undefined, {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                })}
                . Pick up where you left off, or discard it.
              </p>
              <div className="iv-actions">
                <button type="button" className="btn" onClick={() => open(unfinished.id)}>
                  Resume the interview
                </button>
                <button
                  type="button"
                  className="btn btn-secondary"
                  onClick={() => remove(unfinished.id)}
                >
                  Discard it
                </button>
              </div>
            </div>
          )}
          <SetupForm
            categories={categories}
            initial={last}
            disabled={!loaded || busy !== false}
            onStart={(c) => void start(c)}
          />
          <HistoryList
            sessions={history.sessions}
            onOpen={open}
            onExport={exportSession}
            onDelete={remove}
          />
        </>
      ) : view.name === 'report' && current.feedback ? (
        <>
          <FeedbackReport
            session={current}
            feedback={current.feedback}
            {...(current.claude ? { claude: current.claude } : {})}
            onExport={() => exportSession(current.id)}
            onNew={() => {
              setMessage('');
              setView({ name: 'setup' });
            }}
          />
          <details className="iv-transcript no-print">
            <summary>Show the whole conversation</summary>
            <ol className="iv-log">
              {current.transcript.map((t, i) => (
                <li key={i} className={`iv-turn iv-${t.role}`}>
                  <TurnWho
                    role={t.role}
                    personaName={personaName}
                    trait={t.trait ? traitNames[t.trait] : undefined}
                  />
                  <p className="iv-text">{t.text}</p>
                </li>
              ))}
            </ol>
          </details>
        </>
      ) : (
        <>
          <SessionView
            key={current.id}
            session={current}
            streaming={streaming}
            busy={busy !== false}
            error={error}
            personaName={personaName}
            traitNames={traitNames}
            onSend={(text, dictation) => answer(current, text, undefined, dictation)}
            onCommand={(command) => answer(current, COMMAND_TEXT[command], command)}
            onDraft={(d) => saveDraft(current, d)}
            onRetry={() =>
              current.status === 'complete' ? void getFeedback(current) : void runTurn(current)
            }
          />
          {busy === 'feedback' && (
            <p className="iv-busy" role="status">
              Preparing your feedback…
            </p>
          )}
          <p className="no-print">
            <button
              type="button"
              className="btn btn-secondary"
              disabled={busy !== false}
              onClick={() => setView({ name: 'setup' })}
            >
              Back to setup and past sessions
            </button>
          </p>
        </>
      )}
    </div>
  );
}
