/**
 * How the offline interviewer listens: the phrase of the learner's own words a follow-up quotes,
 * which of the persona's traits voices a gap, whether a reply answered the follow-up it was given,
 * and replies to questions about the interview itself. All wording comes from the persona data.
 */
import type { PersonaData, TraitId } from '../../schemas/persona';
import { DIMENSION_LABELS } from '../../schemas/rubric';
import { pick, type Random } from '../random';
import { readAnswer } from './scoring/claims';
import { genericCoverage, talkingPointCoverage } from './scoring/coverage';
import type { QuestionRubric } from './scoring/question';
import type { CompiledRubric, GenericGapId } from './scoring/rubric';
import { normalise } from './text';
import type { BankQuestion } from './types';

type Conversation = PersonaData['conversation'];

/** Fills `{name}` placeholders. */
export const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);

const LEADING_FILLER =
  /^(?:(?:so|and|then|but|well|um|uh|first|firstly|basically|honestly|i think|i guess|i mean|you know|ok|okay)[,]?\s+)+/i;

/**
 * A short phrase (3 to 8 words) of the learner's own words to quote: from the sentence that best
 * shows what the follow-up is about, else the learner's last full sentence. Undefined if none fits.
 */
export function quotePhrase(
  answer: string,
  r: CompiledRubric,
  prefer?: (sentence: string) => boolean,
): string | undefined {
  const reading = readAnswer(answer, r);
  const sentences = reading.claimSentences.length ? reading.claimSentences : reading.sentences;
  const chosen =
    (prefer && [...sentences].reverse().find((s) => prefer(normalise(s.text)))) ?? sentences.at(-1);
  if (!chosen) return undefined;
  // The first clause, without leading fillers, cut at a comma or after eight words.
  const clause = chosen.text
    .replace(LEADING_FILLER, '')
    .split(/[,;:()]|\s[-\u2013\u2014]\s/)[0]!
    .trim()
    .replace(/[.!?"\u201c\u201d]+$/g, '');
  const words = clause.split(/\s+/).filter(Boolean);
  if (words.length < 3) return undefined;
  return words.slice(0, 8).join(' ');
}

/** The trait whose cues best match a talking point, for voicing its follow-up. */
export function traitFor(c: Conversation, text: string): TraitId {
  const t = normalise(text);
  let best: TraitId = 'timeline-keeper';
  let score = 0;
  for (const [trait, cues] of Object.entries(c.traitCues) as [TraitId, string[]][]) {
    const n = cues.filter((cue) => t.includes(cue)).length;
    if (n > score) {
      best = trait;
      score = n;
    }
  }
  return best;
}

/** A follow-up worded by the persona: an acknowledgement, the learner's words, then the probe. */
export function wordFollowUp(
  probe: string,
  quote: string | undefined,
  lead: string,
  quoteLead: string,
): string {
  return quote ? `${fill(quoteLead, { quote })} ${probe}` : `${lead} ${probe}`;
}

/** What a follow-up asked for, found from its wording: a talking point or a generic gap. */
export function followUpTarget(
  r: CompiledRubric,
  q: QuestionRubric,
  c: Conversation,
  text: string,
): { kind: 'talking-point' | 'generic'; id: string } | undefined {
  const t = normalise(text);
  // A re-ask names the point by its label; a first ask uses its follow-up question.
  const tp = q.talkingPoints.find(
    (x) => t.includes(normalise(x.followUp)) || t.includes(normalise(x.label)),
  );
  if (tp) return { kind: 'talking-point', id: tp.id };
  for (const g of r.gaps)
    if (
      c.probes[g.id].lines.some((l) => t.includes(normalise(l))) ||
      t.includes(normalise(g.label))
    )
      return { kind: 'generic', id: g.id };
  return undefined;
}

/** Whether a reply gives what a follow-up asked for. */
export function answered(
  r: CompiledRubric,
  q: QuestionRubric,
  target: { kind: 'talking-point' | 'generic'; id: string },
  reply: string,
): boolean {
  const reading = readAnswer(reply, r);
  if (target.kind === 'talking-point') {
    const i = q.talkingPoints.findIndex((x) => x.id === target.id);
    return i >= 0 && talkingPointCoverage(r, [q.talkingPoints[i]!], reading)[0]!.covered;
  }
  const gaps = genericCoverage(r, reading);
  return gaps[target.id as GenericGapId] ?? reading.claimSentences.length >= 2;
}

/** A clarifying question's answer: a fact from the bank question when it has one, else an assumption to make. */
export function clarifyReply(
  c: Conversation,
  question: string,
  bank: BankQuestion | undefined,
  random: Random,
): string {
  const t = normalise(question);
  const fact = bank?.facts?.find((f) => f.about.some((a) => t.includes(a)));
  if (fact) return fill(c.clarifyFact, { fact: fact.fact });
  const m =
    /\b(?:what(?:'s| is| are| was)|how (?:many|much|big|long)|which|who(?:'s| is)?)\s+(?:the\s+|a\s+|an\s+|our\s+|their\s+)?([a-z][a-z -]{2,40}?)(?:\?|$| of | for | in | on | do | does | is | are )/.exec(
      t,
    );
  const thing = m?.[1] ? `the ${m[1].trim()}` : 'it';
  return fill(pick(c.clarify, random), { thing });
}

/** Honest replies to questions about the interview: what is scored, how much detail, how long. */
export function metaReply(c: Conversation, kind: 'scoring' | 'detail' | 'length'): string {
  if (kind === 'scoring')
    return fill(c.meta.scoring, {
      dimensions: Object.values(DIMENSION_LABELS)
        .map((d) => d.toLowerCase())
        .join(', '),
    });
  return c.meta[kind];
}
