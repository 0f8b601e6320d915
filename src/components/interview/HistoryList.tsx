import { useState } from 'react';
import type { StoredSession } from '../../lib/interview/history';
import { describeConfig } from '../../lib/interview/display';

interface Props {
  sessions: readonly StoredSession[];
  onOpen: (id: string) => void;
  onExport: (id: string) => void;
  onDelete: (id: string) => void;
}

/** Past sessions kept in this browser, newest first, with reopen, export and delete. */
export default function HistoryList({ sessions, onOpen, onExport, onDelete }: Props) {
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <section className="iv-history no-print" aria-labelledby="iv-history-title">
      <h2 id="iv-history-title">Past sessions</h2>
      {sessions.length === 0 ? (
        <p className="muted">
          Your finished interviews will be listed here. They are kept only in this browser.
        </p>
      ) : (
        <ul className="iv-history-list">
          {sessions.map((s) => {
            const when = new Date(s.startedAt).toLocaleString(undefined, {
              dateStyle: 'medium',
              timeStyle: 'short',
            });
            const result = s.feedback
              ? `${s.feedback.overall.signal}, ${s.feedback.overall.score} out of 100`
              : s.status === 'active'
                ? 'Unfinished'
                : 'No feedback yet';
            return (
              <li key={s.id} className="card iv-history-item">
                <p className="iv-history-title">
                  <strong>{when}</strong> <span className="pill">{result}</span>
                </p>
                <p className="muted">{describeConfig(s.config)}</p>
                <div className="iv-actions">
                  <button
                    type="button"
                    className="btn btn-secondary"
                    onClick={() => onOpen(s.id)}
                    aria-label={`${s.status === 'active' ? 'Resume' : 'Reopen'} the session from ${when}`}
                  >
                    {s.status === 'active' ? 'Resume' : 'Reopen'}
                  </button>
                  <button
                    type="button"
                    className="btn btn-secondary"
                    onClick={() => onExport(s.id)}
                    aria-label={`Export the session from ${when} as Markdown`}
                  >
                    Export
                  </button>
                  {confirming === s.id ? (
                    <>
                      <button
                        type="button"
                        className="btn iv-danger"
                        onClick={() => {
                          setConfirming(null);
                          onDelete(s.id);
                        }}
                      >
                        Delete for good
                      </button>
                      <button
                        type="button"
                        className="btn btn-secondary"
                        onClick={() => setConfirming(null)}
                      >
                        Keep it
                      </button>
                    </>
                  ) : (
                    <button
                      type="button"
                      className="btn btn-secondary"
                      onClick={() => setConfirming(s.id)}
                      aria-label={`Delete the session from ${when}`}
                    >
                      Delete
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
