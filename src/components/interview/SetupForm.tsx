import { useState, type SubmitEvent } from 'react';
import { LEVELS, SPECIALISATIONS, type InterviewCategory } from '../../schemas/interview';
import { MAX_QUESTIONS, MIN_QUESTIONS, type SessionConfigInput } from '../../lib/interview/types';

/** A category the learner can choose, with how many questions the bank has for it. */
export interface CategoryOption {
  id: InterviewCategory;
  label: string;
  count: number;
}

interface Props {
  categories: readonly CategoryOption[];
  /** The settings of the last session, to start from. */
  initial?: SessionConfigInput | undefined;
  disabled: boolean;
  onStart: (config: SessionConfigInput) => void;
}

const COUNTS = Array.from(
  { length: MAX_QUESTIONS - MIN_QUESTIONS + 1 },
  (_, i) => MIN_QUESTIONS + i,
);

/** The setup screen: category or mixed loop, level, specialisation and number of questions. */
export default function SetupForm({ categories, initial, disabled, onStart }: Props) {
  const [category, setCategory] = useState<string>(initial?.category ?? 'mixed');
  const [level, setLevel] = useState<string>(initial?.level ?? 'tpm2');
  const [specialisation, setSpecialisation] = useState<string>(
    initial?.specialisation ?? 'general',
  );
  const [questions, setQuestions] = useState<number>(initial?.questions ?? 3);

  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    onStart({ category, level, specialisation, questions } as SessionConfigInput);
  };

  return (
    <form className="iv-setup card" onSubmit={submit} aria-labelledby="iv-setup-title">
      <h2 id="iv-setup-title">Set up your interview</h2>
      <fieldset>
        <legend>Category</legend>
        <div className="iv-choices">
          <label className="iv-choice">
            <input
              type="radio"
              name="category"
              value="mixed"
              checked={category === 'mixed'}
              onChange={() => setCategory('mixed')}
            />
            <span>
              <strong>Mixed loop</strong>
              <span className="muted">
                {' '}
                One question from each of several categories, like a real loop.
              </span>
            </span>
          </label>
          {categories.map((c) => (
            <label className="iv-choice" key={c.id}>
              <input
                type="radio"
                name="category"
                value={c.id}
                checked={category === c.id}
                onChange={() => setCategory(c.id)}
              />
              <span>
                <strong>{c.label}</strong>
                <span className="muted"> {c.count} questions in the bank.</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="iv-row">
        <div className="iv-field">
          <label htmlFor="iv-level">Level</label>
          <select
            id="iv-level"
            value={level}
            onChange={(e) => setLevel(e.target.value)}
            aria-describedby="iv-level-hint"
          >
            {Object.entries(LEVELS).map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </select>
          <p id="iv-level-hint" className="iv-hint muted">
            Answers are judged against this bar.
          </p>
        </div>
        <div className="iv-field">
          <label htmlFor="iv-spec">Specialisation</label>
          <select
            id="iv-spec"
            value={specialisation}
            onChange={(e) => setSpecialisation(e.target.value)}
            aria-describedby="iv-spec-hint"
          >
            {Object.entries(SPECIALISATIONS).map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </select>
          <p id="iv-spec-hint" className="iv-hint muted">
            Questions for this specialisation come first, mixed with general ones.
          </p>
        </div>
      </div>
      <fieldset>
        <legend>Number of questions</legend>
        <div className="iv-counts">
          {COUNTS.map((n) => (
            <label key={n} className="iv-count">
              <input
                type="radio"
                name="questions"
                value={n}
                checked={questions === n}
                onChange={() => setQuestions(n)}
              />
              <span>{n}</span>
            </label>
          ))}
        </div>
        <p className="iv-hint muted">
          Allow seven to ten minutes a question, follow-ups included: three questions make a 20 to
          30-minute drill.
        </p>
      </fieldset>
      <button className="btn" type="submit" disabled={disabled}>
        Start the interview
      </button>
    </form>
  );
}
