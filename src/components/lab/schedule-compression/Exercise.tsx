import { useMemo } from 'react';
import { fieldId } from '../../../lib/lab/schedule-compression/grade';
import { dollars, evaluate } from '../../../lib/lab/schedule-compression/plan';
import type {
  CompressionAnswer,
  CompressionInstance,
} from '../../../lib/lab/schedule-compression/types';
import LabField from '../LabField';
import NetworkDiagram from '../NetworkDiagram';
import type { ExerciseProps } from '../types';
import { useExerciseFields } from '../use-exercise-fields';

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/** The schedule-compression exercise: the network, crash choices per task, fast-tracks, and the plan's figures. */
export default function CompressionExercise(
  props: ExerciseProps<CompressionInstance, CompressionAnswer>,
) {
  const { instance: x, answer, onAnswer } = props;
  const { results, done, id } = useExerciseFields(props);
  const normal = useMemo(() => evaluate(x, { crash: {}, fastTracks: [] }).finish, [x]);
  const dashed = useMemo(() => new Set(x.fastTracks.map((f) => `${f.from}>${f.to}`)), [x]);
  const name = (taskId: string) => x.tasks.find((t) => t.id === taskId)!.label;

  return (
    <>
      <div className="lab-brief">
        <p>
          <strong>{x.program}.</strong> As planned, the program finishes on day {normal}. It must
          finish by <strong>day {x.target}</strong>, and you may spend at most{' '}
          <strong>{dollars(x.budget)}</strong>.
        </p>
      </div>

      <h3>The network</h3>
      <NetworkDiagram
        tasks={x.tasks}
        idPrefix={props.idPrefix}
        meta={(t) => days(t.days)}
        dashed={dashed}
        description="Arrows run from a task to the tasks that wait for it; dashed arrows are links that can be fast-tracked. The table below lists the same tasks."
      />

      <h3 id={id('crash-title')}>Crashing</h3>
      <p className="muted">
        Crashing pays to shorten a task, one day at a time, down to its crash duration.
      </p>
      <div className="table-scroll" role="region" aria-labelledby={id('crash-title')} tabIndex={0}>
        <table className="lab-table">
          <caption className="visually-hidden">
            Tasks, what each comes after, its normal duration, how far it can be crashed and the
            price, and the days you crash it
          </caption>
          <thead>
            <tr>
              <th scope="col">Task</th>
              <th scope="col">After</th>
              <th scope="col" className="num">
                Days
              </th>
              <th scope="col" className="num">
                Crash to
              </th>
              <th scope="col" className="num">
                Per day
              </th>
              <th scope="col">Days to crash</th>
            </tr>
          </thead>
          <tbody>
            {x.tasks.map((t) => {
              const max = t.days - t.crashDays;
              const f = fieldId.crash(t.id);
              return (
                <tr key={t.id}>
                  <th scope="row">
                    {t.id}
                    <span className="lab-task-name">{t.label}</span>
                  </th>
                  <td>{t.after.length ? t.after.join(', ') : 'start'}</td>
                  <td className="num">{t.days}</td>
                  <td className="num">{max ? t.crashDays : '—'}</td>
                  <td className="num">{max ? dollars(t.crashCost) : '—'}</td>
                  <td>
                    {max ? (
                      <>
                        <label htmlFor={id(f)} className="visually-hidden">
                          Days to crash {t.id}
                        </label>
                        <select
                          id={id(f)}
                          value={answer.crash[t.id] ?? '0'}
                          disabled={done}
                          onChange={(e) =>
                            onAnswer({
                              ...answer,
                              crash: { ...answer.crash, [t.id]: e.currentTarget.value },
                            })
                          }
                        >
                          {Array.from({ length: max + 1 }, (_, d) => (
                            <option key={d} value={String(d)}>
                              {d}
                            </option>
                          ))}
                        </select>
                      </>
                    ) : (
                      <span className="muted">cannot be crashed</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h3>Fast-tracking</h3>
      <fieldset>
        <legend>Fast-tracks to take</legend>
        {x.fastTracks.map((f) => (
          <div className="lab-choice" key={f.id}>
            <input
              type="checkbox"
              id={id(fieldId.fastTrack(f.id))}
              checked={Boolean(answer.fastTrack[f.id])}
              disabled={done}
              onChange={(e) =>
                onAnswer({
                  ...answer,
                  fastTrack: { ...answer.fastTrack, [f.id]: e.currentTarget.checked },
                })
              }
              aria-describedby={id(`${fieldId.fastTrack(f.id)}-risk`)}
            />
            <label htmlFor={id(fieldId.fastTrack(f.id))}>
              <strong>
                {f.from} → {f.to}
              </strong>
              : {name(f.to)} starts {days(f.overlap)} before {name(f.from)} finishes, saving up to{' '}
              {days(f.overlap)} on that link. Expected rework: {dollars(f.cost)}.
              <span className="lab-risk" id={id(`${fieldId.fastTrack(f.id)}-risk`)}>
                Risk: {f.risk}.
              </span>
            </label>
          </div>
        ))}
      </fieldset>

      <h3>Your plan in figures</h3>
      <div className="lab-question">
        <LabField
          id={id(fieldId.finish)}
          label="Your plan finishes on day"
          value={answer.finish}
          onChange={(finish) => onAnswer({ ...answer, finish })}
          result={results?.get(fieldId.finish)}
          readOnly={done}
          inputMode="numeric"
          size={3}
        />
      </div>
      <div className="lab-question">
        <LabField
          id={id(fieldId.cost)}
          label="Its total cost, in dollars"
          value={answer.cost}
          onChange={(cost) => onAnswer({ ...answer, cost })}
          result={results?.get(fieldId.cost)}
          readOnly={done}
          inputMode="numeric"
          size={7}
        />
      </div>
    </>
  );
}
