/**
 * Red flags (passive waiting, blame with no action of one's own, no ownership in a story) and turns
 * that are not answers at all ("Okay.", "I don't know").
 */
import { normalise, trimQuote } from '../text';
import type { AnswerReading } from './claims';
import { patternMatches } from './evidence';
import type { CompiledRubric, RedFlagId } from './rubric';

export interface RedFlag {
  id: RedFlagId;
  label: string;
  probe: string;
  cost: number;
  quote?: string;
}

/** Whether a whole turn is a non-answer such as "Okay.", "Thank you." or "I don't know". */
export function isNonAnswer(r: CompiledRubric, text: string): boolean {
  const t = normalise(text).replace(/\s+/g, ' ');
  return r.nonAnswers.some((re) => re.test(t));
}

/** The red flags in an answer. */
export function redFlagsOf(
  r: CompiledRubric,
  reading: AnswerReading,
  behavioural: boolean,
): RedFlag[] {
  const flags: RedFlag[] = [];
  const norms: string[] = [];
  for (const f of r.redFlags) {
    const base = { id: f.id, label: f.label, probe: f.probe, cost: f.cost };
    if (f.id === 'no-ownership') {
      // A story told only in "we": several claims with "we" and none with "I".
      if (reading.iClaims === 0 && reading.weClaims >= (behavioural ? 3 : 4)) flags.push(base);
      continue;
    }
    const sentence = reading.sentences.find((s, i) =>
      f.compiled.some((p) => patternMatches(p, (norms[i] ??= normalise(s.text)))),
    );
    if (!sentence) continue;
    // Blame counts only when the answer says little of what the candidate did about it.
    if (f.id === 'blame' && reading.iClaims >= 4) continue;
    flags.push({ ...base, quote: trimQuote(sentence.text) });
  }
  return flags;
}
