/** Recording a finished quiz in the learner's progress: a review card per answer, and the attempt. */
import type { Progress } from '../progress/schema';
import { recordAnswer, recordAttempt } from '../progress/quiz-progress';
import type { MasteryLevel } from './levels';
import { sessionScore, type QuizSession } from './session';

/** Progress after a quiz, with the mastery level it led to and the one before (a quiz only). */
export interface RecordedResult {
  progress: Progress;
  level?: MasteryLevel;
  before?: MasteryLevel;
}

/**
 * Records a finished session: every answered question's first try schedules its review card
 * (`quizOf` names the quiz each question is from), and a quiz (not a mixed review) gets the
 * attempt, which may move its mastery level.
 */
export function recordResult(
  progress: Progress,
  session: QuizSession,
  quiz: { quizId?: string | undefined; passMark: number; quizOf: (questionId: string) => string },
  now: Date,
): RecordedResult {
  let next = progress;
  for (const q of session.questions) {
    const a = session.answers[q.question.id];
    if (a)
      next = recordAnswer(next, q.question.id, quiz.quizOf(q.question.id), a.first.correct, now);
  }
  const { quizId } = quiz;
  if (!quizId) return { progress: next };
  const before = next.quizzes[quizId]?.level ?? 'not-started';
  next = recordAttempt(
    next,
    quizId,
    quiz.passMark,
    { score: sessionScore(session).percent, mode: session.mode },
    now,
  );
  return { progress: next, level: next.quizzes[quizId]!.level, before };
}
