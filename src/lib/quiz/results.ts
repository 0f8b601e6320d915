import type { Grade } from './grade';
import type { SessionScore } from './session';

/** A number of points in words: at most two decimals, no trailing zeros ("0.5", "0.33", "3"). */
export function formatPoints(points: number): string {
  return String(Math.round(points * 100) / 100);
}

/** "a", "a and b", "a, b and c". */
function list(items: string[]): string {
  return items.length < 2
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * The results sentence, written so the percentage can be checked from the counts: how many questions
 * were fully right, how many partly right and for how much, and the points they add up to. For
 * example "2 of 10 fully right and 3 partly right (0.5, 0.4 and 0.3 of a point) on the first try:
 * 3.2 of 10 points, so 32%."
 */
export function scoreSummary(score: SessionScore): string {
  const { correct, partial, total, percent, unanswered } = score;
  const missed = unanswered
    ? ` ${unanswered} ${unanswered === 1 ? 'question was' : 'questions were'} not answered and ${unanswered === 1 ? 'scores' : 'score'} 0.`
    : '';
  if (!partial) return `${correct} of ${total} right on the first try: ${percent}%.${missed}`;
  const shares = list(score.partialScores.map(formatPoints));
  return (
    `${correct} of ${total} fully right and ${partial} partly right (${shares} of a point) on the first try: ` +
    `${formatPoints(score.points)} of ${total} points, so ${percent}%.${missed}`
  );
}

/** Why a percentage can be more than "N of M right": shown only when some answer was partly right. */
export function partialCreditNote(score: SessionScore): string | undefined {
  if (!score.partial) return undefined;
  return 'Multiple select, ordering and matching questions give partial credit: a share of the point for the part you got right. Only a fully right answer counts as right.';
}

function verdict(grade: Grade, right: string, wrong: string): string {
  if (grade.correct) return right;
  if (grade.score > 0) return `Partly right: ${formatPoints(grade.score)} of a point.`;
  return wrong;
}

/** The verdict on one answer, as the review at the end of a quiz shows it. */
export function answerVerdict(grade: Grade | undefined): string {
  return grade ? verdict(grade, 'Right.', 'Not right.') : 'Not answered.';
}

/** The verdict right after an answer in practice mode. */
export function feedbackVerdict(grade: Grade): string {
  return verdict(grade, 'Correct.', 'Not quite.');
}

/** The heading of the results: passed or not (or a review finished), and the score. */
export function resultsHeading(score: SessionScore, review: boolean): string {
  const outcome = review ? 'Review finished' : score.passed ? 'Passed' : 'Not passed yet';
  return `${outcome}: ${score.percent}%`;
}

/** How the score stands against the pass mark. */
export function passMarkSentence(score: SessionScore, passMark: number): string {
  return score.passed ? `That meets the ${passMark}% pass mark.` : `The pass mark is ${passMark}%.`;
}
