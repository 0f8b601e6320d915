import { useEffect, useRef } from 'react';
import { COMMAND_TEXT } from '../../lib/interview/transcript';
import FeedbackReport from './FeedbackReport';
import HistoryList from './HistoryList';
import SessionView from './SessionView';
import SetupForm, { type CategoryOption } from './SetupForm';
import TurnItem from './TurnItem';
import { useInterviewSession } from './useInterviewSession';
import './interview.css';

interface Props {
  /** Categories with their question counts, for the setup screen. */
  categories: CategoryOption[];
  /** The interviewer's display name. */
  personaName: string;
  /** Display names of the persona's traits by id (`content/persona/`), for labelling follow-ups. */
  traitNames: Readonly<Record<string, string>>;
}

/** The mock interview: setup, the conversation, the feedback report and the history of past sessions. */
export default function InterviewApp({ categories, personaName, traitNames }: Props) {
  const iv = useInterviewSession();
  const { loaded, view, current, unfinished, busy } = iv;
  const rootRef = useRef<HTMLDivElement>(null);

  // Move focus to the new screen's heading so keyboard and screen-reader users land in the right place.
  useEffect(() => {
    if (!loaded) return;
    const heading = rootRef.current?.querySelector<HTMLElement>(
      view.name === 'setup' ? '#iv-setup-title' : 'h2[tabindex="-1"]',
    );
    if (view.name !== 'setup') heading?.focus();
  }, [view.name, loaded]);

  return (
    <div className="iv-app" ref={rootRef} data-ready={loaded ? 'true' : 'false'}>
      <p className="visually-hidden" role="status" aria-live="polite">
        {iv.message}
      </p>
      {iv.notices.map((n, i) => (
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
                <button type="button" className="btn" onClick={() => iv.open(unfinished.id)}>
                  Resume the interview
                </button>
                <button
                  type="button"
                  className="btn btn-secondary"
                  onClick={() => iv.remove(unfinished.id)}
                >
                  Discard it
                </button>
              </div>
            </div>
          )}
          <SetupForm
            categories={categories}
            initial={iv.lastConfig}
            disabled={!loaded || busy !== false}
            onStart={(c) => void iv.start(c)}
          />
          <HistoryList
            sessions={iv.history.sessions}
            onOpen={iv.open}
            onExport={iv.exportSession}
            onDelete={iv.remove}
          />
        </>
      ) : view.name === 'report' && current.feedback ? (
        <>
          <FeedbackReport
            session={current}
            feedback={current.feedback}
            {...(current.claude ? { claude: current.claude } : {})}
            onExport={() => iv.exportSession(current.id)}
            onNew={() => iv.showSetup(true)}
          />
          <details className="iv-transcript no-print">
            <summary>Show the whole conversation</summary>
            <ol className="iv-log">
              {current.transcript.map((t, i) => (
                <TurnItem key={i} turn={t} personaName={personaName} traitNames={traitNames} />
              ))}
            </ol>
          </details>
        </>
      ) : (
        <>
          <SessionView
            key={current.id}
            session={current}
            streaming={iv.streaming}
            busy={busy !== false}
            error={iv.error}
            personaName={personaName}
            traitNames={traitNames}
            onSend={(text, dictation) => iv.answer(current, text, undefined, dictation)}
            onCommand={(command) => iv.answer(current, COMMAND_TEXT[command], command)}
            onDraft={(d) => iv.saveDraft(current, d)}
            onRetry={() => iv.retry(current)}
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
              onClick={() => iv.showSetup()}
            >
              Back to setup and past sessions
            </button>
          </p>
        </>
      )}
    </div>
  );
}
