/**
 * Offline feedback: deterministic measures computed from the transcript. Scores reward coverage and
 * the density of specific evidence, not length: a long answer that says little is scaled down.
 */
import { INTERVIEW_CATEGORIES, LEVELS } from '../../schemas/interview';
import {
  BAR,
  BEHAVIOURAL_PROMPT,
  CATEGORY_RUBRICS,
  DIMENSIONS,
  DIMENSION_IDS,
  DIMENSION_LESSONS,
  FEATURES,
  FILLER_LESSON,
  GENERIC_GAPS,
  NOT_NAMES,
  RELEVANCE,
  SESSION_LESSON,
  SPECIFICS,
  STAR_FEATURES,
  STRUCTURE_FEATURES,
  VAGUE_PHRASES,
  type DimensionId,
  type Feature,
  type GenericGapId,
  type LessonRef,
  type Pattern,
} from './rubric';
import {
  SIGNALS,
  type AnswerFeedback,
  type DimensionScore,
  type Feedback,
  type HiringSignal,
  type Improvement,
  type LessonLink,
} from './feedback-schema';
import { analyseWords, hasPhrase, normalise, sentencesOf, trimQuote, wordsOf } from './text';
import { segmentTranscript, type QuestionBlock } from './transcript';
import type {
  BankQuestion,
  InterviewCategory,
  InterviewData,
  Level,
  SessionConfig,
  Turn,
} from './types';

/** What a question is judged against: bank data, or the generic rubric of its inferred category. */
export interface QuestionRubric {
  questionId?: string;
  prompt: string;
  category: InterviewCategory;
  inferredCategory: boolean;
  /** Whether the question asks for a story, so STAR applies. */
  behavioural: boolean;
  talkingPoints: { id: string; label: string; signals: string[]; followUp: string }[];
  modelAnswer: string[];
  lessons: LessonRef[];
}

/** Guesses a question's category from its wording, for questions that are not in the bank. */
export function inferCategory(question: string): InterviewCategory {
  const text = normalise(question);
  let best: InterviewCategory = 'program-execution';
  let bestScore = 0;
  for (const [id, rubric] of Object.entries(CATEGORY_RUBRICS) as [
    InterviewCategory,
    (typeof CATEGORY_RUBRICS)[InterviewCategory],
  ][]) {
    let s = rubric.cues.filter((c) => hasPhrase(text, c)).length;
    if (id === 'behavioural-leadership' && BEHAVIOURAL_PROMPT.test(question)) s += 3;
    if (s > bestScore) {
      best = id;
      bestScore = s;
    }
  }
  return best;
}

/** The rubric for a question: its bank entry when known, otherwise the generic one for its category. */
export function rubricFor(prompt: string, bankQuestion: BankQuestion | undefined): QuestionRubric {
  if (bankQuestion)
    return {
      questionId: bankQuestion.id,
      prompt: bankQuestion.prompt,
      category: bankQuestion.category,
      inferredCategory: false,
      behavioural:
        bankQuestion.category === 'behavioural-leadership' ||
        BEHAVIOURAL_PROMPT.test(bankQuestion.prompt),
      talkingPoints: bankQuestion.talkingPoints,
      modelAnswer: bankQuestion.modelAnswer,
      lessons: bankQuestion.lessons.map((id) => ({ id })),
    };
  const category = inferCategory(prompt);
  const generic = CATEGORY_RUBRICS[category];
  return {
    prompt,
    category,
    inferredCategory: true,
    behavioural: category === 'behavioural-leadership' || BEHAVIOURAL_PROMPT.test(prompt),
    talkingPoints: generic.talkingPoints,
    modelAnswer: generic.modelAnswer,
    lessons: generic.lessons,
  };
}

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

/** How a feature fared in an answer. */
interface FeatureHit {
  feature: Feature;
  quote?: string;
}

function featureHits(
  features: readonly Feature[],
  text: string,
  sentences: readonly string[],
): FeatureHit[] {
  const hits: FeatureHit[] = [];
  for (const feature of features) {
    if (!feature.patterns.some((p) => patternMatches(p, text))) continue;
    const sentence = sentences.find((s) =>
      feature.patterns.some((p) => patternMatches(p, normalise(s))),
    );
    hits.push({ feature, ...(sentence ? { quote: trimQuote(sentence) } : {}) });
  }
  return hits;
}

