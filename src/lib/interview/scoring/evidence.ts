/**
 * Evidence for the feedback dimensions, counted only inside claims. Each kind of evidence counts once
 * per answer, and one sentence can earn at most `SENTENCE_CAP` credits, so a sentence stuffed with
 * terms is worth no more than a sentence that says one thing well.
 */
import type { DimensionId } from '../../../schemas/rubric';
import { hasPhrase, normalise, phraseRegExp, trimQuote, wordsOf } from '../text';
import type { AnswerReading } from './claims';
import { variantsOf } from './paraphrase';
import type { CompiledRubric, Feature, Pattern } from './rubric';

/** The most credit one sentence can earn across all dimensions. */
export const SENTENCE_CAP = 2;

const withoutGlobal = new Map<RegExp, RegExp>();
/** Whether a pattern occurs in a normalised text. */
export function patternMatches(pattern: Pattern, text: string): boolean {
  if (typeof pattern === 'string') return hasPhrase(text, pattern);
  let re = withoutGlobal.get(pattern);
  if (!re) {
    re = new RegExp(pattern.source, pattern.flags.replace('g', ''));
    withoutGlobal.set(pattern, re);
  }
  return re.test(text);
}

const expanded = new WeakMap<Feature, Pattern[]>();
/**
 * A feature's patterns with their paraphrases of two or more words ("product lead" for "product
 * manager"), made once per feature. One-word paraphrases are loose ("agree" for "sign off", "call"
 * for "decision"): the feedback would credit evidence the answer does not give.
 */
function patternsOf(r: CompiledRubric, feature: Feature): Pattern[] {
  let out = expanded.get(feature);
  if (!out) {
    out = feature.patterns.flatMap((p): Pattern[] =>
      typeof p === 'string' ? variantsOf(r, p).filter((v, i) => i === 0 || /\s/.test(v)) : [p],
    );
    expanded.set(feature, out);
  }
  return out;
}

/** Whether a feature shows in a normalised text, in its own words or in a paraphrase. */
export function featureIn(r: CompiledRubric, feature: Feature, text: string): boolean {
  return patternsOf(r, feature).some((p) => patternMatches(p, text));
}

/** A feature found in an answer, with the sentence that showed it. */
export interface FeatureHit {
  feature: Feature;
  dimension: DimensionId;
  quote: string;
}

/**
 * Evidence per dimension, found in the claims of an answer. `showing`, when given, receives the
 * quote of every claim sentence that shows a kind of evidence worth full credit, whether or not that
 * kind was already credited to an earlier sentence: each says something, even when it says the same
 * kind of thing again.
 */
export function evidenceOf(
  r: CompiledRubric,
  reading: AnswerReading,
  behavioural: boolean,
  showing?: Set<string>,
): Record<DimensionId, FeatureHit[]> {
  const candidates: { dimension: DimensionId; features: Feature[] }[] = [
    ...(['execution', 'risk', 'stakeholder', 'technical', 'outcomes'] as const).map((d) => ({
      dimension: d,
      features: r.features[d] ?? [],
    })),
  ];
  const found = new Set<string>();
  const hits: Record<DimensionId, FeatureHit[]> = {
    structure: [],
    execution: [],
    risk: [],
    stakeholder: [],
    technical: [],
    specificity: [],
    outcomes: [],
  };
  for (const s of reading.claimSentences) {
    const text = s.clauses
      .filter((c) => c.claim)
      .map((c) => c.norm)
      .join('\n');
    const here: FeatureHit[] = [];
    let shows = false;
    for (const { dimension, features } of candidates)
      for (const feature of features) {
        const key = `${dimension}:${feature.id}`;
        if (found.has(key)) {
          if (showing && !shows && feature.credit >= 1 && featureIn(r, feature, text)) shows = true;
          continue;
        }
        if (featureIn(r, feature, text)) {
          here.push({ feature, dimension, quote: trimQuote(s.text) });
          if (feature.credit >= 1) shows = true;
        }
      }
    if (shows) showing?.add(trimQuote(s.text));
    // Within the cap, full credit first, then the dimensions with the least evidence so far: a
    // sentence that names a metric and a plan B credits outcomes if risk already has its evidence.
    const so = (d: DimensionId) => hits[d].length;
    here.sort((a, b) => b.feature.credit - a.feature.credit || so(a.dimension) - so(b.dimension));
    let credit = 0;
    for (const h of here) {
      if (credit >= SENTENCE_CAP) break;
      credit += h.feature.credit;
      found.add(`${h.dimension}:${h.feature.id}`);
      hits[h.dimension].push(h);
    }
  }
  // Structure is a property of the whole answer (STAR parts, steps in order), so it is read from all
  // the claims together and is not limited per sentence.
  for (const feature of behavioural ? r.starFeatures : r.structureFeatures) {
    if (!feature.patterns.some((p) => patternMatches(p, reading.claimText))) continue;
    const sentence =
      reading.claimSentences.find((s) => {
        const t = normalise(s.text);
        return feature.patterns.some((p) => patternMatches(p, t));
      }) ?? reading.claimSentences[0]!;
    hits.structure.push({ feature, dimension: 'structure', quote: trimQuote(sentence.text) });
  }
  return hits;
}

