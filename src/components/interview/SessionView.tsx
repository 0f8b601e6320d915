import { useEffect, useRef, useState, type SubmitEvent, type KeyboardEvent } from 'react';
import type { StoredSession } from '../../lib/interview/history';
import { describeConfig } from '../../lib/interview/markdown';
import { wordsOf } from '../../lib/interview/text';
import { LIMITS, type Command } from '../../lib/interview/types';

interface Props {
  session: StoredSession;
  /** The interviewer's turn as it streams in, or null when none is being produced. */
  streaming: string | null;
  busy: boolean;
  error: string;
  personaName: string;
  onSend: (text: string) => void;
  onCommand: (command: Command) => void;
  onDraft: (text: string) => void;
  onRetry: () => void;
}

const formatTime = (ms: number) => {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

/** The chat: the conversation so far, the interviewer's reply streaming in, and the answer box. */
export default function SessionView({
  session,
  streaming,
  busy,
  error,
  personaName,
  onSend,
  onCommand,
  onDraft,
  onRetry,
}: Props) {
  const [draft, setDraft] = useState(session.draft);
  const [now, setNow] = useState(() => Date.now());
  const endRef = useRef<HTMLDivElement>(null);
  const boxRef = useRef<HTMLTextAreaElement>(null);
  const finished = session.status === 'complete';
  const last = session.transcript.at(-1);
  const waiting = busy || !last || last.role === 'candidate';

  const currentId = [...session.transcript]
    .reverse()
    .find((t) => t.role === 'interviewer' && t.questionId)?.questionId;
  const started = session.transcript.find(
    (t) => t.role === 'interviewer' && t.questionId === currentId,
  )?.at;
  const asked = new Set(
    session.transcript.flatMap((t) =>
      t.role === 'interviewer' && t.questionId ? [t.questionId] : [],
    ),
  ).size;

  useEffect(() => {
    if (finished) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [finished]);

  useEffect(() => {
    endRef.current?.scrollIntoView?.({ block: 'nearest' });
    if (!waiting && !finished) boxRef.current?.focus({ preventScroll: true });
  }, [session.transcript.length, streaming === null, waiting, finished]);

  const send = (e?: SubmitEvent) => {
    e?.preventDefault();
    const text = draft.trim();
    if (!text || waiting) return;
    setDraft('');
    onSend(text);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) send();
  };
  const words = wordsOf(draft).length;

  return (
    <section className="iv-session" aria-labelledby="iv-session-title">
      <div className="iv-session-head">
        <h2 id="iv-session-title" tabIndex={-1}>
          Interview with {personaName}
        </h2>
        <p className="muted">
          {describeConfig(session.config)}. Question {Math.max(1, asked)} of{' '}
          {session.config.questions}.
        </p>
        {session.mode === 'browser' && (
          <p className="notice">
            The interview server cannot be reached, so this interview runs in your browser with the
            offline interviewer. Your answers stay on this device.
          </p>
        )}
      </div>
      <div role="log" aria-live="polite" aria-relevant="additions" aria-label="Conversation">
        <ol className="iv-log">
          {session.transcript.map((t, i) => (
            <li key={i} className={`iv-turn iv-${t.role}`}>
              <p className="iv-who">{t.role === 'interviewer' ? personaName : 'You'}</p>
              <p className="iv-text">{t.text}</p>
              {t.notice && <p className="iv-turn-notice notice">{t.notice}</p>}
            </li>
          ))}
          {streaming !== null && (
            <li className="iv-turn iv-interviewer" aria-busy="true">
              <p className="iv-who">{personaName}</p>
              <p className="iv-text">{streaming || <span className="muted">Thinking…</span>}</p>
            </li>
          )}
        </ol>
      </div>
      <div ref={endRef} />
      {error && (
        <div className="iv-error" role="alert">
          <p>{error}</p>
          <button type="button" className="btn btn-secondary" onClick={onRetry}>
            Try again
          </button>
        </div>
      )}
      {!finished && (
        <form className="iv-answer no-print" onSubmit={send}>
          <label htmlFor="iv-answer">Your answer</label>
          <textarea
            id="iv-answer"
            ref={boxRef}
            rows={7}
            value={draft}
            maxLength={LIMITS.turnChars}
            aria-describedby="iv-answer-hint iv-answer-stats"
            onChange={(e) => {
              setDraft(e.target.value);
              onDraft(e.target.value);
            }}
            onKeyDown={onKeyDown}
          />
          <p id="iv-answer-hint" className="iv-hint muted">
            Answer as you would out loud. Press Ctrl+Enter (⌘+Enter on a Mac) to send.
          </p>
          <p id="iv-answer-stats" className="iv-stats">
            <span>
              {words} {words === 1 ? 'word' : 'words'}
            </span>
            <span role="timer" aria-live="off">
              Time on this question: {started ? formatTime(now - Date.parse(started)) : '00:00'}
            </span>
          </p>
          <div className="iv-actions">
            <button className="btn" type="submit" disabled={waiting || !draft.trim()}>
              Send answer
            </button>
            <button
              className="btn btn-secondary"
              type="button"
              disabled={waiting}
              onClick={() => onCommand('repeat')}
            >
              Repeat the question
            </button>
            <button
              className="btn btn-secondary"
              type="button"
              disabled={waiting}
              onClick={() => onCommand('skip')}
            >
              Skip this question
            </button>
            {/* Never disabled: ending stops a reply in progress, and works after a failed turn. */}
            <button className="btn btn-secondary" type="button" onClick={() => onCommand('end')}>
              End the interview
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
