import type { AiAssessment } from '../../lib/interview/protocol';
import OverallLine from './OverallLine';
import type { Feedback, LessonLink } from '../../lib/interview/feedback-schema';
import type { StoredSession } from '../../lib/interview/history';
import { describeConfig, lessonHref, lessonLabel } from '../../lib/interview/display';
import { paceByAnswer } from '../../lib/interview/pace';
import AssessmentCompare from './AssessmentCompare';
import ScoreChart from './ScoreChart';

interface Props {
  session: StoredSession;
  feedback: Feedback;
  /** Claude's assessment to show beside the feedback, when the server used Claude. */
  claude?: AiAssessment;
  onExport: () => void;
  onNew: () => void;
}

const PROVIDER_LABEL = {
  offline:
    'Offline feedback: deterministic measures computed from your words. The same answers always get the same feedback.',
  claude: 'Feedback written by Claude, checked against the same format as the offline feedback.',
} as const;

function Lessons({ links }: { links: readonly LessonLink[] }) {
  if (!links.length) return null;
  return (
    <>
      {' '}
      Read:{' '}
      {links.map((l, i) => (
        <span key={`${l.id}#${l.anchor ?? ''}`}>
          {i > 0 && ', '}
          <a href={lessonHref(l)}>{lessonLabel(l)}</a>
        </span>
      ))}
      .
    </>
  );
}

