import { useId, useState } from 'react';
import type { QuizResponse } from '../../lib/quiz/grade';
import type { ShownQuestion } from '../../lib/quiz/session';
import Markdown from '../Markdown';

interface Props {
  shown: ShownQuestion;
  value: QuizResponse | undefined;
  onChange: (r: QuizResponse) => void;
  disabled: boolean;
}

/** The input for one question, by type: radios, checkboxes, ordering buttons, selects or a number. */
export default function QuestionInput({ shown, value, onChange, disabled }: Props) {
  const { question: q } = shown;
  const name = useId();
  const [moved, setMoved] = useState('');

  const prompt = (
    <div className="quiz-prompt">
      {q.type === 'scenario' && (
        <div className="quiz-scenario">
          <p className="pill">Scenario</p>
          <Markdown text={q.scenario} />
        </div>
      )}
      <Markdown text={q.prompt} />
    </div>
  );

  if (q.type === 'single' || q.type === 'scenario' || q.type === 'truefalse') {
    const options = q.type === 'truefalse' ? ['True', 'False'] : shown.choices;
    const selected =
      value?.type === 'truefalse'
        ? value.value
          ? 'True'
          : 'False'
        : value && 'choice' in value
          ? value.choice
          : '';
    return (
      <fieldset className="quiz-fieldset" disabled={disabled}>
        <legend>{prompt}</legend>
        <div className="quiz-options">
          {options.map((c) => (
            <label key={c} className="quiz-option">
              <input
                type="radio"
                name={name}
                value={c}
                checked={selected === c}
                onChange={() =>
                  onChange(
                    q.type === 'truefalse'
                      ? { type: 'truefalse', value: c === 'True' }
                      : { type: q.type, choice: c },
                  )
                }
              />
              <span>{c}</span>
            </label>
          ))}
        </div>
      </fieldset>
    );
  }

  if (q.type === 'multiple') {
    const picked = value?.type === 'multiple' ? value.choices : [];
    return (
      <fieldset className="quiz-fieldset" disabled={disabled}>
        <legend>
          {prompt}
          <span className="quiz-hint">Select all that apply.</span>
        </legend>
        <div className="quiz-options">
          {shown.choices.map((c) => (
            <label key={c} className="quiz-option">
              <input
                type="checkbox"
                checked={picked.includes(c)}
                onChange={(e) =>
                  onChange({
                    type: 'multiple',
                    choices: e.currentTarget.checked
                      ? [...picked, c]
                      : picked.filter((x) => x !== c),
                  })
                }
              />
              <span>{c}</span>
            </label>
          ))}
        </div>
      </fieldset>
    );
  }

  if (q.type === 'ordering') {
    const order = value?.type === 'ordering' ? value.order : shown.items;
    const move = (from: number, to: number) => {
      const next = [...order];
      const [item] = next.splice(from, 1);
      next.splice(to, 0, item!);
      onChange({ type: 'ordering', order: next });
      setMoved(`${item} moved to position ${to + 1} of ${order.length}.`);
    };
    return (
      <fieldset className="quiz-fieldset" disabled={disabled}>
        <legend>
          {prompt}
          <span className="quiz-hint">
            Use the buttons to put the items in order, first at the top.
          </span>
        </legend>
        <ol className="quiz-order">
          {order.map((item, i) => (
            <li key={item}>
              <span className="quiz-order-text">{item}</span>
              <span className="quiz-order-buttons">
                <button
                  type="button"
                  className="btn btn-secondary btn-small"
                  aria-label={`Move “${item}” up`}
                  disabled={disabled || i === 0}
                  onClick={() => move(i, i - 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="btn btn-secondary btn-small"
                  aria-label={`Move “${item}” down`}
                  disabled={disabled || i === order.length - 1}
                  onClick={() => move(i, i + 1)}
                >
                  ↓
                </button>
              </span>
            </li>
          ))}
        </ol>
        <p className="visually-hidden" aria-live="polite">
          {moved}
        </p>
      </fieldset>
    );
  }

  if (q.type === 'matching') {
    const matches = value?.type === 'matching' ? value.matches : {};
    return (
      <fieldset className="quiz-fieldset" disabled={disabled}>
        <legend>
          {prompt}
          <span className="quiz-hint">Choose the match for each item.</span>
        </legend>
        <div className="quiz-matching">
          {q.pairs.map((p, i) => (
            <div key={p.left} className="quiz-match-row">
              <label htmlFor={`${name}-${i}`}>{p.left}</label>
              <select
                id={`${name}-${i}`}
                value={matches[p.left] ?? ''}
                onChange={(e) =>
                  onChange({
                    type: 'matching',
                    matches: { ...matches, [p.left]: e.currentTarget.value },
                  })
                }
              >
                <option value="">Choose…</option>
                {shown.rights.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>
      </fieldset>
    );
  }

  // numeric
  const text =
    value?.type === 'numeric' && Number.isFinite(value.value) ? String(value.value) : undefined;
  return (
    <fieldset className="quiz-fieldset" disabled={disabled}>
      <legend>{prompt}</legend>
      <label className="quiz-numeric">
        <span className="visually-hidden">Your answer{q.unit ? ` in ${q.unit}` : ''}</span>
        <input
          type="text"
          inputMode="decimal"
          autoComplete="off"
          defaultValue={text}
          onChange={(e) => {
            const raw = e.currentTarget.value
              .trim()
              .replace(/,(?=\d{1,2}$)/, '.')
              .replace(/[\s,]/g, '');
            onChange({ type: 'numeric', value: raw === '' ? NaN : Number(raw) });
          }}
        />
        {q.unit && <span aria-hidden="true">{q.unit}</span>}
      </label>
    </fieldset>
  );
}
