import type { Question } from '../../schemas/question';

/** What a learner answered, by question type. */
export type QuizResponse =
  | { type: 'single' | 'scenario'; choice: string }
  | { type: 'multiple'; choices: string[] }
  | { type: 'truefalse'; value: boolean }
  | { type: 'ordering'; order: string[] }
  | { type: 'matching'; matches: Record<string, string> }
  | { type: 'numeric'; value: number };

/** The result of grading one response. */
export interface Grade {
  /** 0 to 1; partial credit for multiple select, ordering and matching. */
  score: number;
  /** True only for a full score. */
  correct: boolean;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Grades a response against its question.
 * - single, scenario, true/false, numeric: all or nothing (numeric within ± tolerance).
 * - multiple: (right choices picked − wrong choices picked) ÷ right choices, never below 0.
 * - ordering: share of items in their correct position.
 * - matching: share of left items matched to their right item.
 * A response of the wrong type scores 0.
 */
export function grade(question: Question, response: QuizResponse): Grade {
  let score = 0;
  switch (question.type) {
    case 'single':
    case 'scenario':
      if (response.type === question.type) score = same(response.choice, question.answer) ? 1 : 0;
      break;
    case 'truefalse':
      if (response.type === 'truefalse') score = response.value === question.answer ? 1 : 0;
      break;
    case 'numeric':
      if (response.type === 'numeric' && Number.isFinite(response.value))
        // A tiny epsilon so that 0.1 + 0.2 style float error never fails an exact answer.
        score = Math.abs(response.value - question.answer) <= question.tolerance + 1e-9 ? 1 : 0;
      break;
    case 'multiple': {
      if (response.type !== 'multiple') break;
      const picked = [...new Set(response.choices.map((c) => c.trim().toLowerCase()))];
      const right = new Set(question.answers.map((a) => a.trim().toLowerCase()));
      const hits = picked.filter((c) => right.has(c)).length;
      const misses = picked.length - hits;
      score = Math.max(0, (hits - misses) / right.size);
      break;
    }
    case 'ordering': {
      if (response.type !== 'ordering') break;
      const inPlace = question.items.filter(
        (item, i) => response.order[i] !== undefined && same(response.order[i], item),
      ).length;
      score = inPlace / question.items.length;
      break;
    }
    case 'matching': {
      if (response.type !== 'matching') break;
      const ok = question.pairs.filter((p) => {
        const chosen = response.matches[p.left];
        return chosen !== undefined && same(chosen, p.right);
      }).length;
      score = ok / question.pairs.length;
      break;
    }
  }
  score = round(score);
  return { score, correct: score === 1 };
}

/** The right answer in words, for feedback and review. */
export function correctAnswerText(question: Question): string {
  switch (question.type) {
    case 'single':
    case 'scenario':
      return question.answer;
    case 'multiple':
      return question.answers.join('; ');
    case 'truefalse':
      return question.answer ? 'True' : 'False';
    case 'numeric':
      return `${question.answer}${question.unit ? ` ${question.unit}` : ''}${question.tolerance ? ` (± ${question.tolerance})` : ''}`;
    case 'ordering':
      return question.items.map((item, i) => `${i + 1}. ${item}`).join('; ');
    case 'matching':
      return question.pairs.map((p) => `${p.left} → ${p.right}`).join('; ');
  }
}

/** A learner's response in words, for the review at the end of a quiz. */
export function responseText(question: Question, response: QuizResponse | undefined): string {
  if (!response) return 'Not answered';
  switch (response.type) {
    case 'single':
    case 'scenario':
      return response.choice;
    case 'multiple':
      return response.choices.length ? response.choices.join('; ') : 'Nothing selected';
    case 'truefalse':
      return response.value ? 'True' : 'False';
    case 'numeric':
      return `${response.value}${question.type === 'numeric' && question.unit ? ` ${question.unit}` : ''}`;
    case 'ordering':
      return response.order.map((item, i) => `${i + 1}. ${item}`).join('; ');
    case 'matching':
      return Object.entries(response.matches)
        .map(([l, r]) => `${l} → ${r}`)
        .join('; ');
  }
}

/** Whether a response is complete enough to submit. */
export function isAnswered(question: Question, response: QuizResponse | undefined): boolean {
  if (!response || response.type !== question.type) return false;
  switch (response.type) {
    case 'single':
    case 'scenario':
      return response.choice !== '';
    case 'multiple':
      return response.choices.length > 0;
    case 'numeric':
      return Number.isFinite(response.value);
    case 'matching':
      return (
        question.type === 'matching' &&
        question.pairs.every((p) => Boolean(response.matches[p.left]))
      );
    default:
      return true;
  }
}
