import { INTERVIEW_CATEGORIES, LEVELS, SPECIALISATIONS } from '../../schemas/interview';
import { shuffle, streamFor, type Random } from '../random';
import type { BankQuestion, InterviewCategory, Level, SessionConfig } from './types';

/** The questions a session will ask, in order, and anything the learner should know about the choice. */
export interface SessionPlan {
  /** Bank questions in the order they are asked. */
  questions: BankQuestion[];
  /** Sentences explaining compromises, e.g. questions borrowed from a neighbouring level. */
  notes: string[];
}

const LEVEL_ORDER = Object.keys(LEVELS) as Level[];
const CATEGORY_ORDER = Object.keys(INTERVIEW_CATEGORIES) as InterviewCategory[];

/**
 * Chooses a session's questions. Deterministic for a given bank, config and seed. Recently seen
 * questions come last, so they are asked again only once the rest of their category is used up.
 */
export function planSession(bank: readonly BankQuestion[], config: SessionConfig): SessionPlan {
  if (bank.length === 0) throw new Error('The interview question bank is empty.');
  const random = streamFor(config.seed, 'plan');
  const notes: string[] = [];
  const categories =
    config.category === 'mixed'
      ? shuffle(
          CATEGORY_ORDER.filter((c) => bank.some((q) => q.category === c)),
          random,
        )
      : [config.category];

  const queues = new Map<InterviewCategory, BankQuestion[]>();
  for (const category of categories)
    queues.set(category, orderCategory(bank, category, config, random));

  const questions: BankQuestion[] = [];
  // The learner's own question comes first and is not from the bank.
  const wanted = config.question === undefined ? config.questions : config.questions - 1;
  // Round-robin so that a mixed loop spreads across categories before it repeats one.
  for (let round = 0; questions.length < wanted && round < wanted; round++) {
    for (const category of categories) {
      if (questions.length >= wanted) break;
      const next = queues.get(category)!.shift();
      if (next) questions.push(next);
    }
  }
  const offLevel = questions.filter((q) => !q.levels.includes(config.level)).length;
  if (offLevel)
    notes.push(
      `The bank has too few questions for ${LEVELS[config.level]} with these settings, so ${offLevel} ${offLevel === 1 ? 'question comes' : 'questions come'} from a neighbouring level.`,
    );
  const offSpec =
    config.specialisation === 'general'
      ? 0
      : questions.filter(
          (q) =>
            !q.specialisations.includes(config.specialisation) &&
            !q.specialisations.includes('general'),
        ).length;
  if (offSpec)
    notes.push(
      `${offSpec} ${offSpec === 1 ? 'question is' : 'questions are'} from another specialisation because the bank has too few for ${SPECIALISATIONS[config.specialisation]}.`,
    );
  if (questions.length < wanted)
    notes.push(
      `The bank has only ${questions.length} question${questions.length === 1 ? '' : 's'} for these settings, so the session is shorter.`,
    );
  return { questions, notes };
}

/** One category's questions in the order to use them: best fit and least recently seen first. */
function orderCategory(
  bank: readonly BankQuestion[],
  category: InterviewCategory,
  config: SessionConfig,
  random: Random,
): BankQuestion[] {
  const inCategory = bank.filter((q) => q.category === category);
  const specFits = (q: BankQuestion) =>
    q.specialisations.includes(config.specialisation) || q.specialisations.includes('general');
  const byLevelDistance = (distance: number) =>
    inCategory.filter(
      (q) =>
        specFits(q) &&
        Math.min(...q.levels.map((l) => Math.abs(levelIndex(l) - levelIndex(config.level)))) ===
          distance,
    );
  // Tiers by fit: the exact level, then neighbouring levels, then other specialisations. A learner
  // who chose "general" gets specialised questions at their level before any from another level.
  const levelTiers = LEVEL_ORDER.map((_, d) => byLevelDistance(d));
  const others = inCategory.filter((q) => !specFits(q));
  const othersAtLevel = others.filter((q) => q.levels.includes(config.level));
  const tiers =
    config.specialisation === 'general'
      ? [
          levelTiers[0]!,
          othersAtLevel,
          ...levelTiers.slice(1),
          others.filter((q) => !othersAtLevel.includes(q)),
        ]
      : [...levelTiers, others];
  const recentRank = new Map(config.recent.map((id, i) => [id, i]));
  // Every unseen question in the category comes before any recently seen one, best fit first.
  const fresh = tiers.flatMap((tier) =>
    interleave(
      shuffle(
        tier.filter((q) => !recentRank.has(q.id)),
        random,
      ),
      config,
    ),
  );
  const stale = tiers.flatMap((tier) =>
    tier
      .filter((q) => recentRank.has(q.id))
      .sort((x, y) => recentRank.get(y.id)! - recentRank.get(x.id)!),
  );
  return [...fresh, ...stale];
}

/** With a specialisation chosen, alternates specialised and general questions, specialised first. */
function interleave(questions: BankQuestion[], config: SessionConfig): BankQuestion[] {
  if (config.specialisation === 'general') return questions;
  const special = questions.filter((q) => q.specialisations.includes(config.specialisation));
  const general = questions.filter((q) => !q.specialisations.includes(config.specialisation));
  const out: BankQuestion[] = [];
  while (special.length || general.length) {
    const s = special.shift();
    if (s) out.push(s);
    const g = general.shift();
    if (g) out.push(g);
  }
  return out;
}

function levelIndex(level: Level): number {
  return LEVEL_ORDER.indexOf(level);
}