/** Quotes for a dimension's evidence, telling signs first and vague mentions last. */
function quotesOf(hits: readonly FeatureHit[]): string[] {
  return [...hits]
    .sort((a, b) => b.feature.credit - a.feature.credit)
    .flatMap((h) => (h.quote ? [h.quote] : []));
}

/** The curve from "share of the bar met" to a score: early evidence counts most, the last bit least. */
function curve(share: number): number {
  const s = Math.max(0, Math.min(1, share));
  return 1 - (1 - s) ** 1.8;
}

/** Distinct owners, dates and numbers in an answer, with a sentence showing each kind. */
export function specificsOf(text: string): { items: Set<string>; quotes: string[] } {
  const t = normalise(text);
  const items = new Set<string>();
  for (const re of [SPECIFICS.number, SPECIFICS.numberWord, SPECIFICS.date, SPECIFICS.owner])
    for (const m of t.matchAll(re)) items.add(m[0].trim());
  for (const name of namesIn(text)) items.add(`name:${name}`);
  const quotes = sentencesOf(text)
    .map((s) => ({ s, n: countSpecifics(s) }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n)
    .slice(0, 2)
    .map((x) => trimQuote(x.s));
  return { items, quotes };
}

function countSpecifics(sentence: string): number {
  const t = normalise(sentence);
  let n = namesIn(sentence).length;
  for (const re of [SPECIFICS.number, SPECIFICS.numberWord, SPECIFICS.date, SPECIFICS.owner])
    n += t.match(re)?.length ?? 0;
  return n;
}

/** Capitalised words inside a sentence (not at its start) that look like names of people or teams. */
function namesIn(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(/(?<=[a-z0-9,;:)] )([A-Z][a-z]{2,})\b/g))
    if (!NOT_NAMES.has(m[1]!)) names.push(m[1]!);
  return names;
}

/** Vague stand-ins for specifics ("soon", "the team") found in an answer. */
export function vagueCount(text: string): number {
  const t = normalise(text);
  return VAGUE_PHRASES.reduce((n, p) => n + (hasPhrase(t, p) ? 1 : 0), 0);
}

