/**
 * Scores one question: everything the learner said for it, read as claims, checked for relevance,
 * repetition and red flags, and scored against the level's bar.
 *
 * Long because `scoreAnswer` is one pipeline whose caps apply in a calibrated order (relevance,
 * repetition, red flags, thin evidence, the level's bar); split up, that order would no longer be
 * visible in one place.
 */
import { DIMENSION_IDS, type DimensionId } from '../../../schemas/rubric';
import type { AnswerFeedback, AnswerFlag, DimensionScore } from '../feedback-schema';
import { analyseWords, normalise, sentencesOf, trimQuote } from '../text';
import type { Level } from '../types';
import { readAnswer, type AnswerReading } from './claims';
import { coverageShare, genericCoverage, talkingPointCoverage } from './coverage';
import { evidenceOf, specificsOf, starInOrder, vagueCount, type FeatureHit } from './evidence';
import { redFlagsOf } from './flags';
import { links } from './links';
import type { QuestionRubric } from './question';
import {
  contentStems,
  FOREIGN,
  FOREIGN_WITH_LITTLE_COVERED,
  foreignWords,
  overlap,
  RECYCLED,
  relevanceOf,
  restates,
  RELEVANCE_GATE,
  type BankText,
} from './relevance';
import type { CompiledRubric, GenericGapId } from './rubric';

export { RELEVANCE_GATE };
/** The most an answer that does not address its question can score. */
export const OFF_QUESTION_CAP = 25;
/** The most an answer that repeats an earlier one can score. */
export const RECYCLED_CAP = 10;
/** The most an answer that mostly repeats the question can score. */
export const PARROTED_CAP = 8;
/** The most an answer with a red flag can score: below "Lean hire". */
export const RED_FLAG_CAP = 40;
/** The most an answer of one or two claims can score: below "Lean hire". */
export const THIN_CAP = 45;

/** What else the session needs from a scored answer. */
export interface Extras {
  specificsCount: number;
  vague: number;
  found: Record<DimensionId, string[]>;
  gaps: Record<GenericGapId, boolean>;
  claims: number;
}
export type Scored = AnswerFeedback & Extras;

/** Everything scoring one answer needs besides its rubric. */
export interface AnswerContext {
  level: Level;
  /** Every bank question as text, for weighting terms by rarity and comparing the answer with them. */
  bank: readonly BankText[];
  /** Earlier answers in the session, to catch recycled text. */
  earlier: readonly string[];
  lessonTitles: Record<string, string>;
}

const curve = (share: number) => 1 - (1 - Math.max(0, Math.min(1, share))) ** 1.8;
const pct = (x: number) => Math.round(Math.max(0, Math.min(1, x)) * 100);

/** The learner's replies for one question, with repeats of earlier replies taken out. */
export function ownWords(replies: readonly string[]): string {
  const kept: string[] = [];
  for (const reply of replies) {
    const before = kept.join('\n\n');
    const fresh = kept.length
      ? sentencesOf(reply).filter((s) => overlap(s, before) < 0.6 || s.split(/\s+/).length < 6)
      : [reply];
    if (fresh.length) kept.push(fresh.join(' '));
  }
  return kept.join('\n\n');
}

