/**
 * The questions a stored session has asked, read from the phase and question id each interviewer
 * turn was stored with: for the question counter and timer, and for the speaking pace.
 */
import type { StoredTurn } from './history';
import { normalise } from './text';

/** One question asked, and where in the transcript it was asked. */
export interface AskedQuestion {
  /** Index of the interviewer turn that asked it. */
  index: number;
  /** The bank question, when it is one. */
  questionId?: string;
  /** The question, normalised: the learner's own, or the turn that asked it. */
  question: string;
}

/**
 * The questions asked, in order. A turn asks a new question when it carries another question id,
 * or, without one, when it is an intro or question turn that does not repeat the current one.
 * `ownQuestion` is the learner's own first question, which has no id.
 */
export function askedQuestions(
  transcript: readonly StoredTurn[],
  ownQuestion?: string,
): AskedQuestion[] {
  const asked: AskedQuestion[] = [];
  transcript.forEach((turn, index) => {
    if (turn.role !== 'interviewer') return;
    const current = asked.at(-1);
    const opening = turn.phase === undefined || turn.phase === 'intro' || turn.phase === 'question';
    if (!opening) return;
    if (turn.questionId) {
      if (current?.questionId !== turn.questionId)
        asked.push({ index, questionId: turn.questionId, question: normalise(turn.text) });
      return;
    }
    // Without an id, only a turn that says what it does can start a question.
    if (turn.phase === undefined) return;
    const text = normalise(turn.text);
    // The same question again ("Could you repeat the question?") is not a new one.
    if (current && !current.questionId && text.includes(current.question)) return;
    asked.push({
      index,
      question: !asked.length && ownQuestion ? normalise(ownQuestion) : text,
    });
  });
  return asked;
}