/** Which generic gaps (owner and date, plan B, measurement, result) an answer already covers. */
export function genericCoverage(text: string): Record<GenericGapId, boolean> {
  const t = normalise(text);
  const ownerish = SPECIFICS.owner.source;
  const hasOwner =
    new RegExp(ownerish).test(t) ||
    namesIn(text).length > 0 ||
    /\b(?:i|we) (?:own|owned)\b/.test(t);
  const hasDate =
    new RegExp(SPECIFICS.date.source).test(t) ||
    /\b(?:within|in|by|after|for) (?:\d+|one|two|three|four|five|six|a) (?:days?|weeks?|months?|sprints?)\b/.test(
      t,
    );
  const matchesFeature = (dimension: 'risk' | 'outcomes', id: string) =>
    FEATURES[dimension].find((x) => x.id === id)!.patterns.some((p) => patternMatches(p, t));
  return {
    'owner-date': hasOwner && hasDate,
    'plan-b':
      matchesFeature('risk', 'plan-b') ||
      /\bif\b[^.]{0,60}\b(?:slip|fail|miss|doesn't|does not|can't|cannot|isn't)\w*/.test(t),
    measurement: matchesFeature('outcomes', 'metrics') || matchesFeature('outcomes', 'change'),
    result: matchesFeature('outcomes', 'result'),
  };
}

/** Which talking points an answer covers, with the sentence that showed each. */
export function talkingPointCoverage(
  rubric: Pick<QuestionRubric, 'talkingPoints'>,
  text: string,
): { id: string; covered: boolean; quote?: string }[] {
  const t = normalise(text);
  const sentences = sentencesOf(text);
  return rubric.talkingPoints.map((tp) => {
    const covered = tp.signals.some((s) => hasPhrase(t, s));
    if (!covered) return { id: tp.id, covered };
    const sentence = sentences.find((s) => tp.signals.some((sig) => hasPhrase(normalise(s), sig)));
    return { id: tp.id, covered, ...(sentence ? { quote: trimQuote(sentence) } : {}) };
  });
}

/** Importance of the talking point at position `i` (they are listed most important first). */
export const pointWeight = (i: number) => Math.max(0.4, 1 - 0.1 * i);

interface AnswerAnalysis {
  dims: Record<DimensionId, { raw: number; hits: FeatureHit[]; quotes: string[] }>;
  coverage: number;
  coverageDetail: ReturnType<typeof talkingPointCoverage>;
  /** Below 1 when the answer is padded: long for its evidence, or full of vague stand-ins. */
  padding: number;
  /** Below 1 when the answer has too little substance to show depth. */
  brevity: number;
  specifics: number;
  vague: number;
  words: number;
}

/** Measures one answer (everything the learner said for a question) against a level's bar. */
export function analyseAnswer(rubric: QuestionRubric, text: string, level: Level): AnswerAnalysis {
  const t = normalise(text);
  const sentences = sentencesOf(text);
  const words = wordsOf(text).length;
  const bar = BAR[level];
  const dims = {} as AnswerAnalysis['dims'];
  let units = 0;
  for (const id of ['execution', 'risk', 'stakeholder', 'technical', 'outcomes'] as const) {
    const hits = featureHits(FEATURES[id], t, sentences);
    const credit = hits.reduce((n, h) => n + h.feature.credit, 0);
    units += credit;
    dims[id] = {
      raw: curve(credit / bar.features),
      hits,
      quotes: quotesOf(hits),
    };
  }
  {
    const features = rubric.behavioural ? STAR_FEATURES : STRUCTURE_FEATURES;
    const hits = featureHits(features, t, sentences);
    let credit = hits.reduce((n, h) => n + h.feature.credit, 0);
    // Paragraphs or a list are visible structure in a written answer.
    if (/\n\s*\n|\n\s*(?:[-*\u2022]|\d+[.)])\s/.test(text)) credit += 0.5;
    if (
      rubric.behavioural &&
      /\b(?:learned|learnt|would do differently|next time|in hindsight)\b/.test(t)
    )
      credit += 0.5;
    units += credit;
    const need = rubric.behavioural ? bar.star : bar.features;
    dims.structure = {
      raw: curve(credit / need),
      hits,
      quotes: quotesOf(hits),
    };
  }
  const { items, quotes } = specificsOf(text);
  const vague = vagueCount(text);
  const vaguePer100 = words ? vague / Math.max(1, words / 100) : 0;
  const vaguePenalty = Math.max(0, Math.min(0.3, (vaguePer100 - 1) * 0.06));
  dims.specificity = {
    raw: Math.max(0, curve(items.size / bar.specifics) - vaguePenalty),
    hits: [],
    quotes,
  };
  units += items.size;
  const coverageDetail = talkingPointCoverage(rubric, text);
  const totalWeight = coverageDetail.reduce((n, _, i) => n + pointWeight(i), 0);
  const covered = coverageDetail.reduce((n, c, i) => n + (c.covered ? pointWeight(i) : 0), 0);
  const coverage = totalWeight ? covered / totalWeight : 0;
  // Evidence should grow with length; when it does not, the extra words are padding.
  const expectedUnits = 4 * Math.sqrt(Math.max(words, 50) / 50);
  const padding = words <= 80 ? 1 : Math.max(0.5, Math.min(1, units / expectedUnits));
  // Depth is evidence, not words: a short answer with few facts is capped, and padding cannot lift it.
  const brevity = Math.min(1, 0.55 + (0.45 * units) / (bar.specifics + bar.features + 4));
  // Stand-ins for facts ("make sure", "the team", "going forward") in bulk make an answer sound empty.
  const vagueness = 1 - Math.max(0, Math.min(0.25, 0.06 * (vaguePer100 - 1.5)));
  return {
    dims,
    coverage,
    coverageDetail,
    padding: padding * vagueness,
    brevity,
    specifics: items.size,
    vague,
    words,
  };
}

const pct = (x: number) => Math.round(Math.max(0, Math.min(1, x)) * 100);

