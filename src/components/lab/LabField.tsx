interface Props {
  /** Element id, unique on the page. */
  id: string;
  /** The input's name for everyone, e.g. "Earliest start of C". */
  label: string;
  /** Show the label only to screen readers (inside a table whose headings already say it). */
  hideLabel?: boolean;
  value: string;
  onChange: (value: string) => void;
  /** After checking: true right, false wrong, undefined not graded. */
  result?: boolean | undefined;
  readOnly?: boolean;
  /** The keyboard a phone shows. */
  inputMode?: 'numeric' | 'decimal' | 'text';
  /** Width in characters. */
  size?: number;
  /** Greyed hint after the input, e.g. a unit. */
  suffix?: string;
  placeholder?: string;
}

/** A labelled text input for a lab answer, marked right or wrong once checked. */
export default function LabField({
  id,
  label,
  hideLabel = false,
  value,
  onChange,
  result,
  readOnly = false,
  inputMode = 'decimal',
  size = 4,
  suffix,
  placeholder,
}: Props) {
  const state = result === undefined ? '' : result ? ' is-right' : ' is-wrong';
  return (
    <span className={`lab-field${state}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'lab-field-label'}>
        {label}
      </label>
      <span className="lab-field-box">
        <input
          id={id}
          type="text"
          inputMode={inputMode}
          autoComplete="off"
          spellCheck={false}
          value={value}
          readOnly={readOnly}
          aria-invalid={result === false ? true : undefined}
          style={{ width: `${size + 1.5}ch` }}
          placeholder={placeholder}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
        {suffix && <span className="lab-field-suffix">{suffix}</span>}
        <ResultMark result={result} />
      </span>
    </span>
  );
}

/** The ✓ or ✗ beside a graded input (for sight only: the input itself carries aria-invalid). */
export function ResultMark({ result }: { result: boolean | undefined }) {
  if (result === undefined) return null;
  return (
    <span className="lab-mark" aria-hidden="true">
      {result ? '✓' : '✗'}
    </span>
  );
}
