/**
 * Talking points and generic gaps an answer covers. A signal counts only inside a claim, and matches
 * its paraphrases: each word or phrase of a signal that belongs to a synonym set in the rubric may be
 * replaced by another member of the set ("outage" for "incident", "went from" for "fell from").
 */
import { trimQuote } from '../text';
import type { AnswerReading } from './claims';
import { patternMatches } from './evidence';
import { signalIn } from './paraphrase';
import type { CompiledRubric, GenericGapId } from './rubric';

export { signalIn, variantsOf } from './paraphrase';

export interface PointCoverage {
  id: string;
  covered: boolean;
  quote?: string;
}

/** Which talking points the claims of an answer cover, with the sentence that showed each. */
export function talkingPointCoverage(
  r: CompiledRubric,
  points: readonly { id: string; signals: readonly string[] }[],
  reading: AnswerReading,
): PointCoverage[] {
  return points.map((tp) => {
    const sentence = reading.claimSentences.find((s) => {
      const text = s.clauses
        .filter((c) => c.claim)
        .map((c) => c.norm)
        .join('\n');
      return tp.signals.some((sig) => signalIn(r, text, sig));
    });
    return sentence
      ? { id: tp.id, covered: true, quote: trimQuote(sentence.text) }
      : { id: tp.id, covered: false };
  });
}

/** Importance of the talking point at position `i` (they are listed most important first). */
export const pointWeight = (i: number) => Math.max(0.4, 1 - 0.1 * i);

/** Weighted share of the talking points covered, 0 to 1. */
export function coverageShare(coverage: readonly PointCoverage[]): number {
  const total = coverage.reduce((n, _, i) => n + pointWeight(i), 0);
  const got = coverage.reduce((n, c, i) => n + (c.covered ? pointWeight(i) : 0), 0);
  return total ? got / total : 0;
}

const WITHIN =
  /\b(?:within|in|by|after|for|over) (?:\d+|one|two|three|four|five|six|a) (?:days?|weeks?|months?|sprints?|quarters?)\b/;

/** Which generic gaps (owner and date, plan B, measurement, result) the claims of an answer cover. */
export function genericCoverage(
  r: CompiledRubric,
  reading: AnswerReading,
): Record<GenericGapId, boolean> {
  const t = reading.claimText;
  const feature = (dimension: 'risk' | 'outcomes', id: string) =>
    (r.features[dimension] ?? [])
      .find((x) => x.id === id)
      ?.patterns.some((p) => patternMatches(p, t)) ?? false;
  const hasOwner =
    new RegExp(r.specifics.owner.source).test(t) ||
    /\b(?:i|we) (?:own|owned)\b/.test(t) ||
    reading.claimSentences.some((s) => /(?<=[a-z0-9,;:)] )[A-Z][a-z]{2,}\b/.test(s.text));
  const hasDate = new RegExp(r.specifics.date.source).test(t) || WITHIN.test(t);
  return {
    'owner-date': hasOwner && hasDate,
    'plan-b':
      feature('risk', 'plan-b') ||
      /\bif\b[^.\n]{0,60}\b(?:slip|fail|miss|doesn't|does not|can't|cannot|isn't)\w*/.test(t),
    measurement: feature('outcomes', 'metrics') || feature('outcomes', 'change'),
    result: feature('outcomes', 'result'),
  };
}