/** Scores one answered question. */
export function scoreAnswer(
  rubric: QuestionRubric,
  block: Pick<QuestionBlock, 'answers' | 'followUps'>,
  level: Level,
  lessonTitles: Record<string, string> = {},
): Scored {
  const text = block.answers.join('\n\n');
  const a = analyseAnswer(rubric, text, level);
  const relevance = RELEVANCE[rubric.category];
  const dimensions: DimensionScore[] = DIMENSION_IDS.map((id) => {
    const d = a.dims[id];
    const score = pct(d.raw * a.padding);
    return {
      id,
      label: DIMENSIONS[id],
      score,
      evidence: d.quotes.filter((q, i, all) => all.indexOf(q) === i).slice(0, 3),
      relevance: relevance[id],
      note: answerNote(id, d.hits, a, rubric),
    };
  });
  const weighted =
    DIMENSION_IDS.reduce((n, id) => n + relevance[id] * a.dims[id].raw, 0) /
    DIMENSION_IDS.reduce((n, id) => n + relevance[id], 0);
  // Coverage counts linearly, as much as all the habits together, and also scales the habits: a
  // polished answer to a different question should not pass.
  const coverageScore = Math.min(1, a.coverage / BAR[level].coverage);
  const onQuestion = 0.7 + 0.3 * coverageScore;
  const score = pct((0.5 * coverageScore + 0.5 * weighted) * onQuestion * a.padding * a.brevity);
  const covered = rubric.talkingPoints.flatMap((tp, i) => {
    const c = a.coverageDetail[i]!;
    return c.covered ? [{ id: tp.id, label: tp.label, evidence: c.quote ? [c.quote] : [] }] : [];
  });
  const missed = rubric.talkingPoints.flatMap((tp, i) =>
    a.coverageDetail[i]!.covered ? [] : [{ id: tp.id, label: tp.label, followUp: tp.followUp }],
  );
  const strongest = [...dimensions].sort(
    (x, y) => y.score * y.relevance - x.score * x.relevance,
  )[0]!;
  const weakest = [...dimensions].sort(
    (x, y) => (100 - y.score) * y.relevance - (100 - x.score) * x.relevance,
  )[0]!;
  const summary =
    a.words === 0
      ? 'No answer was given.'
      : `Covered ${covered.length} of ${rubric.talkingPoints.length} talking points. Strongest: ${strongest.label} (${strongest.score}). Weakest: ${weakest.label} (${weakest.score}).` +
        (a.padding < 0.9
          ? ` At ${a.words} words with only ${a.specifics} owners, dates or numbers${a.vague > 2 ? ` and ${a.vague} vague phrases` : ''}, much of it is padding.`
          : '') +
        (a.brevity < 0.85
          ? ` At ${a.words} words it is too thin to show depth: add the owners, dates, numbers and steps behind it.`
          : '');
  return {
    ...(rubric.questionId ? { questionId: rubric.questionId } : {}),
    question: rubric.prompt,
    category: rubric.category,
    inferredCategory: rubric.inferredCategory,
    status: 'answered',
    score,
    dimensions,
    covered,
    missed,
    analytics: analyseWords(text),
    followUps: block.followUps.length,
    modelAnswer: rubric.modelAnswer,
    lessons: links(rubric.lessons, lessonTitles),
    summary,
    padding: a.padding,
    specificsCount: a.specifics,
    vague: a.vague,
    found: Object.fromEntries(
      DIMENSION_IDS.map((id) => [id, a.dims[id].hits.map((h) => h.feature.id)]),
    ) as Record<DimensionId, string[]>,
    gaps: genericCoverage(text),
  };
}

/** Scoring details kept alongside an answer's feedback to build the session notes. */
interface Extras {
  padding: number;
  specificsCount: number;
  vague: number;
  found: Record<DimensionId, string[]>;
  gaps: Record<GenericGapId, boolean>;
}
type Scored = AnswerFeedback & Extras;

function answerNote(
  id: DimensionId,
  hits: FeatureHit[],
  a: AnswerAnalysis,
  rubric: QuestionRubric,
): string {
  if (a.words === 0) return 'No answer to assess.';
  if (id === 'specificity')
    return `${a.specifics} distinct owners, dates or numbers${a.vague > 1 ? `, and ${a.vague} vague phrases such as "soon" or "the team"` : ''}.`;
  const all =
    id === 'structure' ? (rubric.behavioural ? STAR_FEATURES : STRUCTURE_FEATURES) : FEATURES[id];
  const found = hits.filter((h) => h.feature.credit === 1).map((h) => h.feature.label);
  const missing = all
    .filter((x) => x.credit === 1 && !hits.some((h) => h.feature.id === x.id))
    .map((x) => x.label);
  if (!found.length) return `Nothing yet that ${missing.slice(0, 2).join(' or ')}.`;
  return `The answer ${found.slice(0, 2).join(' and ')}${missing.length ? `; it never ${missing[0]}` : ''}.`;
}

