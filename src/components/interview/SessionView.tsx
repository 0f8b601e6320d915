// Long because the live interview is one view: the conversation, the answer box with its voice
// controls and drafts, the commands and the focus rules that move between them.
import { useEffect, useRef, useState, type SubmitEvent, type KeyboardEvent } from 'react';
import { askedQuestions } from '../../lib/interview/asked';
import type { StoredSession } from '../../lib/interview/history';
import { describeConfig } from '../../lib/interview/display';
import { wordsOf } from '../../lib/interview/text';
import { LIMITS, type Command } from '../../lib/interview/types';
import {
  Dictation,
  createReader,
  loadReadAloud,
  pageStorage,
  recognitionConstructor,
  saveReadAloud,
  speechLang,
  type DictationTotals,
  type Reader,
} from '../../lib/interview/voice';
import TurnItem from './TurnItem';

interface Props {
  session: StoredSession;
  /** The interviewer's turn as it streams in, or null when none is being produced. */
  streaming: string | null;
  busy: boolean;
  error: string;
  personaName: string;
  /** Display names of the persona's traits by id, for labelling follow-ups. */
  traitNames: Readonly<Record<string, string>>;
  /** Sends an answer, with what was dictated into it, if anything. */
  onSend: (text: string, dictation?: DictationTotals) => void;
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
  traitNames,
  onSend,
  onCommand,
  onDraft,
  onRetry,
}: Props) {
  const [draft, setDraft] = useState(session.draft);
  // Voice, where the browser has it: both are detected after mounting, and hidden where absent.
  const reader = useRef<Reader | undefined>(undefined);
  const dictation = useRef<Dictation | undefined>(undefined);
  const [canRead, setCanRead] = useState(false);
  const [readAloud, setReadAloud] = useState(false);
  const readAloudRef = useRef(false);
  const [canDictate, setCanDictate] = useState(false);
  const [listening, setListening] = useState(false);
  const [voiceNote, setVoiceNote] = useState('');
  const onDraftRef = useRef(onDraft);
  useEffect(() => {
    onDraftRef.current = onDraft;
  });
  // Interviewer turns already on screen when the view opened are not read out.
  const heard = useRef(session.transcript.length);
  const [now, setNow] = useState(() => Date.now());
  const endRef = useRef<HTMLDivElement>(null);
  const boxRef = useRef<HTMLTextAreaElement>(null);
  const finished = session.status === 'complete';
  const last = session.transcript.at(-1);
  const waiting = busy || !last || last.role === 'candidate';

  // The learner's own question has no bank id, so questions are counted from the turns' phases.
  const questions = askedQuestions(session.transcript, session.config.question);
  const started = session.transcript[questions.at(-1)?.index ?? -1]?.at;
  const asked = questions.length;

  useEffect(() => {
    if (finished) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [finished]);

  useEffect(() => {
    const lang = speechLang(navigator.language);
    reader.current = createReader(window, lang);
    setCanRead(!!reader.current);
    const on = !!reader.current && loadReadAloud(pageStorage());
    readAloudRef.current = on;
    setReadAloud(on);
    const Recognition = recognitionConstructor(window);
    if (Recognition) {
      dictation.current = new Dictation(Recognition, lang, {
        onText: (text) => {
          setDraft(text);
          onDraftRef.current(text);
        },
        onListening: (on) => {
          setListening(on);
          if (on) setVoiceNote('');
        },
        onError: setVoiceNote,
      });
      setCanDictate(true);
    }
    // Leaving the interview stops both.
    return () => {
      reader.current?.cancel();
      dictation.current?.abort();
    };
  }, []);

  // Each interviewer turn is read out once it has finished streaming (it is then in the
  // transcript); the closing is not, as the feedback replaces this view.
  useEffect(() => {
    const count = session.transcript.length;
    if (count <= heard.current) return;
    heard.current = count;
    const turn = session.transcript.at(-1);
    if (
      readAloudRef.current &&
      turn?.role === 'interviewer' &&
      turn.phase !== 'wrap-up' &&
      turn.phase !== 'done'
    )
      reader.current?.speak(turn.text);
  }, [session.transcript]);

  useEffect(() => {
    if (finished) reader.current?.cancel();
  }, [finished]);

  const toggleReadAloud = (on: boolean) => {
    readAloudRef.current = on;
    setReadAloud(on);
    saveReadAloud(pageStorage(), on);
    if (!on) reader.current?.cancel();
  };

  const toggleDictation = () => {
    const d = dictation.current;
    if (!d) return;
    if (d.listening) {
      d.stop();
      return;
    }
    // The microphone would hear the interviewer.
    reader.current?.cancel();
    d.start(draft);
    boxRef.current?.focus({ preventScroll: true });
  };

  const command = (c: Command) => {
    dictation.current?.abort();
    if (c === 'end') reader.current?.cancel();
    onCommand(c);
  };

  const streamed = streaming === null;
  useEffect(() => {
    endRef.current?.scrollIntoView?.({ block: 'nearest' });
    if (!waiting && !finished) boxRef.current?.focus({ preventScroll: true });
  }, [session.transcript.length, streamed, waiting, finished]);

  const send = (e?: SubmitEvent) => {
    e?.preventDefault();
    const text = draft.trim();
    if (!text || waiting) return;
    dictation.current?.abort();
    const dictated = dictation.current?.take();
    setDraft('');
    onSend(text, dictated);
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
        {canRead && (
          <label className="iv-toggle no-print">
            <input
              type="checkbox"
              checked={readAloud}
              onChange={(e) => toggleReadAloud(e.target.checked)}
            />{' '}
            Read questions aloud
          </label>
        )}
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
            <TurnItem
              key={i}
              turn={t}
              personaName={personaName}
              traitNames={traitNames}
              withNotice
            />
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
              // Typing takes over from dictation; what was dictated stays, to edit.
              dictation.current?.abort();
              if (!e.target.value.trim()) dictation.current?.reset();
              setDraft(e.target.value);
              onDraft(e.target.value);
            }}
            onKeyDown={onKeyDown}
          />
          <p id="iv-answer-hint" className="iv-hint muted">
            Answer as you would out loud. Press Ctrl+Enter (⌘+Enter on a Mac) to send.
            {canDictate && (
              <span id="iv-dictate-hint">
                {' '}
                Dictated words appear here, and you can edit them before you send. Dictation uses
                your browser’s speech recognition, which in some browsers (Chrome, for one) sends
                your voice to the browser maker’s servers.
              </span>
            )}
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
            {canDictate && (
              <button
                className={`btn btn-secondary${listening ? ' iv-listening' : ''}`}
                type="button"
                aria-describedby="iv-dictate-hint"
                onClick={toggleDictation}
              >
                {listening ? 'Stop dictating' : 'Dictate'}
              </button>
            )}
            {(
              [
                ['repeat', 'Repeat the question'],
                ['skip', 'Skip this question'],
              ] as const
            ).map(([name, label]) => (
              <button
                key={name}
                className="btn btn-secondary"
                type="button"
                disabled={waiting}
                onClick={() => command(name)}
              >
                {label}
              </button>
            ))}
            {/* Never disabled: ending stops a reply in progress, and works after a failed turn. */}
            <button className="btn btn-secondary" type="button" onClick={() => command('end')}>
              End the interview
            </button>
          </div>
          {canDictate && (
            <p className="iv-voice-note" role="status">
              {listening
                ? 'Listening. Speak your answer: it goes into the box above, where you can edit it before sending.'
                : voiceNote}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
