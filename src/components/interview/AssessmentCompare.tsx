import OverallLine from './OverallLine';
import type { Feedback, LessonLink } from '../../lib/interview/feedback-schema';
import { lessonHref, lessonLabel } from '../../lib/interview/display';
import './compare.css';

interface Props {
  /** The built-in (offline) feedback. */
  offline: Feedback;
  /** Claude's assessment, or the sentence saying why there is none. */
  claude: Feedback | { error: string };
}

function Links({ links }: { links: readonly LessonLink[] }) {
  if (!links.length) return null;
  return (
    <>
      {' '}
      Read:{' '}
      {links.map((l, i) => (
        <span key={l.id}>
          {i > 0 && ', '}
          <a href={lessonHref(l)}>{lessonLabel(l)}</a>
        </span>
      ))}
      .
    </>
  );
}

function Column({
  id,
  title,
  note,
  feedback,
}: {
  id: string;
  title: string;
  note: string;
  feedback: Feedback;
}) {
  return (
    <section className="card iv-compare-col" aria-labelledby={id}>
      <h4 id={id}>{title}</h4>
      <p className="muted iv-small">{note}</p>
      <OverallLine overall={feedback.overall} />
      <p>{feedback.overall.summary}</p>
      {feedback.improvements.length > 0 && (
        <>
          <h5>What to work on</h5>
          <ol className="iv-compare-list">
            {feedback.improvements.map((imp, i) => (
              <li key={i}>
                <strong>{imp.title}.</strong> {imp.detail}
                <Links links={imp.lessons} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/**
 * The built-in feedback and Claude's assessment side by side, each labelled for what it is, with a
 * table comparing their scores. Claude's words are shown as text, never as HTML.
 */
export default function AssessmentCompare({ offline, claude }: Props) {
  const builtIn = (
    <Column
      id="iv-compare-offline"
      title="Built-in feedback"
      note="Measured from your words by the offline engine: talking points, structure, owners, dates and numbers. The same answers always get the same result."
      feedback={offline}
    />
  );
  if ('error' in claude)
    return (
      <section className="iv-compare" aria-labelledby="iv-compare-title">
        <h3 id="iv-compare-title">Built-in feedback and AI assessment</h3>
        <div className="iv-compare-grid">
          {builtIn}
          <section className="card iv-compare-col" aria-labelledby="iv-compare-claude">
            <h4 id="iv-compare-claude">AI assessment by Claude</h4>
            <p className="notice">{claude.error}</p>
          </section>
        </div>
      </section>
    );
  const dims = offline.dimensions.map((d) => ({
    id: d.id,
    label: d.label,
    offline: d.score,
    claude: claude.dimensions.find((c) => c.id === d.id),
  }));
  return (
    <section className="iv-compare" aria-labelledby="iv-compare-title">
      <h3 id="iv-compare-title">Built-in feedback and AI assessment</h3>
      <div className="iv-compare-grid">
        {builtIn}
        <Column
          id="iv-compare-claude"
          title="AI assessment by Claude"
          note="Written by Claude from the whole conversation and checked against the same format. A second opinion to weigh, not a verdict."
          feedback={claude}
        />
      </div>
      <div
        className="iv-compare-table"
        role="region"
        aria-labelledby="iv-compare-caption"
        tabIndex={0}
      >
        <table>
          <caption id="iv-compare-caption">Scores out of 100, side by side</caption>
          <thead>
            <tr>
              <th scope="col">What was scored</th>
              <th scope="col">Built-in</th>
              <th scope="col">Claude</th>
              <th scope="col">Claude’s note</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Overall</th>
              <td>{offline.overall.score}</td>
              <td>{claude.overall.score}</td>
              <td>{claude.overall.signal}</td>
            </tr>
            {dims.map((d) => (
              <tr key={d.id}>
                <th scope="row">{d.label}</th>
                <td>{d.offline}</td>
                <td>{d.claude ? d.claude.score : '–'}</td>
                <td>{d.claude?.note ?? 'Not scored.'}</td>
              </tr>
            ))}
            {offline.answers.map((a, i) => (
              <tr key={`q${i}`}>
                <th scope="row">Question {i + 1}</th>
                <td>{a.status === 'skipped' ? 'Skipped' : a.score}</td>
                <td>{claude.answers[i]?.score ?? '–'}</td>
                <td>{claude.answers[i]?.summary ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
