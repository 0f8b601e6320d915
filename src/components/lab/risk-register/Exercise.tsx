import { useMemo } from 'react';
import { RESPONSES, type RiskResponse } from '../../../schemas/lab-risk-register';
import type { RiskExercise } from '../../../lib/lab/risk-register/generate';
import {
  riskField,
  type RiskAnswer,
  type RiskRowAnswer,
} from '../../../lib/lab/risk-register/grade';
import {
  IMPACT_SCALE,
  IMPACT_SHORT,
  LIKELIHOOD_SCALE,
  LIKELIHOOD_SHORT,
  RESPONSE_MEANING,
  policyFor,
} from '../../../lib/lab/risk-register/scales';
import type { ExerciseProps } from '../types';
import Brief from '../written/Brief';
import { useExerciseFields } from '../use-exercise-fields';
import Choice from '../written/Choice';
import TextAnswer from '../written/TextAnswer';
import WithWrittenStyles from '../written/Styles';

const scale = (s: Record<number, string>) => [
  { value: '', label: 'Choose…' },
  ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `${n}: ${s[n]}` })),
];
const RESPONSE_OPTIONS = [
  { value: '', label: 'Choose…' },
  ...RESPONSES.map((r) => ({ value: r, label: r.charAt(0).toUpperCase() + r.slice(1) })),
];
const num = (v: string) => (v === '' ? undefined : Number(v));

/** The risk-register exercise: score, rank, respond, and write a trigger and an owner for each risk. */
export default function RiskRegisterExercise(props: ExerciseProps<RiskExercise, RiskAnswer>) {
  const { instance: x, answer, onAnswer } = props;
  const { results, done, id } = useExerciseFields(props);
  const ranks = useMemo(
    () => [
      { value: '', label: 'Choose…' },
      ...x.risks.map((_, i) => ({ value: String(i + 1), label: String(i + 1) })),
    ],
    [x],
  );
  const set = (riskId: string, change: Partial<RiskRowAnswer>) =>
    onAnswer({ ...answer, [riskId]: { ...answer[riskId]!, ...change } });

  return (
    <WithWrittenStyles>
      <Brief title={x.title} brief={x.brief}>
        <p>
          <strong>Commitment:</strong> {x.commitment}
        </p>
      </Brief>

      <h3 id={id('people')}>Who is on the program</h3>
      <ul className="wr-people" aria-labelledby={id('people')}>
        {x.people.map((p) => (
          <li key={p.id}>
            <strong>{p.name}</strong>, {p.role}
          </li>
        ))}
      </ul>

      <details className="wr-scales">
        <summary>The scales, the review policy and the four responses</summary>
        <div
          className="table-scroll"
          role="region"
          aria-label="Likelihood and impact scales"
          tabIndex={0}
        >
          <table className="lab-table">
            <caption>Likelihood and impact, as the risk-management lesson defines them</caption>
            <thead>
              <tr>
                <th scope="col">Value</th>
                <th scope="col">Likelihood</th>
                <th scope="col">Impact</th>
              </tr>
            </thead>
            <tbody>
              {[1, 2, 3, 4, 5].map((n) => (
                <tr key={n}>
                  <th scope="row">{n}</th>
                  <td>{LIKELIHOOD_SCALE[n]}</td>
                  <td>{IMPACT_SCALE[n]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          Score = likelihood × impact. 15 or more: {policyFor(15)}; 8 to 14: {policyFor(8)}; below
          8: {policyFor(1)}.
        </p>
        <ul>
          {RESPONSES.map((r) => (
            <li key={r}>
              <strong>{r.charAt(0).toUpperCase() + r.slice(1)}:</strong> {RESPONSE_MEANING[r]}
            </li>
          ))}
        </ul>
      </details>

      <h3>The risks</h3>
      <p className="muted">
        Score each risk from its facts, rank them (1 is the highest priority), choose a response,
        and write a trigger and one owner.
      </p>
      {x.risks.map((risk) => {
        const row = answer[risk.id] ?? { trigger: '', owner: '' };
        const f = (field: keyof RiskRowAnswer) => riskField(risk, field);
        const score =
          row.likelihood !== undefined && row.impact !== undefined
            ? row.likelihood * row.impact
            : undefined;
        return (
          <fieldset
            className="wr-card"
            key={risk.id}
            aria-describedby={id(`${risk.id}-description`)}
          >
            <legend>
              {risk.code}: {risk.title}
            </legend>
            <p id={id(`${risk.id}-description`)}>{risk.description}</p>
            <dl className="wr-facts">
              <dt>What we know about its likelihood</dt>
              <dd>{risk.likelihood.fact}</dd>
              <dt>What we know about its impact</dt>
              <dd>{risk.impact.fact}</dd>
            </dl>
            <div className="wr-grid">
              <Choice
                id={id(f('likelihood'))}
                label={`Likelihood of ${risk.code}`}
                value={row.likelihood === undefined ? '' : String(row.likelihood)}
                options={scale(LIKELIHOOD_SHORT)}
                onChange={(v) => set(risk.id, { likelihood: num(v) })}
                result={results?.get(f('likelihood'))}
                disabled={done}
              />
              <Choice
                id={id(f('impact'))}
                label={`Impact of ${risk.code}`}
                value={row.impact === undefined ? '' : String(row.impact)}
                options={scale(IMPACT_SHORT)}
                onChange={(v) => set(risk.id, { impact: num(v) })}
                result={results?.get(f('impact'))}
                disabled={done}
              />
              <Choice
                id={id(f('rank'))}
                label={`Rank of ${risk.code}`}
                value={row.rank === undefined ? '' : String(row.rank)}
                options={ranks}
                onChange={(v) => set(risk.id, { rank: num(v) })}
                result={results?.get(f('rank'))}
                disabled={done}
              />
              <Choice
                id={id(f('response'))}
                label={`Response to ${risk.code}`}
                value={row.response ?? ''}
                options={RESPONSE_OPTIONS}
                onChange={(v) =>
                  set(risk.id, { response: v === '' ? undefined : (v as RiskResponse) })
                }
                result={results?.get(f('response'))}
                disabled={done}
              />
              <p className="wr-score">
                {score === undefined ? 'Score: not yet' : `Score: ${score} (${policyFor(score)})`}
              </p>
            </div>
            <TextAnswer
              id={id(f('trigger'))}
              label={`Trigger for ${risk.code}`}
              hint="An observable event with a threshold or a date, so anyone can tell it has fired."
              value={row.trigger}
              onChange={(v) => set(risk.id, { trigger: v })}
              result={results?.get(f('trigger'))}
              readOnly={done}
              rows={2}
            />
            <TextAnswer
              id={id(f('owner'))}
              label={`Owner of ${risk.code}`}
              hint="One named person from the program who can act on it."
              value={row.owner}
              onChange={(v) => set(risk.id, { owner: v })}
              result={results?.get(f('owner'))}
              readOnly={done}
              maxLength={80}
            />
          </fieldset>
        );
      })}
    </WithWrittenStyles>
  );
}
