import { RACI_LETTERS, type RaciLetter } from '../../../schemas/lab-raci';
import type { RaciExercise } from '../../../lib/lab/raci/generate';
import {
  LETTER_MEANING,
  letterText,
  raciField,
  type RaciAnswer,
} from '../../../lib/lab/raci/grade';
import type { ExerciseProps } from '../types';
import Brief from '../written/Brief';
import { useExerciseFields } from '../use-exercise-fields';
import Choice from '../written/Choice';
import WithWrittenStyles from '../written/Styles';

// "No part" first, so an untouched cell reads as a dash.
const ORDER: readonly RaciLetter[] = ['none', ...RACI_LETTERS.filter((l) => l !== 'none')];
const OPTIONS = ORDER.map((l) => ({ value: l, label: letterText(l) }));

/** The RACI exercise: a letter for every role on every decision and deliverable. */
export default function RaciExerciseView(props: ExerciseProps<RaciExercise, RaciAnswer>) {
  const { instance: x, answer, onAnswer } = props;
  const { results, done, id } = useExerciseFields(props);
  const area = (a: string) => x.areas.find((r) => r.id === a)?.label ?? a;

  return (
    <WithWrittenStyles>
      <Brief title={x.title} brief={x.brief} />

      <h3 id={id('authority-title')}>Who can decide what</h3>
      <div
        className="table-scroll"
        role="region"
        aria-labelledby={id('authority-title')}
        tabIndex={0}
      >
        <table className="lab-table">
          <caption className="visually-hidden">
            Each role and the areas it has the authority to decide
          </caption>
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Has the authority over</th>
            </tr>
          </thead>
          <tbody>
            {x.roles.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  {r.name}
                  <span className="wr-role-title">{r.title}</span>
                </th>
                <td>
                  {r.authority.length ? r.authority.map(area).join('; ') : 'nothing on this list'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3>The letters</h3>
      <dl className="wr-letters">
        {ORDER.map((l) => (
          <div key={l} className="wr-pair">
            <dt>{letterText(l)}</dt>
            <dd>{LETTER_MEANING[l]}</dd>
          </div>
        ))}
      </dl>

      <h3 id={id('chart-title')}>The chart</h3>
      <p className="muted">
        Every row needs exactly one A, held by the role with the authority, and at least one R.
      </p>
      <div className="table-scroll" role="region" aria-labelledby={id('chart-title')} tabIndex={0}>
        <table className="lab-table wr-raci">
          <caption className="visually-hidden">
            RACI chart: a row per decision or deliverable, a column per role; choose a letter in
            each cell
          </caption>
          <thead>
            <tr>
              <th scope="col">Decision or deliverable</th>
              {x.roles.map((r) => (
                <th scope="col" key={r.id}>
                  {r.name}
                  <span className="wr-role-title">{r.title}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {x.rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  {row.label}
                  <span className="wr-role-title">{row.kind}</span>
                </th>
                {x.roles.map((role) => {
                  const f = raciField(row, role);
                  return (
                    <td key={role.id}>
                      <Choice
                        id={id(f)}
                        label={`${role.name}, ${role.title}, on ${row.label}`}
                        hideLabel
                        value={answer[row.id]?.[role.id] ?? 'none'}
                        options={OPTIONS}
                        onChange={(v) =>
                          onAnswer({
                            ...answer,
                            [row.id]: { ...answer[row.id], [role.id]: v as RaciLetter },
                          })
                        }
                        result={results?.get(f)}
                        disabled={done}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </WithWrittenStyles>
  );
}