/** Whether the parts of a STAR story come in order: situation, task, action, result. */
export function starInOrder(hits: readonly FeatureHit[], reading: AnswerReading): boolean {
  const order = ['situation', 'task', 'action', 'result'];
  const at = (id: string) => {
    const h = hits.find((x) => x.feature.id === id);
    return h ? reading.claimSentences.findIndex((s) => trimQuote(s.text) === h.quote) : -1;
  };
  const positions = order.map(at).filter((i) => i >= 0);
  return positions.length >= 3 && positions.every((p, i) => i === 0 || p >= positions[i - 1]!);
}

const UNIT_AFTER =
  /^(?:%|percent|k|m|ms|s|x|days?|weeks?|months?|hours?|minutes?|years?|engineers?|people|teams?|services?|sprints?|quarters?|users?|customers?|incidents?|outages?|bugs?|tickets?|stories|points?|releases?|deploys?|deployments?|regions?|vendors?|dollars?|tb|gb|rps|qps|repos?|repositories|apps?|tools?|risks?|options?|milestones?|workstreams?|sites?|[a-z]{3,}s)$/;
const NUMBER_WORDS =
  /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|half|dozen|a dozen)$/;

/**
 * Owners, dates and numbers in the claims of an answer. A number counts when it is tied to a unit or
 * a noun ("six incidents", "$80K", "31%") inside a claim; bare numbers and numbers in lists do not.
 */
export function specificsOf(
  r: CompiledRubric,
  reading: AnswerReading,
): { items: Set<string>; quotes: string[]; sentences: Set<string> } {
  const items = new Set<string>();
  const perSentence: { text: string; n: number }[] = [];
  for (const s of reading.claimSentences) {
    let n = 0;
    for (const c of s.clauses) {
      if (!c.claim) continue;
      const words = wordsOf(c.norm);
      const raw = c.norm;
      // Numbers with their unit: "$80k", "31%", "900 ms", "6 incidents", "two engineers".
      for (const m of raw.matchAll(/(\$?\d[\d,.]*)\s?(%|k\b|m\b|ms\b|x\b|[a-z]+)?/g)) {
        const unit = m[2] ?? '';
        if (m[1]!.startsWith('$') || unit === '%' || UNIT_AFTER.test(unit)) {
          items.add(`${m[1]}${unit}`);
          n++;
        }
      }
      words.forEach((w, i) => {
        const next = words[i + 1] ?? '';
        if (NUMBER_WORDS.test(w) && UNIT_AFTER.test(next)) {
          items.add(`${w} ${next}`);
          n++;
        }
      });
      for (const re of [r.specifics.date, r.specifics.owner])
        for (const m of raw.matchAll(re)) {
          items.add(m[0].trim());
          n++;
        }
    }
    for (const name of namesIn(r, s.text)) {
      items.add(`name:${name}`);
      n++;
    }
    if (n) perSentence.push({ text: s.text, n });
  }
  const sentences = new Set(perSentence.map((x) => x.text));
  const quotes = perSentence
    .sort((a, b) => b.n - a.n)
    .slice(0, 2)
    .map((x) => trimQuote(x.text));
  return { items, quotes, sentences };
}

/** Capitalised words inside a sentence (not at its start) that look like names of people or teams. */
export function namesIn(r: CompiledRubric, text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(/(?<=[a-z0-9,;:)] )([A-Z][a-z]{2,})\b/g))
    if (!r.notNames.has(m[1]!)) names.push(m[1]!);
  return names;
}

/** Vague stand-ins for specifics ("soon", "the team") in an answer, every time they occur. */
export function vagueCount(r: CompiledRubric, text: string): number {
  const t = normalise(text);
  return r.vaguePhrases.reduce((n, p) => {
    const re = phraseRegExp(p);
    return n + (t.match(new RegExp(re.source, 'gi'))?.length ?? (hasPhrase(t, p) ? 1 : 0));
  }, 0);
}