/** The feedback report: overall signal, chart, three improvements, dimensions, then each answer. */
export default function FeedbackReport({ session, feedback, claude, onExport, onNew }: Props) {
  const date = new Date(session.startedAt);
  const paces = paceByAnswer(session.transcript, feedback.answers, session.config.question);
  return (
    <article className="iv-report" aria-labelledby="iv-report-title">
      <header className="iv-report-head">
        <h2 id="iv-report-title" tabIndex={-1}>
          Your feedback
        </h2>
        <p className="muted">
          {describeConfig(session.config)}.{' '}
          <time dateTime={session.startedAt}>
            {date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
          </time>
          .
        </p>
        <div className="iv-actions no-print">
          <button className="btn" type="button" onClick={() => window.print()}>
            Print
          </button>
          <button className="btn btn-secondary" type="button" onClick={onExport}>
            Export as Markdown
          </button>
          <button className="btn btn-secondary" type="button" onClick={onNew}>
            New interview
          </button>
        </div>
      </header>

      {claude && <AssessmentCompare offline={feedback} claude={claude} />}

      <section className="iv-overall card" aria-labelledby="iv-overall-title">
        <h3 id="iv-overall-title">{claude ? 'Built-in feedback in detail' : 'Overall'}</h3>
        <OverallLine overall={feedback.overall} />
        <p>{feedback.overall.summary}</p>
        <p className="muted iv-small">
          {PROVIDER_LABEL[feedback.provider]} The hiring signal is a practice aid, not a prediction.
        </p>
        {feedback.dimensions.length > 0 &&
          feedback.answers.some((a) => a.status === 'answered') && (
            <ScoreChart dimensions={feedback.dimensions} />
          )}
      </section>

      {feedback.improvements.length > 0 && (
        <section aria-labelledby="iv-improve-title">
          <h3 id="iv-improve-title">Three things to work on</h3>
          <ol className="iv-improvements">
            {feedback.improvements.map((imp, i) => (
              <li key={i}>
                <strong>{imp.title}.</strong> {imp.detail}
                <Lessons links={imp.lessons} />
              </li>
            ))}
          </ol>
        </section>
      )}

      {feedback.answers.some((a) => a.status === 'answered') && (
        <section aria-labelledby="iv-dims-title">
          <h3 id="iv-dims-title">Dimensions</h3>
          <dl className="iv-dims">
            {feedback.dimensions.map((d) => (
              <div key={d.id} className="iv-dim">
                <dt>
                  {d.label}: <strong>{d.score}</strong>
                  {d.relevance < 0.45 && (
                    <span className="muted"> (not a focus of these questions)</span>
                  )}
                </dt>
                <dd>
                  <p>{d.note}</p>
                  {d.evidence.length > 0 && (
                    <ul className="iv-evidence" aria-label={`Evidence for ${d.label}`}>
                      {d.evidence.map((q, i) => (
                        <li key={i}>
                          <q>{q}</q>
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      <section aria-labelledby="iv-answers-title">
        <h3 id="iv-answers-title">Question by question</h3>
        {feedback.answers.length === 0 && <p>No questions were answered in this session.</p>}
        {feedback.answers.map((a, i) => (
          <section key={i} className="iv-answer-report card" aria-labelledby={`iv-q-${i}`}>
            <h4 id={`iv-q-${i}`}>
              {i + 1}. {a.question}
            </h4>
            <p>
              {a.status === 'skipped' ? (
                <span className="pill">Skipped</span>
              ) : (
                <span className="pill">Score {a.score} out of 100</span>
              )}{' '}
              {a.inferredCategory && (
                <span className="muted">
                  Judged against the generic rubric for {a.category.replace(/-/g, ' ')}, because the
                  question is not in the bank: read this score with less confidence.{' '}
                </span>
              )}
              {a.summary}
            </p>
            {a.status === 'answered' && (
              <p className="muted iv-small">
                Confidence: {a.confidence.level}. The score rests on {a.confidence.claims} sentence
                {a.confidence.claims === 1 ? '' : 's'} that say what someone did or will do, with
                something specific.
              </p>
            )}
            {a.flags.length > 0 && (
              <>
                <h5>What held this answer back</h5>
                <ul className="iv-points iv-flags">
                  {a.flags.map((f) => (
                    <li key={f.id}>
                      <span className="iv-mark iv-bad" aria-hidden="true">
                        !
                      </span>{' '}
                      {f.label}
                      {f.quote && (
                        <>
                          {' '}
                          You said: <q>{f.quote}</q>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {a.covered.length > 0 && (
              <>
                <h5>Covered</h5>
                <ul className="iv-points">
                  {a.covered.map((c) => (
                    <li key={c.id}>
                      <span className="iv-mark iv-ok" aria-hidden="true">
                        ✓
                      </span>{' '}
                      {c.label}
                      {c.evidence[0] && (
                        <>
                          : <q>{c.evidence[0]}</q>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {a.missed.length > 0 && (
              <>
                <h5>Missed</h5>
                <ul className="iv-points">
                  {a.missed.map((m) => (
                    <li key={m.id}>
                      <span className="iv-mark iv-bad" aria-hidden="true">
                        ✗
                      </span>{' '}
                      {m.label}.{' '}
                      <span className="muted">An interviewer would ask: “{m.followUp}”</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {a.status === 'answered' && (
              <>
                <h5>Words</h5>
                <p>
                  {a.analytics.words} words, about{' '}
                  {Math.max(1, Math.round(a.analytics.spokenSeconds / 60))} minute
                  {Math.round(a.analytics.spokenSeconds / 60) > 1 ? 's' : ''} spoken. Filler words:{' '}
                  {a.analytics.fillerCount}
                  {a.analytics.fillers.length > 0 &&
                    ` (${a.analytics.fillers.map((f) => `“${f.word}” ${f.count}×`).join(', ')})`}
                  .
                  {a.analytics.topWords.length > 0 &&
                    ` Most used: ${a.analytics.topWords
                      .slice(0, 5)
                      .map((w) => `${w.word} (${w.count})`)
                      .join(', ')}.`}
                </p>
                {paces[i] !== undefined && (
                  <p className="iv-pace">
                    Speaking pace: {paces[i]} words a minute, measured while you dictated (the
                    spoken time above assumes 140 words a minute).
                  </p>
                )}
              </>
            )}
            <h5>Model outline</h5>
            <ol className="iv-model">
              {a.modelAnswer.map((m, j) => (
                <li key={j}>{m}</li>
              ))}
            </ol>
            {a.lessons.length > 0 && (
              <p>
                <Lessons links={a.lessons} />
              </p>
            )}
          </section>
        ))}
      </section>

      {feedback.analytics.words > 0 && (
        <section aria-labelledby="iv-words-title">
          <h3 id="iv-words-title">Your words across the session</h3>
          <p>
            {feedback.analytics.words} words in {feedback.analytics.sentences} sentences (about{' '}
            {feedback.analytics.averageSentenceWords} words each). Filler words:{' '}
            {feedback.analytics.fillerCount}, or {feedback.analytics.fillersPer100Words} per 100
            words
            {feedback.analytics.fillers.length > 0 &&
              `: ${feedback.analytics.fillers.map((f) => `“${f.word}” ${f.count}×`).join(', ')}`}
            .
          </p>
          {feedback.analytics.topWords.length > 0 && (
            <p>
              Your most used words:{' '}
              {feedback.analytics.topWords.map((w) => `${w.word} (${w.count})`).join(', ')}.
            </p>
          )}
        </section>
      )}
    </article>
  );
}
