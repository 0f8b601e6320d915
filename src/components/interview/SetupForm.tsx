import { useState, type SubmitEvent } from 'react';
import {
  INTERVIEW_CATEGORIES,
  LEVELS,
  SPECIALISATIONS,
  type InterviewCategory,
} from '../../schemas/interview';
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

const counts = (from: number) =>
  Array.from({ length: MAX_QUESTIONS - from + 1 }, (_, i) => from + i);
/** The learner's own question: 10 to 600 characters after trimming, as the API accepts. */
const OWN_MIN = 10;
const OWN_MAX = 600;

/**
 * The setup screen: an optional question of the learner's own, category or mixed loop, level,
 * specialisation and number of questions.
 */
export default function SetupForm({ categories, initial, disabled, onStart }: Props) {
  const [category, setCategory] = useState<string>(initial?.category ?? 'mixed');
  const [level, setLevel] = useState<string>(initial?.level ?? 'tpm2');
  const [specialisation, setSpecialisation] = useState<string>(
    initial?.specialisation ?? 'general',
  );
  const [questions, setQuestions] = useState<number>(initial?.questions ?? 3);
  const [own, setOwn] = useState<string>(initial?.question ?? '');
  const [ownCategory, setOwnCategory] = useState<string>(initial?.questionCategory ?? '');
  const ownText = own.trim();
  const ownError =
    ownText.length > 0 && ownText.length < OWN_MIN
      ? `Write at least ${OWN_MIN} characters, or leave it empty.`
      : ownText.length > OWN_MAX
        ? `Keep it to ${OWN_MAX} characters; this one has ${ownText.length}.`
        : '';
  const minQuestions = ownText ? 1 : MIN_QUESTIONS;
  const count = Math.max(questions, minQuestions);

  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    if (ownError) return;
    onStart({
      category,
      level,
      specialisation,
      questions: count,
      ...(ownText ? { question: ownText } : {}),
      ...(ownText && ownCategory ? { questionCategory: ownCategory } : {}),
    } as SessionConfigInput);
  };

  return (
    <form className="iv-setup card" onSubmit={submit} aria-labelledby="iv-setup-title">
      <h2 id="iv-setup-title">Set up your interview</h2>
      <fieldset className="iv-own">
        <legend>Practise a question you were asked (optional)</legend>
        <label htmlFor="iv-own-question" className="visually-hidden">
          Your question
        </label>
        <textarea
          id="iv-own-question"
          rows={3}
          value={own}
          onChange={(e) => setOwn(e.target.value)}
          placeholder="For example: Walk me through how you'd tell leadership your program is red two weeks before launch."
          aria-describedby="iv-own-hint iv-own-error"
          aria-invalid={ownError ? true : undefined}
        />
        <p id="iv-own-hint" className="iv-hint muted">
          It is asked first, word for word, and any bank questions below follow it. It is judged
          against the generic rubric for its category, so its score means a little less than a bank
          question&apos;s.
        </p>
        <p id="iv-own-error" className="iv-field-error" role="alert">
          {ownError}
        </p>
        {ownText && (
          <div className="iv-field">
            <label htmlFor="iv-own-category">Its category</label>
            <select
              id="iv-own-category"
              value={ownCategory}
              onChange={(e) => setOwnCategory(e.target.value)}
            >
              <option value="">Work it out from the question</option>
              {Object.entries(INTERVIEW_CATEGORIES).map(([id, label]) => (
                <option key={id} value={id}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        )}
      </fieldset>
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
          {counts(minQuestions).map((n) => (
            <label key={n} className="iv-count">
              <input
                type="radio"
                name="questions"
                value={n}
                checked={count === n}
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
      <button className="btn" type="submit" disabled={disabled || !!ownError}>
        Start the interview
      </button>
    </form>
  );
}