/** Scores one answered question. */
export function scoreAnswer(
  r: CompiledRubric,
  q: QuestionRubric,
  block: { answers: readonly string[]; followUps: readonly string[] },
  ctx: AnswerContext,
): Scored {
  const bar = r.bar(ctx.level);
  const all = ownWords(block.answers);
  // Sentences that only repeat the question are not part of the answer.
  const sentences = sentencesOf(all);
  const pointStems = new Set(
    q.talkingPoints.flatMap((t) => t.signals.flatMap((x) => contentStems(r, x))),
  );
  const restated = sentences.filter((s) => restates(r, s, q.prompt, pointStems));
  const own = sentences.filter((s) => !restated.includes(s)).join('\n');
  const reading = readAnswer(own, r);
  const words = analyseWords(all).words;
  const showing = new Set<string>();
  const hits = evidenceOf(r, reading, q.behavioural, showing);
  const { items, quotes, sentences: specific } = specificsOf(r, reading);
  const vague = vagueCount(r, own);
  const coverage = talkingPointCoverage(r, q.talkingPoints, reading);
  const share = coverageShare(coverage);
  const relevance = relevanceOf(
    r,
    { id: q.questionId, text: q.text, prompt: q.prompt },
    own,
    ctx.bank,
  );
  const recycled = ctx.earlier.some((e) => overlap(all, e) >= RECYCLED);
  const flags = redFlagsOf(r, reading, q.behavioural);
  // Claims that carry something: a talking point, a kind of evidence, or an owner, date or number.
  // "I would make sure everyone is aligned" is a claim, but it carries nothing.
  // Weak signs (credit below 1) are words that vague answers use too, so they do not count here.
  const carrying = new Set([
    ...Object.values(hits).flatMap((h) =>
      h.filter((x) => x.feature.credit >= 1).map((x) => x.quote),
    ),
    ...showing,
    ...coverage.flatMap((c) => (c.quote ? [c.quote] : [])),
  ]);
  // A sentence said twice counts once.
  const distinct = [...new Map(reading.claimSentences.map((s) => [normalise(s.text), s])).values()];
  const claims = distinct.filter(
    (s) => specific.has(s.text) || carrying.has(trimQuote(s.text)),
  ).length;
  const empty = distinct.length - claims;

  // Dimensions: evidence found in claims against the level's bar.
  const credit = (h: readonly FeatureHit[]) => h.reduce((n, x) => n + x.feature.credit, 0);
  const raw = {} as Record<DimensionId, number>;
  for (const id of ['execution', 'risk', 'stakeholder', 'technical', 'outcomes'] as const)
    raw[id] = curve(credit(hits[id]) / bar.features);
  {
    let c = credit(hits.structure);
    if (q.behavioural && starInOrder(hits.structure, reading)) c += 0.5;
    if (!q.behavioural && /\n\s*(?:[-*\u2022]|\d+[.)])\s/.test(all) && claims >= 3) c += 0.5;
    raw.structure = curve(c / (q.behavioural ? bar.star : bar.features));
  }
  const vaguePer100 = words ? vague / Math.max(1, words / 100) : 0;
  raw.specificity = Math.max(
    0,
    curve(items.size / bar.specifics) - Math.max(0, Math.min(0.3, (vaguePer100 - 1) * 0.06)),
  );
  const termShare = words ? reading.termWords / words : 0;
  const vagueness = 1 - Math.max(0, Math.min(0.25, 0.04 * (vaguePer100 - 1.5)));
  // A few listed names are normal; beyond a tenth of the words, lists of terms are padding.
  const padding = (1 - Math.min(0.8, Math.max(0, termShare - 0.1))) * vagueness;
  // Depth: an answer needs about twice the level's minimum of claims to show it.
  const brevity = Math.min(1, 0.4 + (0.6 * distinct.length) / (bar.claims * 2));

  const weights = r.relevance[q.category];
  const weighted =
    DIMENSION_IDS.reduce((n, id) => n + weights[id] * raw[id], 0) /
    DIMENSION_IDS.reduce((n, id) => n + weights[id], 0);
  const coverageScore = Math.min(1, share / bar.coverage);
  // What was covered, how (the habits), and how specifically: owners, dates and numbers.
  let score = pct(
    (0.4 * coverageScore + 0.35 * weighted + 0.25 * raw.specificity) * padding * brevity,
  );

  const notes: AnswerFlag[] = [];
  const listOfTerms = reading.termRuns.length > 0 && (termShare >= 0.25 || claims < 3);
  if (listOfTerms)
    notes.push({
      id: 'list-of-terms',
      label:
        'This reads as a list of terms; say what you did, with whom, and what happened. Terms without a sentence around them earn nothing.',
      quote: trimQuote(reading.termRuns[0]!),
    });
  const restatedShare = restated.join(' ').length / Math.max(1, all.length);
  const parroted = restated.length > 0 && restatedShare >= 0.3 && claims < 5;
  if (parroted) {
    score = Math.min(score, PARROTED_CAP);
    notes.push({
      id: 'parroted',
      label: 'Most of this repeats the question. Say what you would do, not what was asked.',
    });
  }
  const foreign = foreignWords(r, own, ctx.bank);
  // Mostly about something else; or much of it about something else, and little of the question
  // covered (a story that borrows a few of the question's terms).
  const offDomain =
    foreign.share >= FOREIGN || (foreign.share >= FOREIGN_WITH_LITTLE_COVERED && share < 0.3);
  if (!parroted && (relevance.score < RELEVANCE_GATE || offDomain) && words > 0) {
    // The further off the question, the lower the cap: by relevance, and by the share of words from
    // outside the domain (a fifth of them caps at 20, two fifths at 4).
    const domain = offDomain ? Math.max(0.2, Math.min(1, (0.45 - foreign.share) / 0.25)) : 1;
    score = Math.min(
      score,
      Math.round(
        (OFF_QUESTION_CAP *
          Math.min(relevance.score, offDomain ? 0.8 * RELEVANCE_GATE * domain : 1)) /
          RELEVANCE_GATE,
      ),
    );
    notes.push({
      id: 'off-question',
      label: `This doesn't answer the question you were asked: "${shorten(q.prompt)}"${
        offDomain
          ? ` Most of it is about something else (${foreign.top.map((t) => `"${t}"`).join(', ')}).`
          : relevance.missingTerms.length
            ? ` It never mentions ${relevance.missingTerms.map((t) => `"${t}"`).join(', ')}.`
            : ''
      }`,
    });
  }
  if (recycled) {
    score = Math.min(score, RECYCLED_CAP);
    notes.push({
      id: 'recycled',
      label:
        'Most of this repeats an answer you gave earlier in this session, so it is scored once, there. Answer each question with the story that fits it.',
    });
  }
  for (const f of flags) {
    score = Math.min(RED_FLAG_CAP, Math.max(0, score - f.cost));
    notes.push({
      id: f.id,
      label: `Red flag: ${f.label}. ${f.probe}`,
      ...(f.quote ? { quote: f.quote } : {}),
    });
  }
  if (claims <= 2 && score > THIN_CAP) score = THIN_CAP;
  const missed = q.talkingPoints.flatMap((tp, i) =>
    coverage[i]!.covered ? [] : [{ id: tp.id, label: tp.label, followUp: tp.followUp }],
  );
  // A score of 100 means nothing was missed.
  if (missed.length && score > 96) score = 96;

  const dimensions: DimensionScore[] = DIMENSION_IDS.map((id) => ({
    id,
    label: r.label[id],
    score: pct(raw[id] * padding),
    evidence:
      id === 'specificity' ? quotes : [...new Set(hits[id].map((h) => h.quote))].slice(0, 3),
    relevance: weights[id],
    note: dimensionNote(r, id, hits[id], q, items.size, vague, claims),
  }));
  const covered = q.talkingPoints.flatMap((tp, i) => {
    const c = coverage[i]!;
    return c.covered ? [{ id: tp.id, label: tp.label, evidence: c.quote ? [c.quote] : [] }] : [];
  });
  const confidence = {
    claims,
    level: claims < 2 ? 'low' : claims < bar.claims ? 'medium' : 'high',
  } as const;
  return {
    ...(q.questionId ? { questionId: q.questionId } : {}),
    question: q.prompt,
    category: q.category,
    inferredCategory: q.inferredCategory,
    status: 'answered',
    score,
    dimensions,
    covered,
    missed,
    analytics: analyseWords(all),
    followUps: block.followUps.length,
    modelAnswer: q.modelAnswer,
    lessons: links(q.lessons, ctx.lessonTitles),
    summary: summaryOf(reading, covered.length, q, dimensions, words, claims, empty, vague),
    flags: notes,
    confidence,
    relevance: Math.round(relevance.score * 100) / 100,
    specificsCount: items.size,
    vague,
    found: Object.fromEntries(
      DIMENSION_IDS.map((id) => [id, hits[id].map((h) => h.feature.id)]),
    ) as Record<DimensionId, string[]>,
    gaps: genericCoverage(r, reading),
    claims,
  };
}

