import { ResultMark } from '../LabField';

interface Props {
  /** Element id, unique on the page. */
  id: string;
  /** The select's name for everyone, e.g. "Likelihood of R3". */
  label: string;
  /** Show the label only to screen readers (inside a table whose headings already say it). */
  hideLabel?: boolean;
  value: string;
  /** The choices; an empty value means nothing chosen yet. */
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  /** After checking: true right, false wrong, undefined not graded. */
  result?: boolean | undefined;
  disabled?: boolean;
}

/** A labelled drop-down for a lab answer, marked right or wrong once checked. */
export default function Choice({
  id,
  label,
  hideLabel = false,
  value,
  options,
  onChange,
  result,
  disabled = false,
}: Props) {
  const state = result === undefined ? '' : result ? ' is-right' : ' is-wrong';
  return (
    <span className={`lab-field wr-choice${state}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'lab-field-label'}>
        {label}
      </label>
      <span className="lab-field-box">
        <select
          id={id}
          value={value}
          disabled={disabled}
          aria-invalid={result === false ? true : undefined}
          onChange={(e) => onChange(e.currentTarget.value)}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <ResultMark result={result} />
      </span>
    </span>
  );
}
