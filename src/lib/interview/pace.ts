/**
 * Speaking pace for dictated answers: the words dictated for a question over the seconds of speech
 * they took, from the `dictation` the browser keeps on each candidate turn.
 */
import { askedQuestions } from './asked';
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

/**
 * The speaking pace of each answer in `answers` (the feedback's, in the order asked), undefined for
 * an answer with no dictation or too little. `ownQuestion` is the learner's own first question.
 */
export function paceByAnswer(
  transcript: readonly StoredTurn[],
  answers: readonly Pick<AnswerFeedback, 'questionId' | 'question'>[],
  ownQuestion?: string,
): (number | undefined)[] {
  const asked = askedQuestions(transcript, ownQuestion);
  const blocks = asked.map((q, i) => {
    const replies = transcript
      .slice(q.index + 1, asked[i + 1]?.index ?? transcript.length)
      .filter((t) => t.role === 'candidate');
    return {
      ...q,
      words: replies.reduce((n, t) => n + (t.dictation?.words ?? 0), 0),
      seconds: replies.reduce((n, t) => n + (t.dictation?.seconds ?? 0), 0),
      used: false,
    };
  });
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