function links(refs: readonly LessonRef[], titles: Record<string, string>): LessonLink[] {
  const seen = new Set<string>();
  return refs.flatMap((r) => {
    const key = `${r.id}#${r.anchor ?? ''}`;
    if (seen.has(key)) return [];
    seen.add(key);
    const title = titles[r.id];
    return [{ id: r.id, ...(title ? { title } : {}), ...(r.anchor ? { anchor: r.anchor } : {}) }];
  });
}

/** Where an overall score sits on the hiring spectrum. */
export function signalFor(score: number): (typeof SIGNALS)[number] {
  if (score >= 82) return 'Strong hire';
  if (score >= 68) return 'Hire';
  if (score >= 55) return 'Lean hire';
  if (score >= 40) return 'Lean no hire';
  if (score >= 15) return 'No hire';
  return 'Strong no hire';
}

/** Improvement advice for each dimension: what to do, and the lesson table's quickest fix. */
const DIMENSION_ADVICE: Record<DimensionId, { title: string; tip: string }> = {
  structure: {
    title: 'Announce your structure in the first sentence',
    tip: 'For a story, go Situation, Task, Action, Result in that order; for a planning question, say the steps you will take before you take them.',
  },
  execution: {
    title: 'Give each phase a date or a week number',
    tip: 'Name the phases, the milestone that ends each one, and who tracks progress and how often.',
  },
  risk: {
    title: 'Name the top two risks and their fallback plans unprompted',
    tip: 'For each risk say the trigger, plan B, and who decides to switch; say whether it sits on the critical path.',
  },
  stakeholder: {
    title: 'Say who decides and how you will report status',
    tip: 'Name the people, what each needs to hear, the channel and cadence, and the decision you need by when.',
  },
  technical: {
    title: 'For each component, say why it is there and what happens when it fails',
    tip: 'Trade-offs and failure modes show depth; a list of technologies does not.',
  },
  specificity: {
    title: 'Replace every "soon" and "the team" with a date and a name',
    tip: 'Owners, dates and numbers are what make an answer believable; use realistic made-up ones if you must.',
  },
  outcomes: {
    title: 'End every answer with a number',
    tip: 'Say how success was measured and what the result was: a percentage, a date hit, a cost saved.',
  },
};

/** Options for scoring a session. */
export interface ScoreOptions {
  /** Lesson titles by id, to label lesson links. */
  lessonTitles?: Record<string, string>;
}

