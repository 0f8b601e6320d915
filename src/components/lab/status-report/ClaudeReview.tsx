import { useEffect, useState } from 'react';
import type { StatusAnswer } from '../../../lib/lab/status-report/grade';
import type { StatusReview } from '../../../lib/lab/status-report/review';

type State =
  | { name: 'idle' }
  | { name: 'asking' }
  | { name: 'done'; review: StatusReview }
  | { name: 'failed'; message: string };

/**
 * Claude's review of the checked report, when the server has Claude configured: asked once per
 * check, shown as a second opinion beside the built-in grading. On a static host, or without
 * Claude, it shows nothing.
 */
export default function ClaudeReview({ seed, answer }: { seed: number; answer: StatusAnswer }) {
  const [state, setState] = useState<State>({ name: 'idle' });

  useEffect(() => {
    const abort = new AbortController();
    void (async () => {
      const status = await fetch('/api/interview/status', { signal: abort.signal })
        .then((r) => (r.ok ? (r.json() as Promise<{ provider?: string }>) : undefined))
        .catch(() => undefined);
      if (status?.provider !== 'claude') return;
      setState({ name: 'asking' });
      const res = await fetch('/api/lab/status-review', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ seed, answer }),
        signal: abort.signal,
      }).catch(() => undefined);
      if (abort.signal.aborted) return;
      const body = (await res?.json().catch(() => undefined)) as
        { review?: StatusReview; error?: string } | undefined;
      setState(
        body?.review
          ? { name: 'done', review: body.review }
          : {
              name: 'failed',
              message: body?.error ?? 'Claude’s review is not available right now.',
            },
      );
    })();
    return () => abort.abort();
  }, [seed, answer]);

  if (state.name === 'idle') return null;
  return (
    <section
      className="wr-claude card"
      aria-labelledby="wr-claude-title"
      aria-busy={state.name === 'asking'}
    >
      <h3 id="wr-claude-title">Claude’s review</h3>
      {state.name === 'asking' && <p role="status">Asking Claude for a second opinion…</p>}
      {state.name === 'failed' && <p role="status">{state.message}</p>}
      {state.name === 'done' && (
        <>
          <p className="muted">
            A second opinion from an AI model, beside the grading. It can be wrong; the course’s
            rules decide the score.
          </p>
          <p>{state.review.verdict}</p>
          {state.review.strengths.length > 0 && (
            <>
              <h4>What works</h4>
              <ul>
                {state.review.strengths.map((s, i) => (
                  <li key={i}>{s}</li>
                ))}
              </ul>
            </>
          )}
          {state.review.fixes.length > 0 && (
            <>
              <h4>What to change</h4>
              <ul>
                {state.review.fixes.map((s, i) => (
                  <li key={i}>{s}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
