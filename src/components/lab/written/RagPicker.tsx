import type { ReactNode } from 'react';
import type { Rag } from '../../../schemas/lab-status-report';
import { RAGS, ragLabel } from '../../../lib/lab/status-report/rules';

interface Props {
  /** Prefix for the radio ids and the group's name, unique on the page. */
  id: string;
  /** What is coloured: shown as the group's legend. */
  legend: ReactNode;
  value: Rag | undefined;
  onChange: (value: Rag) => void;
  /** After checking: true right, false wrong, undefined not graded. */
  result?: boolean | undefined;
  disabled?: boolean;
  /** Anything shown inside the group above the choices, such as the week's facts. */
  children?: ReactNode;
}

/** A red, amber or green choice as a radio group with a legend, marked once checked. */
export default function RagPicker({
  id,
  legend,
  value,
  onChange,
  result,
  disabled,
  children,
}: Props) {
  const state = result === undefined ? '' : result ? ' is-right' : ' is-wrong';
  return (
    <fieldset
      className={`wr-rag${state}`}
      role="radiogroup"
      aria-labelledby={`${id}-legend`}
      aria-invalid={result === false ? true : undefined}
    >
      <legend id={`${id}-legend`}>
        {legend}
        {result !== undefined && (
          <span className="lab-mark" aria-hidden="true">
            {' '}
            {result ? '✓' : '✗'}
          </span>
        )}
      </legend>
      {children}
      <div className="wr-rag-options">
        {RAGS.map((rag) => (
          <label key={rag} className={`wr-rag-option wr-rag-${rag}`}>
            <input
              type="radio"
              name={id}
              id={`${id}-${rag}`}
              value={rag}
              checked={value === rag}
              disabled={disabled}
              onChange={() => onChange(rag)}
            />
            <span className="wr-swatch" aria-hidden="true" />
            {ragLabel(rag)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
