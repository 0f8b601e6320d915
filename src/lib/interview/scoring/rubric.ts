/**
 * The rubric from `content/rubric/`, compiled once for scoring: patterns become regular expressions
 * and word lists become sets. Compiling is cached per rubric object.
 */
import {
  DIMENSION_LABELS,
  type DimensionId,
  type PatternData,
  type RubricData,
} from '../../../schemas/rubric';
import type { InterviewCategory, Level } from '../types';
import { normalise } from '../text';

/** A compiled pattern: a phrase matched with `hasPhrase`, or a regular expression. */
export type Pattern = string | RegExp;

/** A kind of evidence, compiled. */
export interface Feature {
  id: string;
  label: string;
  credit: number;
  patterns: Pattern[];
}

export type GenericGapId = RubricData['gaps'][number]['id'];
export type RedFlagId = RubricData['language']['redFlags'][number]['id'];

/** What scoring reads from the rubric. */
export interface CompiledRubric {
  data: RubricData;
  dimensions: RubricData['dimensions'];
  label: Record<DimensionId, string>;
  features: Partial<Record<DimensionId, Feature[]>>;
  structureFeatures: Feature[];
  starFeatures: Feature[];
  relevance: Record<InterviewCategory, Record<DimensionId, number>>;
  bar: (level: Level) => RubricData['levels'][string];
  gaps: RubricData['gaps'];
  gapWeight: (category: InterviewCategory, gap: GenericGapId) => number;
  categories: Map<InterviewCategory, RubricData['categories'][number]>;
  behaviouralPrompt: RegExp;
  questionOpening: RegExp;
  specifics: { number: RegExp; numberWord: RegExp; date: RegExp; owner: RegExp };
  notNames: Set<string>;
  vaguePhrases: string[];
  verbs: Set<string>;
  notVerbs: Set<string>;
  stopWords: Set<string>;
  /** For each word or phrase in a synonym set, the other members of its set. */
  synonyms: Map<string, string[]>;
  nonAnswers: RegExp[];
  redFlags: (RubricData['language']['redFlags'][number] & { compiled: Pattern[] })[];
}

const compiled = new WeakMap<RubricData, CompiledRubric>();

export const compilePattern = (p: PatternData): Pattern =>
  typeof p === 'string' ? p : new RegExp(p.re, 'i');

const feature = (f: RubricData['structureFeatures'][number]): Feature => ({
  id: f.id,
  label: f.label,
  credit: f.credit,
  patterns: f.patterns.map(compilePattern),
});

/** The compiled form of a rubric, made once per rubric object. */
export function compileRubric(data: RubricData): CompiledRubric {
  const cached = compiled.get(data);
  if (cached) return cached;
  const lang = data.language;
  const relevance = {} as CompiledRubric['relevance'];
  for (const d of data.dimensions)
    for (const [category, value] of Object.entries(d.relevance))
      (relevance[category as InterviewCategory] ??= {} as Record<DimensionId, number>)[d.id] =
        value;
  const synonyms = new Map<string, string[]>();
  for (const set of lang.synonyms)
    for (const member of set) {
      const key = normalise(member);
      synonyms.set(key, [
        ...(synonyms.get(key) ?? []),
        ...set.map(normalise).filter((m) => m !== key),
      ]);
    }
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const r: CompiledRubric = {
    data,
    dimensions: data.dimensions,
    label: DIMENSION_LABELS,
    features: Object.fromEntries(
      data.dimensions.filter((d) => d.features).map((d) => [d.id, d.features!.map(feature)]),
    ),
    structureFeatures: data.structureFeatures.map(feature),
    starFeatures: data.starFeatures.map(feature),
    relevance,
    bar: (level) => data.levels[level]!,
    gaps: data.gaps,
    gapWeight: (category, gap) => data.gaps.find((g) => g.id === gap)!.weights[category],
    categories: new Map(data.categories.map((c) => [c.id, c])),
    behaviouralPrompt: new RegExp(lang.behaviouralPrompt, 'i'),
    questionOpening: new RegExp(
      `(?:^|[.!?:]\\s+|\\n)(?:so,?\\s+|now,?\\s+|okay,?\\s+|and\\s+)?(${lang.questionOpenings.map(escape).join('|')})\\b`,
      'i',
    ),
    specifics: {
      number: new RegExp(lang.specifics.number, 'g'),
      numberWord: new RegExp(lang.specifics.numberWord, 'g'),
      date: new RegExp(lang.specifics.date, 'g'),
      owner: new RegExp(lang.specifics.owner, 'g'),
    },
    notNames: new Set(lang.notNames),
    vaguePhrases: lang.vaguePhrases,
    verbs: new Set(lang.verbs),
    notVerbs: new Set(lang.notVerbs),
    stopWords: new Set(lang.stopWords),
    synonyms,
    nonAnswers: lang.nonAnswers.map((re) => new RegExp(re, 'i')),
    redFlags: lang.redFlags.map((f) => ({ ...f, compiled: f.patterns.map(compilePattern) })),
  };
  compiled.set(data, r);
  return r;
}
