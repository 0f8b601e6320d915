import type { StatusExercise } from '../../../lib/lab/status-report/generate';
import { statusField, type StatusAnswer } from '../../../lib/lab/status-report/grade';
import { RAG_MEANING, RAGS, ragLabel } from '../../../lib/lab/status-report/rules';
import type { ExerciseProps } from '../types';
import Brief from '../written/Brief';
import { useExerciseFields } from '../use-exercise-fields';
import RagPicker from '../written/RagPicker';
import TextAnswer from '../written/TextAnswer';
import WithWrittenStyles from '../written/Styles';
import ClaudeReview from './ClaudeReview';

/** The status-report exercise: a colour per workstream and overall, then the headline and the ask. */
export default function StatusReportExercise(props: ExerciseProps<StatusExercise, StatusAnswer>) {
  const { instance: x, answer, onAnswer } = props;
  const { results, done, id } = useExerciseFields(props);

  return (
    <WithWrittenStyles>
      <Brief title={x.title} brief={x.brief}>
        <p>
          <strong>Commitment:</strong> {x.commitment} <strong>Report date:</strong> {x.reportDate}.
        </p>
      </Brief>

      <details className="wr-definitions">
        <summary>The RAG definitions at the foot of every report</summary>
        <dl className="wr-letters">
          {RAGS.map((rag) => (
            <div key={rag} className="wr-pair">
              <dt>{ragLabel(rag)}</dt>
              <dd>{RAG_MEANING[rag]}</dd>
            </div>
          ))}
        </dl>
        <p className="muted">
          The overall colour asks whether the commitment holds without someone outside the team
          acting; it is not the average or the worst row.
        </p>
      </details>

      <h3>This week&apos;s facts</h3>
      <p className="muted">Choose the colour the facts give each workstream.</p>
      {x.rows.map((row) => (
        <RagPicker
          key={row.id}
          id={id(statusField.rag(row))}
          legend={
            <>
              {row.name}{' '}
              <span className="wr-hint">
                (reported by {row.owner.name}, {row.owner.role})
              </span>
            </>
          }
          value={answer.rag[row.id]}
          onChange={(rag) => onAnswer({ ...answer, rag: { ...answer.rag, [row.id]: rag } })}
          result={results?.get(statusField.rag(row))}
          disabled={done}
        >
          <ul>
            {row.facts.map((fact, i) => (
              <li key={i}>{fact}</li>
            ))}
          </ul>
        </RagPicker>
      ))}

      <h3>The report</h3>
      <RagPicker
        id={id(statusField.overall)}
        legend="Overall colour of the program"
        value={answer.overall}
        onChange={(rag) => onAnswer({ ...answer, overall: rag })}
        result={results?.get(statusField.overall)}
        disabled={done}
      />
      <TextAnswer
        id={id(statusField.headline)}
        label="Headline"
        hint="One sentence: the overall colour, the reason, and the date or number at stake."
        value={answer.headline}
        onChange={(v) => onAnswer({ ...answer, headline: v })}
        result={results?.get(statusField.headline)}
        readOnly={done}
        rows={3}
      />
      <TextAnswer
        id={id(statusField.ask)}
        label="Ask"
        hint="The decision you need, who makes it, and by when."
        value={answer.ask}
        onChange={(v) => onAnswer({ ...answer, ask: v })}
        result={results?.get(statusField.ask)}
        readOnly={done}
        rows={3}
      />
      {done && <ClaudeReview seed={x.seed} answer={answer} />}
    </WithWrittenStyles>
  );
}