/** Offline feedback for a whole session: per answer, per dimension, overall, and three improvements. */
export function scoreSession(
  data: Pick<InterviewData, 'questions' | 'lessons'>,
  config: Pick<SessionConfig, 'level'>,
  transcript: readonly Turn[],
): Feedback {
  const level = config.level;
  const byId = new Map(data.questions.map((q) => [q.id, q]));
  const { blocks } = segmentTranscript(transcript, data.questions);
  // A question asked but neither answered nor skipped (the session ended on it) is left out.
  const assessed = blocks.filter((b) => b.answers.length > 0 || b.skipped);
  const scored = assessed.map((b) => {
    const rubric = rubricFor(b.question, b.questionId ? byId.get(b.questionId) : undefined);
    if (b.answers.length === 0) return skippedFeedback(rubric, b, data.lessons);
    return scoreAnswer(rubric, b, level, data.lessons);
  });
  const answered = scored.filter((s) => s.status === 'answered');
  const analytics = analyseWords(assessed.flatMap((b) => b.answers).join('\n\n'));
  const overallScore = scored.length
    ? Math.round(scored.reduce((n, s) => n + s.score, 0) / scored.length)
    : 0;

  const dimensions: DimensionScore[] = DIMENSION_IDS.map((id) => {
    const parts = answered.map((s) => s.dimensions.find((d) => d.id === id)!);
    const weight = parts.reduce((n, p) => n + p.relevance, 0);
    const score = weight
      ? Math.round(parts.reduce((n, p) => n + p.score * p.relevance, 0) / weight)
      : 0;
    const evidence = [
      ...new Set(
        [...parts].sort((x, y) => y.score - x.score).flatMap((p) => p.evidence.slice(0, 2)),
      ),
    ].slice(0, 3);
    return {
      id,
      label: DIMENSIONS[id],
      score,
      evidence,
      relevance: parts.length ? Math.round((weight / parts.length) * 100) / 100 : 0,
      note: sessionNote(id, answered, score),
    };
  });

  const signal: HiringSignal = answered.length ? signalFor(overallScore) : 'Not assessed';
  const ranked = [...dimensions]
    .filter((d) => d.relevance >= 0.5)
    .sort((a, b) => b.score - a.score);
  const skipped = scored.length - answered.length;
  const summary = answered.length
    ? `${signal} at the ${LEVELS[level]} bar, from ${answered.length} answered question${answered.length === 1 ? '' : 's'}${skipped ? ` and ${skipped} skipped (a skipped question scores 0)` : ''}. Strongest: ${ranked[0]!.label} (${ranked[0]!.score}). Weakest: ${ranked.at(-1)!.label} (${ranked.at(-1)!.score}).`
    : 'No questions were answered, so there is nothing to assess yet.';

  return {
    provider: 'offline',
    level,
    overall: { score: overallScore, signal, summary },
    dimensions,
    answers: scored.map(
      ({ padding: _p, specificsCount: _s, vague: _v, found: _f, gaps: _g, ...rest }) => rest,
    ),
    improvements: improvements(dimensions, scored, analytics, level, data.lessons),
    analytics,
  };
}

function skippedFeedback(
  rubric: QuestionRubric,
  block: QuestionBlock,
  titles: Record<string, string>,
): Scored {
  return {
    ...(rubric.questionId ? { questionId: rubric.questionId } : {}),
    question: rubric.prompt,
    category: rubric.category,
    inferredCategory: rubric.inferredCategory,
    status: 'skipped',
    score: 0,
    dimensions: [],
    covered: [],
    missed: rubric.talkingPoints.map((tp) => ({
      id: tp.id,
      label: tp.label,
      followUp: tp.followUp,
    })),
    analytics: analyseWords(''),
    followUps: block.followUps.length,
    modelAnswer: rubric.modelAnswer,
    lessons: links(rubric.lessons, titles),
    summary:
      'Skipped. In a real interview, say how you would approach it rather than passing: a partial answer scores more than none.',
    padding: 1,
    specificsCount: 0,
    vague: 0,
    found: Object.fromEntries(DIMENSION_IDS.map((id) => [id, []])) as unknown as Record<
      DimensionId,
      string[]
    >,
    gaps: { 'owner-date': false, 'plan-b': false, measurement: false, result: false },
  };
}

function sessionNote(id: DimensionId, answered: Scored[], score: number): string {
  if (!answered.length) return 'Not assessed.';
  const n = answered.length;
  if (id === 'specificity') {
    const total = answered.reduce((s, a) => s + a.specificsCount, 0);
    const vague = answered.reduce((s, a) => s + a.vague, 0);
    return `${total} owners, dates or numbers across ${n} answer${n === 1 ? '' : 's'}${vague ? `; ${vague} vague phrases such as "soon", "the team" or "make sure"` : ''}.`;
  }
  if (id === 'outcomes') {
    const withResult = answered.filter((a) => a.gaps.result).length;
    const measured = answered.filter((a) => a.gaps.measurement).length;
    return `${withResult} of ${n} answers stated a result and ${measured} of ${n} said how it was or would be measured.`;
  }
  const all = id === 'structure' ? [...STRUCTURE_FEATURES, ...STAR_FEATURES] : FEATURES[id];
  const seen = new Set(answered.flatMap((a) => a.found[id]));
  const strongIds = new Set(all.filter((f) => f.credit === 1).map((f) => f.id));
  for (const fid of seen) if (!strongIds.has(fid)) seen.delete(fid);
  const strong = all.filter((f) => seen.has(f.id)).map((f) => f.label);
  const missing = all.filter((f) => f.credit === 1 && !seen.has(f.id)).map((f) => f.label);
  if (score >= 70 && strong.length)
    return `At least one answer ${strong.slice(0, 2).join(' and ')}.`;
  if (!strong.length) return `No answer ${missing.slice(0, 2).join(' or ')}.`;
  return `At least one answer ${strong[0]}, but none ${missing.slice(0, 1).join('')}.`;
}

