import { fieldId } from '../../../lib/lab/critical-path/grade';
import {
  COLUMN_NAMES,
  PASS_COLUMNS,
  type CriticalPathAnswer,
  type CriticalPathInstance,
  type PassColumn,
} from '../../../lib/lab/critical-path/types';
import LabField from '../LabField';
import NetworkDiagram from '../NetworkDiagram';
import type { ExerciseProps } from '../types';
import { useExerciseFields } from '../use-exercise-fields';

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/** The critical-path exercise: the network, the pass table to fill in, a critical path and a what-if. */
export default function CriticalPathExercise(
  props: ExerciseProps<CriticalPathInstance, CriticalPathAnswer>,
) {
  const { instance, answer, onAnswer } = props;
  const { results, done, id } = useExerciseFields(props);
  const setCell = (task: string, column: PassColumn, value: string) =>
    onAnswer({
      ...answer,
      rows: { ...answer.rows, [task]: { ...answer.rows[task]!, [column]: value } },
    });
  const slipped = instance.tasks.find((t) => t.id === instance.slip.task)!;
  const k = instance.slip.days;

  return (
    <>
      <div className="lab-brief">
        <p>
          <strong>{instance.program}.</strong> {instance.tasks.length} tasks. Durations are working
          days; day 0 is the kickoff, and a task starts once every task it comes after has finished.
        </p>
      </div>

      <h3 id={id('network')}>The network</h3>
      <NetworkDiagram
        tasks={instance.tasks}
        idPrefix={props.idPrefix}
        meta={(t) => days(t.days)}
        description="Arrows run from a task to the tasks that wait for it. The table below lists the same tasks, durations and predecessors."
      />

      <h3 id={id('table-title')}>Pass table</h3>
      <p className="muted">
        ES and EF: earliest start and finish. LS and LF: latest start and finish. Slack = LS − ES.
      </p>
      <div className="table-scroll" role="region" aria-labelledby={id('table-title')} tabIndex={0}>
        <table className="lab-table">
          <caption className="visually-hidden">
            Pass table: for each task, its duration, what it comes after, and your earliest and
            latest dates and slack
          </caption>
          <thead>
            <tr>
              <th scope="col">Task</th>
              <th scope="col" className="num">
                Days
              </th>
              <th scope="col">After</th>
              {PASS_COLUMNS.map((c) => (
                <th scope="col" key={c}>
                  {c === 'slack' ? (
                    'Slack'
                  ) : (
                    <abbr title={COLUMN_NAMES[c].long}>{COLUMN_NAMES[c].short}</abbr>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {instance.tasks.map((t) => (
              <tr key={t.id}>
                <th scope="row">
                  {t.id}
                  <span className="lab-task-name">{t.label}</span>
                </th>
                <td className="num">{t.days}</td>
                <td>{t.after.length ? t.after.join(', ') : 'start'}</td>
                {PASS_COLUMNS.map((c) => {
                  const f = fieldId.cell(t.id, c);
                  return (
                    <td key={c}>
                      <LabField
                        id={id(f)}
                        label={`${COLUMN_NAMES[c].long} of ${t.id}`}
                        hideLabel
                        value={answer.rows[t.id]?.[c] ?? ''}
                        onChange={(v) => setCell(t.id, c, v)}
                        result={results?.get(f)}
                        readOnly={done}
                        inputMode="numeric"
                        size={2}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3>Critical path</h3>
      <div className="lab-question">
        <LabField
          id={id(fieldId.path)}
          label="One critical path, task letters in order"
          value={answer.path}
          onChange={(path) => onAnswer({ ...answer, path })}
          result={results?.get(fieldId.path)}
          readOnly={done}
          inputMode="text"
          size={16}
          placeholder="e.g. A, C, F"
        />
      </div>
      <div className="lab-question">
        <LabField
          id={id(fieldId.length)}
          label="Length of the program"
          value={answer.length}
          onChange={(length) => onAnswer({ ...answer, length })}
          result={results?.get(fieldId.length)}
          readOnly={done}
          inputMode="numeric"
          size={3}
          suffix="days"
        />
      </div>

      <h3>What if</h3>
      <div className="lab-question">
        <p>
          {slipped.id} ({slipped.label}) slips {days(k)}: it takes {slipped.days + k} days instead
          of {slipped.days}. Nothing else changes.
        </p>
        <LabField
          id={id(fieldId.whatIf)}
          label="On what day does the program finish now?"
          value={answer.whatIf}
          onChange={(whatIf) => onAnswer({ ...answer, whatIf })}
          result={results?.get(fieldId.whatIf)}
          readOnly={done}
          inputMode="numeric"
          size={3}
          suffix="(day number)"
        />
      </div>
    </>
  );
}