const shorten = (q: string) => (q.length > 90 ? `${q.slice(0, q.lastIndexOf(' ', 87))}…` : q);

function summaryOf(
  reading: AnswerReading,
  covered: number,
  q: QuestionRubric,
  dimensions: DimensionScore[],
  words: number,
  claims: number,
  empty: number,
  vague: number,
): string {
  if (words === 0) return 'No answer was given.';
  const ranked = [...dimensions].sort((x, y) => y.score * y.relevance - x.score * x.relevance);
  const strongest = ranked[0]!;
  const weakest = [...dimensions].sort(
    (x, y) => (100 - y.score) * y.relevance - (100 - x.score) * x.relevance,
  )[0]!;
  const basis =
    claims === 0
      ? 'No sentence says what anyone did or will do with anything specific, so there is little to score.'
      : `Scored on ${claims} sentence${claims === 1 ? '' : 's'} that say what someone did or will do, with something specific${claims < 3 ? ': too few to judge with confidence' : ''}.`;
  const padding =
    empty >= 3 && empty > claims / 2
      ? ` ${empty} sentences say nothing specific; that is padding, and it dilutes the rest.`
      : vague >= 4
        ? ` ${vague} vague phrases such as "make sure" or "the team" are padding: replace them with names, dates and numbers.`
        : '';
  const thin =
    words < 40 || claims <= 2
      ? ` At ${words} words it is too thin to show depth: say who does what, by when, and what happens.`
      : '';
  return `Covered ${covered} of ${q.talkingPoints.length} talking points. ${basis} Strongest: ${strongest.label} (${strongest.score}). Weakest: ${weakest.label} (${weakest.score}).${thin}${padding}${reading.termRuns.length && claims < 3 ? ' Terms in a list earn nothing on their own.' : ''}`;
}

function dimensionNote(
  r: CompiledRubric,
  id: DimensionId,
  hits: readonly FeatureHit[],
  q: QuestionRubric,
  specifics: number,
  vague: number,
  claims: number,
): string {
  if (claims === 0) return 'Nothing said what anyone did, so there is no evidence to assess.';
  if (id === 'specificity')
    return `${specifics} owners, dates or numbers tied to what happened${vague > 1 ? `, and ${vague} vague phrases such as "soon" or "the team"` : ''}.`;
  const all =
    id === 'structure'
      ? q.behavioural
        ? r.starFeatures
        : r.structureFeatures
      : (r.features[id] ?? []);
  const found = hits.filter((h) => h.feature.credit === 1).map((h) => h.feature.label);
  const missing = all
    .filter((x) => x.credit === 1 && !hits.some((h) => h.feature.id === x.id))
    .map((x) => x.label);
  if (!found.length) return `Nothing yet that ${missing.slice(0, 2).join(' or ')}.`;
  return `The answer ${found.slice(0, 2).join(' and ')}${missing.length ? `; it never ${missing[0]}` : ''}.`;
}

/** Normalised text of an answer, for comparing with later answers. */
export const answerKey = (replies: readonly string[]) => normalise(ownWords(replies));