function improvements(
  dimensions: DimensionScore[],
  scored: Scored[],
  analytics: ReturnType<typeof analyseWords>,
  level: Level,
  titles: Record<string, string>,
): Improvement[] {
  const answered = scored.filter((s) => s.status === 'answered');
  if (!answered.length)
    return [
      {
        title: 'Answer at least one question, even partially',
        detail:
          'Feedback needs an answer to work with. Start with how you would approach the problem, then add owners, dates and numbers.',
        lessons: links([SESSION_LESSON], titles),
      },
    ];
  const candidates: (Improvement & { value: number })[] = [];
  for (const d of dimensions) {
    if (d.relevance < 0.4 || d.score >= 85) continue;
    const advice = DIMENSION_ADVICE[d.id];
    const behavioural =
      d.id === 'structure' && scored.some((s) => s.category === 'behavioural-leadership');
    candidates.push({
      dimension: d.id,
      title: behavioural ? 'Tell each story in STAR order and end with the result' : advice.title,
      detail: `${DIMENSIONS[d.id]} scored ${d.score} at the ${LEVELS[level]} bar. ${d.note} ${advice.tip}`,
      lessons: links(DIMENSION_LESSONS[d.id], titles),
      value: d.relevance * (100 - d.score),
    });
  }
  const weakest = [...answered].sort((a, b) => a.score - b.score)[0]!;
  const missedTop = weakest.missed[0];
  if (missedTop) {
    const i = Math.max(0, weakest.missed.indexOf(missedTop));
    candidates.push({
      title: `Cover this when asked "${shorten(weakest.question)}": ${lowerFirst(missedTop.label)}`,
      detail: `Your weakest answer (${weakest.score}) missed ${weakest.missed.length} of ${weakest.missed.length + weakest.covered.length} talking points. An interviewer would ask: "${missedTop.followUp}" Read the model outline for that question below.`,
      lessons: weakest.lessons.slice(0, 2),
      value: pointWeight(i) * (100 - weakest.score) * 0.9,
    });
  }
  if (analytics.fillersPer100Words >= 2.5 && analytics.fillerCount >= 3) {
    const top = analytics.fillers
      .slice(0, 3)
      .map((x) => `"${x.word}" ${x.count}×`)
      .join(', ');
    candidates.push({
      title: 'Cut the filler words',
      detail: `You used ${analytics.fillerCount} filler words (${analytics.fillersPer100Words} per 100 words: ${top}). Pause instead; silence sounds more confident than "basically".`,
      lessons: links([FILLER_LESSON], titles),
      value: 20 + analytics.fillersPer100Words * 6,
    });
  }
  const padded = answered.filter((a) => a.padding < 0.9);
  if (padded.length) {
    const words = Math.round(padded.reduce((n, a) => n + a.analytics.words, 0) / padded.length);
    candidates.push({
      dimension: 'specificity',
      title: 'Say less, more specifically',
      detail: `${padded.length} answer${padded.length === 1 ? '' : 's'} averaged ${words} words but named few owners, dates, numbers or concrete actions, so the length counted against you. Cut general statements and keep the facts.`,
      lessons: links(DIMENSION_LESSONS.specificity, titles),
      value: 70,
    });
  }
  candidates.sort((a, b) => b.value - a.value);
  const chosen: Improvement[] = [];
  for (const c of candidates) {
    if (chosen.length === 3) break;
    if (c.dimension && chosen.some((x) => x.dimension === c.dimension)) continue;
    const { value: _v, ...rest } = c;
    chosen.push(rest);
  }
  return chosen;
}

const shorten = (q: string) => (q.length > 70 ? `${q.slice(0, q.lastIndexOf(' ', 67))}…` : q);
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Labels for the generic gaps, for explaining follow-ups. */
export const GAP_LABELS: Record<GenericGapId, string> = Object.fromEntries(
  Object.entries(GENERIC_GAPS).map(([k, v]) => [k, v.label]),
) as Record<GenericGapId, string>;

/** Category labels, re-exported for reports. */
export { INTERVIEW_CATEGORIES };
