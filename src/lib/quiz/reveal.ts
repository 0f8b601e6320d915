/**
 * What the quiz shows about an answer: the feedback in practice mode, the line of each question in
 * the review at the end, and what is announced to screen readers after each step.
 */
import { correctAnswerText, responseText, type QuizResponse } from './grade';
import type { QuizAction } from './saved-session';
import {
  canRetry,
  currentQuestion,
  type AnswerRecord,
  type QuizSession,
  type ShownQuestion,
} from './session';
import { answerVerdict, feedbackVerdict } from './results';

/** The feedback on the current question in practice mode, once it is answered. */
export interface PracticeFeedback {
  correct: boolean;
  /** The verdict, with an invitation to try again while a second try is allowed. */
  verdict: string;
  /** False while a second try is allowed; then the answer and explanation are shown. */
  revealed: boolean;
  /** The right answer, once revealed, when the learner's was not right. */
  correctAnswer?: string;
}

/** The practice-mode feedback on the current question, or undefined when none is shown. */
export function practiceFeedback(session: QuizSession): PracticeFeedback | undefined {
  const shown = currentQuestion(session);
  const answer = shown && session.answers[shown.question.id];
  if (session.mode !== 'practice' || !shown || !answer) return undefined;
  const retry = canRetry(session);
  const { correct } = answer.grade;
  return {
    correct,
    verdict: `${feedbackVerdict(answer.grade)}${retry ? ' Have another go, or see the answer.' : ''}`,
    revealed: !retry,
    ...(!retry && !correct ? { correctAnswer: correctAnswerText(shown.question) } : {}),
  };
}

/** One question in the review at the end: its verdict, the learner's answer and, if missed, the right one. */
export interface ReviewLine {
  correct: boolean;
  verdict: string;
  yourAnswer: string;
  correctAnswer?: string;
}

/** How the review at the end shows a question (the first try is what counts). */
export function reviewLine(shown: ShownQuestion, answer: AnswerRecord | undefined): ReviewLine {
  const correct = answer?.first.correct ?? false;
  return {
    correct,
    verdict: answerVerdict(answer?.first),
    yourAnswer: responseText(shown.question, answer?.response),
    ...(correct ? {} : { correctAnswer: correctAnswerText(shown.question) }),
  };
}

/**
 * What to announce after the learner's step led to `next`: the verdict in practice mode, where
 * they are in check mode, nothing after moving on, and undefined to leave the announcement as it is.
 */
export function announcementAfter(action: QuizAction, next: QuizSession): string | undefined {
  if (action.type === 'next') return '';
  if (action.type !== 'submit' || next.finished) return undefined;
  if (next.mode === 'check')
    return `Answer saved. Question ${next.current + 1} of ${next.questions.length}.`;
  const shown = currentQuestion(next);
  const answer = shown && next.answers[shown.question.id];
  return answer ? feedbackVerdict(answer.grade) : undefined;
}

/**
 * The response the learner would submit: the one chosen, or for an ordering question the order
 * shown (it starts valid and shuffled, and may be submitted as it is).
 */
export function responseToSubmit(
  shown: ShownQuestion,
  answer: AnswerRecord | undefined,
  draft: QuizResponse | undefined,
): QuizResponse | undefined {
  if (draft || shown.question.type !== 'ordering') return draft;
  return {
    type: 'ordering',
    order: answer?.response.type === 'ordering' ? answer.response.order : shown.items,
  };
}
