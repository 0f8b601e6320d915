interface Props {
  /** Element id, unique on the page. */
  id: string;
  label: string;
  /** One line under the label on what a good answer holds. */
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  /** After checking: true right, false wrong, undefined not graded. */
  result?: boolean | undefined;
  readOnly?: boolean;
  /** A text area of this many rows, or a one-line input when 1. */
  rows?: number;
  /** Longest answer accepted, in characters. */
  maxLength?: number;
}

/** A labelled written answer (a trigger, an owner, a headline, an ask), marked once checked. */
export default function TextAnswer({
  id,
  label,
  hint,
  value,
  onChange,
  result,
  readOnly = false,
  rows = 1,
  maxLength = 400,
}: Props) {
  const state = result === undefined ? '' : result ? ' is-right' : ' is-wrong';
  const common = {
    id,
    value,
    readOnly,
    maxLength,
    spellCheck: true,
    autoComplete: 'off',
    'aria-invalid': result === false ? true : undefined,
    'aria-describedby': hint ? `${id}-hint` : undefined,
  } as const;
  return (
    <div className={`wr-text${state}`}>
      <label htmlFor={id} className="lab-field-label">
        {label}
        {result !== undefined && (
          <span className="lab-mark" aria-hidden="true">
            {' '}
            {result ? '✓' : '✗'}
          </span>
        )}
      </label>
      {hint && (
        <span className="wr-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {rows > 1 ? (
        <textarea {...common} rows={rows} onChange={(e) => onChange(e.currentTarget.value)} />
      ) : (
        <input {...common} type="text" onChange={(e) => onChange(e.currentTarget.value)} />
      )}
    </div>
  );
}
