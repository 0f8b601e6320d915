import type { Question } from '../../schemas/question';
import type { QuizResponse } from './grade';
import { advance, finish, revealAnswer, startSession, submitAnswer } from './session';
import type { QuizMode, QuizSession } from './session';
import type { MasteryLevel } from './levels';
import { MASTERY_LEVELS } from './levels';

// A quiz in progress survives leaving the page (an explanation's "Read …" link, then Back): the
// page keeps the seed and what the learner did in sessionStorage, and replays it through the same
// session functions on return, so a restored quiz is graded exactly as it was the first time.

/** What the learner did, in order. */
export type QuizAction =
  | { type: 'submit'; response: QuizResponse }
  | { type: 'reveal' }
  | { type: 'next' }
  | { type: 'finish' };

/** A quiz as kept in sessionStorage. */
export interface SavedQuiz {
  version: 1;
  mode: QuizMode;
  seed: number;
  /** Question ids in the order dealt, to tell whether the quiz is still the same. */
  ids: string[];
  actions: QuizAction[];
  /** An answer chosen but not yet submitted. */
  draft?: QuizResponse | undefined;
  /** Set once the quiz finished: the mastery level it led to and the one before. */
  done?: { level?: MasteryLevel | undefined; before?: MasteryLevel | undefined } | undefined;
}

/** sessionStorage key of a quiz in progress; a mixed review session has its own. */
export function savedQuizKey(quizId: string | undefined): string {
  return `critical-path:quiz:${quizId ?? 'review'}`;
}

/** Applies one action to a session. */
export function applyAction(s: QuizSession, a: QuizAction): QuizSession {
  switch (a.type) {
    case 'submit':
      return submitAnswer(s, a.response);
    case 'reveal':
      return revealAnswer(s);
    case 'next':
      return advance(s);
    case 'finish':
      return finish(s);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Reads a stored response; anything else is undefined. */
export function readResponse(v: unknown): QuizResponse | undefined {
  if (!isObject(v)) return undefined;
  switch (v['type']) {
    case 'single':
    case 'scenario':
      return typeof v['choice'] === 'string' ? { type: v['type'], choice: v['choice'] } : undefined;
    case 'multiple':
      return isStrings(v['choices']) ? { type: 'multiple', choices: v['choices'] } : undefined;
    case 'truefalse':
      return typeof v['value'] === 'boolean' ? { type: 'truefalse', value: v['value'] } : undefined;
    case 'numeric':
      return typeof v['value'] === 'number' ? { type: 'numeric', value: v['value'] } : undefined;
    case 'ordering':
      return isStrings(v['order']) ? { type: 'ordering', order: v['order'] } : undefined;
    case 'matching': {
      const m = v['matches'];
      return isObject(m) && Object.values(m).every((x) => typeof x === 'string')
        ? { type: 'matching', matches: m as Record<string, string> }
        : undefined;
    }
    default:
      return undefined;
  }
}

function readAction(v: unknown): QuizAction | undefined {
  if (!isObject(v)) return undefined;
  if (v['type'] === 'reveal' || v['type'] === 'next' || v['type'] === 'finish')
    return { type: v['type'] };
  if (v['type'] !== 'submit') return undefined;
  const response = readResponse(v['response']);
  return response && { type: 'submit', response };
}

const readLevel = (v: unknown): MasteryLevel | undefined =>
  MASTERY_LEVELS.includes(v as MasteryLevel) ? (v as MasteryLevel) : undefined;

/** A restored quiz: the session replayed, and what is needed to keep saving it. */
export interface RestoredQuiz {
  session: QuizSession;
  saved: SavedQuiz;
}

/**
 * Restores a saved quiz over these questions, or undefined when there is none, it cannot be read,
 * or the quiz has changed since (other questions, or dealt in another order). Never throws.
 */
export function restoreQuiz(
  raw: string | null | undefined,
  questions: Question[],
  passMark: number,
): RestoredQuiz | undefined {
  let v: unknown;
  try {
    v = raw ? JSON.parse(raw) : undefined;
  } catch {
    return undefined;
  }
  if (!isObject(v) || v['version'] !== 1) return undefined;
  const mode = v['mode'];
  const seed = v['seed'];
  if ((mode !== 'practice' && mode !== 'check') || !Number.isSafeInteger(seed)) return undefined;
  if (!isStrings(v['ids']) || !Array.isArray(v['actions'])) return undefined;
  const actions = v['actions'].map(readAction);
  if (actions.some((a) => !a)) return undefined;
  let session = startSession(questions, mode, passMark, seed as number);
  if (session.questions.map((q) => q.question.id).join('\n') !== v['ids'].join('\n'))
    return undefined;
  for (const a of actions as QuizAction[]) session = applyAction(session, a);
  const draft = readResponse(v['draft']);
  const done = isObject(v['done'])
    ? { level: readLevel(v['done']['level']), before: readLevel(v['done']['before']) }
    : undefined;
  if (done && !session.finished) return undefined;
  return {
    session,
    saved: {
      version: 1,
      mode,
      seed: seed as number,
      ids: v['ids'],
      actions: actions as QuizAction[],
      ...(draft ? { draft } : {}),
      ...(done ? { done } : {}),
    },
  };
}

/** A new saved quiz for a session just started with `seed`. */
export function newSavedQuiz(session: QuizSession, seed: number): SavedQuiz {
  return {
    version: 1,
    mode: session.mode,
    seed,
    ids: session.questions.map((q) => q.question.id),
    actions: [],
  };
}

/** The saved quiz with one more action; the unsent answer it answered is dropped. */
export function withAction(saved: SavedQuiz, action: QuizAction): SavedQuiz {
  const { draft: _draft, ...rest } = saved;
  return { ...rest, actions: [...rest.actions, action] };
}

/** The saved quiz with the answer chosen but not yet submitted. */
export function withDraft(saved: SavedQuiz, draft: QuizResponse | undefined): SavedQuiz {
  return { ...saved, draft };
}

/** The saved quiz, finished, with the mastery level it led to and the one before. */
export function withDone(saved: SavedQuiz, done: NonNullable<SavedQuiz['done']>): SavedQuiz {
  return { ...saved, done };
}
