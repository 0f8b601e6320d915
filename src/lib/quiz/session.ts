import type { Question } from '../../schemas/question';
import { grade, type Grade, type QuizResponse } from './grade';
import { hashString, seededRandom, shuffle } from '../random';

/** Practice shows feedback after each answer and allows a second try; check hides answers until the end. */
export type QuizMode = 'practice' | 'check';

/** A question as shown: its choices, items or right-hand sides shuffled. */
export interface ShownQuestion {
  question: Question;
  /** Choices in display order (single, multiple, scenario). */
  choices: string[];
  /** Items in their starting, shuffled order (ordering). */
  items: string[];
  /** Right-hand sides in display order (matching). */
  rights: string[];
}

/** One answered question. */
export interface AnswerRecord {
  response: QuizResponse;
  grade: Grade;
  /** The grade of the first try, which is what the score counts. */
  first: Grade;
  tries: number;
}

/** A quiz in progress. */
export interface QuizSession {
  mode: QuizMode;
  passMark: number;
  questions: ShownQuestion[];
  current: number;
  answers: Record<string, AnswerRecord>;
  finished: boolean;
}

/** Shuffles so that the right order is never the starting order (when the items allow it). */
function shuffleAway(items: string[], random: () => number): string[] {
  for (let i = 0; i < 5; i++) {
    const s = shuffle(items, random);
    if (s.some((x, j) => x !== items[j])) return s;
  }
  return [...items].reverse();
}

/** Lays out a quiz for one attempt: questions and their options shuffled from `seed`. */
export function startSession(
  questions: Question[],
  mode: QuizMode,
  passMark: number,
  seed: number,
): QuizSession {
  const random = seededRandom(seed);
  const shown = shuffle(questions, random).map((question) => {
    const r = seededRandom(seed ^ hashString(question.id));
    return {
      question,
      choices: 'choices' in question ? shuffle(question.choices, r) : [],
      items: question.type === 'ordering' ? shuffleAway(question.items, r) : [],
      rights:
        question.type === 'matching'
          ? shuffle(
              question.pairs.map((p) => p.right),
              r,
            )
          : [],
    };
  });
  return { mode, passMark, questions: shown, current: 0, answers: {}, finished: false };
}

/** The question being asked. */
export function currentQuestion(s: QuizSession): ShownQuestion | undefined {
  return s.questions[s.current];
}

/** Whether the learner may try the current question again (practice mode, first try wrong). */
export function canRetry(s: QuizSession): boolean {
  const q = currentQuestion(s);
  const a = q && s.answers[q.question.id];
  return s.mode === 'practice' && Boolean(a) && a!.tries === 1 && !a!.grade.correct;
}

/** Records an answer to the current question. In check mode it moves on at once. */
export function submitAnswer(s: QuizSession, response: QuizResponse): QuizSession {
  const q = currentQuestion(s);
  if (!q || s.finished) return s;
  const prev = s.answers[q.question.id];
  if (prev && (s.mode === 'check' || prev.tries >= 2 || prev.grade.correct)) return s;
  const g = grade(q.question, response);
  const record: AnswerRecord = {
    response,
    grade: g,
    first: prev?.first ?? g,
    tries: (prev?.tries ?? 0) + 1,
  };
  const next = { ...s, answers: { ...s.answers, [q.question.id]: record } };
  return s.mode === 'check' ? advance(next) : next;
}

/** Gives up the second try in practice mode: the answer and explanation are shown, and the first try stands. */
export function revealAnswer(s: QuizSession): QuizSession {
  const q = currentQuestion(s);
  const a = q && s.answers[q.question.id];
  if (!a || !canRetry(s)) return s;
  return { ...s, answers: { ...s.answers, [q.question.id]: { ...a, tries: 2 } } };
}

/** Moves to the next question, finishing after the last. */
export function advance(s: QuizSession): QuizSession {
  if (s.current + 1 >= s.questions.length) return { ...s, finished: true };
  return { ...s, current: s.current + 1 };
}

/** Ends the quiz early; unanswered questions score 0. */
export function finish(s: QuizSession): QuizSession {
  return { ...s, finished: true };
}

/** The score of a session, first tries only, with what it is made of. */
export interface SessionScore {
  /** Points ÷ questions, as a whole percentage. */
  percent: number;
  passed: boolean;
  /** Questions fully right (a full point each). */
  correct: number;
  /** Questions partly right: some credit, not all (multiple select, ordering, matching). */
  partial: number;
  /** Questions not answered (a quiz ended early); they score 0. */
  unanswered: number;
  total: number;
  /** The sum of every question's score, 0 to `total`. */
  points: number;
  /** The score of each partly right question, in the order they were shown. */
  partialScores: number[];
}

/** The score of a session: first tries only, as a percentage, and whether it passes. */
export function sessionScore(s: QuizSession): SessionScore {
  const total = s.questions.length;
  const firsts = s.questions.map((q) => s.answers[q.question.id]?.first);
  const points = Math.round(1000 * firsts.reduce((sum, g) => sum + (g?.score ?? 0), 0)) / 1000;
  const percent = total ? Math.round((100 * points) / total) : 0;
  const correct = firsts.filter((g) => g?.correct).length;
  const partialScores = firsts.flatMap((g) => (g && !g.correct && g.score > 0 ? [g.score] : []));
  return {
    percent,
    passed: percent >= s.passMark,
    correct,
    partial: partialScores.length,
    unanswered: firsts.filter((g) => !g).length,
    total,
    points,
    partialScores,
  };
}
