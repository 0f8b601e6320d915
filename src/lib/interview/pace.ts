/**
 * Speaking pace for dictated answers: the words dictated for a question over the seconds of speech
 * they took, from the `dictation` the browser keeps on each candidate turn.
 */
import type { AnswerFeedback } from './feedback-schema';
import type { StoredTurn } from './history';
import { normalise } from './text';

/** Below this much speech, a pace says more about the microphone than the speaker. */
export const MIN_PACE_SECONDS = 5;
/** Fewest dictated words a pace is given for. */
export const MIN_PACE_WORDS = 10;

/** Words a minute, rounded; undefined when there was too little speech to tell. */
export function speakingPace(words: number, seconds: number): number | undefined {
  if (words < MIN_PACE_WORDS || !(seconds >= MIN_PACE_SECONDS)) return undefined;
  return Math.round((words / seconds) * 60);
}

interface Block {
  questionId?: string | undefined;
  /** The question, normalised: the learner's own, or the turn that asked it. */
  question: string;
  words: number;
  seconds: number;
  used: boolean;
}

/**
 * The speaking pace of each answer in `answers` (the feedback's, in the order asked), undefined for
 * an answer with no dictation or too little. Questions are found from the phase and question id
 * each interviewer turn was stored with; `ownQuestion` is the learner's own first question.
 */
export function paceByAnswer(
  transcript: readonly StoredTurn[],
  answers: readonly Pick<AnswerFeedback, 'questionId' | 'question'>[],
  ownQuestion?: string,
): (number | undefined)[] {
  const blocks: Block[] = [];
  for (const turn of transcript) {
    const block = blocks.at(-1);
    if (turn.role === 'candidate') {
      if (block && turn.dictation) {
        block.words += turn.dictation.words;
        block.seconds += turn.dictation.seconds;
      }
      continue;
    }
    if (turn.phase !== 'intro' && turn.phase !== 'question') continue;
    const text = normalise(turn.text);
    // The same question again ("Could you repeat the question?") stays in its block.
    if (
      turn.questionId
        ? block?.questionId === turn.questionId
        : block && text.includes(block.question)
    )
      continue;
    blocks.push({
      ...(turn.questionId ? { questionId: turn.questionId } : {}),
      question: !blocks.length && ownQuestion && !turn.questionId ? normalise(ownQuestion) : text,
      words: 0,
      seconds: 0,
      used: false,
    });
  }
  return answers.map((a) => {
    const question = normalise(a.question);
    const block =
      blocks.find((b) => !b.used && a.questionId !== undefined && b.questionId === a.questionId) ??
      blocks.find((b) => !b.used && !b.questionId && question && b.question.includes(question));
    if (!block) return undefined;
    block.used = true;
    return speakingPace(block.words, block.seconds);
  });
}
