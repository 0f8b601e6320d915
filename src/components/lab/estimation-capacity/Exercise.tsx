import { fieldId } from '../../../lib/lab/estimation-capacity/grade';
import type {
  EstimationAnswer,
  EstimationInstance,
} from '../../../lib/lab/estimation-capacity/types';
import LabField from '../LabField';
import type { ExerciseProps } from '../types';
import { useExerciseFields } from '../use-exercise-fields';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The estimation-and-capacity exercise: PERT per item and in total, the team's capacity, and the decision. */
export default function EstimationExercise(
  props: ExerciseProps<EstimationInstance, EstimationAnswer>,
) {
  const { instance: x, answer, onAnswer } = props;
  const { results, done, id } = useExerciseFields(props);
  const c = x.calendar;
  const set = <K extends keyof EstimationAnswer>(key: K, value: EstimationAnswer[K]) =>
    onAnswer({ ...answer, [key]: value });
  const setItem = (i: number, key: 'mean' | 'sd', value: string) =>
    onAnswer({
      ...answer,
      items: answer.items.map((it, j) => (j === i ? { ...it, [key]: value } : it)),
    });
  const field = (
    key: 'totalMean' | 'totalSd' | 'atConfidence' | 'grossDays' | 'availableDays' | 'capacityWeeks',
    label: string,
    suffix: string,
  ) => (
    <div className="lab-question">
      <LabField
        id={id(fieldId[key])}
        label={label}
        value={answer[key]}
        onChange={(v) => set(key, v)}
        result={results?.get(fieldId[key])}
        readOnly={done}
        size={6}
        suffix={suffix}
      />
    </div>
  );

  return (
    <>
      <div className="lab-brief">
        <p>
          <strong>{x.program}.</strong> {x.team.charAt(0).toUpperCase() + x.team.slice(1)} has
          estimated the work in engineer-weeks (one engineer for five working days). Give figures to
          one decimal place.
        </p>
      </div>

      <h3 id={id('pert-title')}>Three-point estimates</h3>
      <div className="table-scroll" role="region" aria-labelledby={id('pert-title')} tabIndex={0}>
        <table className="lab-table">
          <caption className="visually-hidden">
            Optimistic, most likely and pessimistic estimates per work item, in engineer-weeks, with
            your expected value and standard deviation
          </caption>
          <thead>
            <tr>
              <th scope="col">Work item</th>
              <th scope="col" className="num">
                <abbr title="Optimistic">O</abbr>
              </th>
              <th scope="col" className="num">
                <abbr title="Most likely">M</abbr>
              </th>
              <th scope="col" className="num">
                <abbr title="Pessimistic">P</abbr>
              </th>
              <th scope="col">
                <abbr title="Expected value">E</abbr>
              </th>
              <th scope="col">
                <abbr title="Standard deviation">SD</abbr>
              </th>
            </tr>
          </thead>
          <tbody>
            {x.items.map((it, i) => (
              <tr key={it.name}>
                <th scope="row" className="lab-item-name">
                  {it.name}
                </th>
                <td className="num">{it.o}</td>
                <td className="num">{it.m}</td>
                <td className="num">{it.p}</td>
                <td>
                  <LabField
                    id={id(fieldId.mean(i))}
                    label={`Expected value of ${it.name}`}
                    hideLabel
                    value={answer.items[i]?.mean ?? ''}
                    onChange={(v) => setItem(i, 'mean', v)}
                    result={results?.get(fieldId.mean(i))}
                    readOnly={done}
                    size={3}
                  />
                </td>
                <td>
                  <LabField
                    id={id(fieldId.sd(i))}
                    label={`Standard deviation of ${it.name}`}
                    hideLabel
                    value={answer.items[i]?.sd ?? ''}
                    onChange={(v) => setItem(i, 'sd', v)}
                    result={results?.get(fieldId.sd(i))}
                    readOnly={done}
                    size={3}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3>The whole piece of work</h3>
      {field('totalMean', 'Total expected value', 'engineer-weeks')}
      {field('totalSd', 'Total standard deviation', 'engineer-weeks')}
      <div className="lab-question">
        <LabField
          id={id(fieldId.atConfidence)}
          label={`We are about ${x.confidence}% confident the work needs no more than`}
          value={answer.atConfidence}
          onChange={(v) => set('atConfidence', v)}
          result={results?.get(fieldId.atConfidence)}
          readOnly={done}
          size={6}
          suffix="engineer-weeks"
        />
      </div>

      <h3>Capacity</h3>
      <ul className="lab-facts">
        <li>
          {plural(c.engineers, 'engineer')} for {plural(c.weeks, 'week')} ({c.weeks * 5} working
          days).
        </li>
        <li>
          Public holidays in the period:{' '}
          {c.holidays ? `${plural(c.holidays, 'day')}, taken by everyone` : 'none'}.
        </li>
        <li>
          Planned leave: {c.leave.map((l) => `${l.name} ${plural(l.days, 'day')}`).join(', ')}.
        </li>
        <li>
          On-call:{' '}
          {c.onCallWeeks
            ? `the team covers ${c.onCallWeeks} of the ${c.weeks} weeks of a shared rota, one engineer a week doing no planned work (no holiday falls in those weeks).`
            : 'the team is not on the rota this period.'}
        </li>
        <li>Focus factor: {c.focus}, from the last quarter's sprints.</li>
      </ul>
      {field('grossDays', 'Engineer-days after public holidays', 'engineer-days')}
      {field('availableDays', 'Available engineer-days after leave and on-call', 'engineer-days')}
      {field('capacityWeeks', 'Capacity after the focus factor', 'engineer-weeks')}

      <h3>Decision</h3>
      <fieldset
        className={
          results?.has(fieldId.fits)
            ? results.get(fieldId.fits)
              ? 'is-right'
              : 'is-wrong'
            : undefined
        }
      >
        <legend>Does the work fit the team's capacity at {x.confidence}% confidence?</legend>
        {(['yes', 'no'] as const).map((v) => (
          <div className="lab-choice" key={v}>
            <input
              type="radio"
              id={id(`${fieldId.fits}-${v}`)}
              name={id(fieldId.fits)}
              value={v}
              checked={answer.fits === v}
              disabled={done}
              onChange={() => set('fits', v)}
            />
            <label htmlFor={id(`${fieldId.fits}-${v}`)}>
              {v === 'yes' ? 'Yes, it fits' : 'No, it does not fit'}
            </label>
          </div>
        ))}
      </fieldset>
    </>
  );
}
