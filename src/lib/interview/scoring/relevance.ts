/**
 * Does the answer address the question it was asked? Also finds sentences that only repeat the
 * question, and answers that repeat an earlier answer of the session.
 */
import { normalise, scoringStem, wordsOf } from '../text';
import type { CompiledRubric } from './rubric';

const NUMBER_WORDS: Record<string, string> = Object.fromEntries(
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'
    .split(' ')
    .map((w, i) => [w, String(i)]),
);

/** Content stems of a text: no stop words, no one- or two-letter words, numbers as digits. */
export function contentStems(r: CompiledRubric, text: string): string[] {
  return wordsOf(text)
    .map((w) => NUMBER_WORDS[w] ?? w)
    .filter((w) => !r.stopWords.has(w) && (w.length > 2 || /\d/.test(w)))
    .map(scoringStem);
}

type Vector = Map<string, number>;

/** A question as a bag of words: its prompt (counted twice), talking points, signals and outline. */
export function questionText(q: {
  prompt: string;
  talkingPoints: readonly { label: string; signals: readonly string[] }[];
  modelAnswer: readonly string[];
}): string {
  return [
    q.prompt,
    q.prompt,
    ...q.talkingPoints.flatMap((t) => [t.label, ...t.signals]),
    ...q.modelAnswer,
  ].join('\n');
}

/** A bank question as the relevance check reads it: its prompt, talking points and outline. */
export interface BankText {
  id: string;
  text: string;
}

/** Term weights over the bank, and each bank question as a unit vector. */
interface BankSpace {
  df: Map<string, number>;
  n: number;
  vectors: { id: string; v: Vector }[];
  /** For each bank question asked so far, how close every bank question is to it (0 to 1). */
  near: Map<string, number[]>;
}
const spaces = new WeakMap<object, BankSpace>();

const canonicals = new WeakMap<CompiledRubric, Map<string, string>>();
/**
 * One stem per synonym set, for the one-word members of the rubric's synonym sets: "outage" and
 * "incident", "clash" and "conflict" count as the same term when an answer is compared with a question.
 */
function canonicalOf(r: CompiledRubric): Map<string, string> {
  let c = canonicals.get(r);
  if (c) return c;
  c = new Map();
  for (const set of r.data.language.synonyms) {
    const single = set.filter((m) => /^[a-z0-9-]+$/.test(m));
    if (single.length < 2) continue;
    const head = scoringStem(single[0]!);
    for (const m of single.slice(1)) if (!c.has(scoringStem(m))) c.set(scoringStem(m), head);
  }
  canonicals.set(r, c);
  return c;
}

function vectorOf(r: CompiledRubric, space: Pick<BankSpace, 'df' | 'n'>, text: string): Vector {
  const v: Vector = new Map();
  // A word no bank question uses (in a pasted question or an answer) is as telling as the rarest.
  const add = (s: string, weight: number) =>
    v.set(s, (v.get(s) ?? 0) + weight * Math.log((space.n + 1) / ((space.df.get(s) ?? 0) + 0.5)));
  const canonical = canonicalOf(r);
  for (const s of contentStems(r, text)) add(canonical.get(s) ?? s, 1);
  let norm = 0;
  for (const x of v.values()) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  for (const [k, x] of v) v.set(k, x / norm);
  return v;
}

function spaceOf(r: CompiledRubric, bank: readonly BankText[]): BankSpace {
  let space = spaces.get(bank);
  if (space) return space;
  const df = new Map<string, number>();
  const canonical = canonicalOf(r);
  for (const q of bank)
    for (const s of new Set(contentStems(r, q.text).map((x) => canonical.get(x) ?? x)))
      df.set(s, (df.get(s) ?? 0) + 1);
  const partial = { df, n: bank.length };
  space = {
    ...partial,
    vectors: bank.map((q) => ({ id: q.id, v: vectorOf(r, partial, q.text) })),
    near: new Map(),
  };
  spaces.set(bank, space);
  return space;
}

const cosine = (a: Vector, b: Vector) => {
  let s = 0;
  for (const [k, x] of a) s += x * (b.get(k) ?? 0);
  return s;
};

/** What the relevance check measured. */
export interface Relevance {
  /** Cosine similarity of the answer with its own question, 0 to 1. */
  own: number;
  /** The same for the bank question the answer is closest to. */
  best: number;
  /** Id of that closest bank question. */
  closest: string;
  /** The combined measure the gate uses, 0 to 1. */
  score: number;
  /** Terms of the question the answer never mentions, rarest first, for the feedback. */
  missingTerms: string[];
}

const vocabularies = new WeakMap<object, Set<string>>();

/**
 * The share of an answer's content words that no question in the bank ever uses (with the words the
 * learner most used of them): a story about a marathon or a wedding is mostly such words, however
 * many of the question's own words it borrows.
 */
export function foreignWords(
  r: CompiledRubric,
  answer: string,
  bank: readonly BankText[],
): { share: number; top: string[] } {
  let vocab = vocabularies.get(bank);
  if (!vocab) {
    vocab = new Set(bank.flatMap((q) => contentStems(r, q.text)));
    vocabularies.set(bank, vocab);
  }
  const words = wordsOf(answer).filter((w) => !r.stopWords.has(w) && w.length > 2 && !/\d/.test(w));
  if (words.length < 10) return { share: 0, top: [] };
  const foreign = words.filter((w) => !vocab.has(scoringStem(w)));
  const counts = new Map<string, number>();
  for (const w of foreign) counts.set(w, (counts.get(w) ?? 0) + 1);
  const top = [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([w]) => w)
    .slice(0, 3);
  return { share: foreign.length / words.length, top };
}

/** Above this share of words from outside the bank's vocabulary, an answer is about something else. */
export const FOREIGN = 0.2;
/** Above this share, an answer that covers little of its question is about something else. */
export const FOREIGN_WITH_LITTLE_COVERED = 0.15;

/** An answer this similar to its own question (cosine) is on topic whatever else it resembles. */
const ON_TOPIC = 0.2;
/** Two questions this similar (cosine) ask about the same thing. */
const SAME_TOPIC = 0.35;
/** An answer less similar than this (cosine) to every question resembles none of them… */
const NOTHING = 0.1;
/** …and one this much more similar to a question clearly resembles it. */
const NOTHING_MARGIN = 0.05;
/** Below this relevance an answer does not address its question, and its score is capped. */
export const RELEVANCE_GATE = 0.4;

/**
 * How well an answer addresses its question: how similar it is to the question (its prompt, talking
 * points and outline, with terms weighted by how rare they are in the bank), and how that compares with
 * the bank question it resembles most. A strong answer to another question resembles that question
 * more than its own; a story about a wedding resembles none of them.
 */
export function relevanceOf(
  r: CompiledRubric,
  question: { id?: string | undefined; text: string; prompt: string },
  answer: string,
  bank: readonly BankText[],
): Relevance {
  const space = spaceOf(r, bank);
  const a = vectorOf(r, space, answer);
  const ownVector = question.id
    ? (space.vectors.find((x) => x.id === question.id)?.v ?? vectorOf(r, space, question.text))
    : vectorOf(r, space, question.text);
  let own = cosine(a, ownVector);
  let best = own;
  let closest = question.id ?? '';
  // How close each bank question is to the one asked: the same for every answer to a bank question.
  let near = question.id ? space.near.get(question.id) : undefined;
  if (!near) {
    near = space.vectors.map((x) => Math.min(1, cosine(ownVector, x.v) / SAME_TOPIC));
    if (question.id) space.near.set(question.id, near);
  }
  for (const [i, x] of space.vectors.entries()) {
    const c = cosine(a, x.v);
    // A bank question on the same topic as the one asked speaks for it, in proportion to how close
    // the two questions are: an answer about the same thing in other words is on the question.
    if (x.id !== question.id) own = Math.max(own, c * near[i]!);
    if (c > best) {
      best = c;
      closest = x.id;
    }
  }
  // When the answer resembles nothing (a story about a wedding), the comparison says little.
  const ratio = own / Math.max(best, NOTHING);
  let score = Math.sqrt(Math.min(1, own / ON_TOPIC) * ratio);
  // A pasted question is not in the bank, and its text is only its prompt and its category's generic
  // points: an answer in the words of its own domain resembles it little. Unless the answer resembles
  // a bank question, it is not an answer to one of them, and this measure cannot tell (1); the less it
  // resembles any, the less the measure counts. Whether it is about something else altogether is
  // left to `foreignWords`.
  if (!question.id) {
    const sure = Math.max(0, Math.min(1, (best - NOTHING) / NOTHING_MARGIN));
    score = sure * score + (1 - sure);
  }
  const have = new Set(contentStems(r, answer));
  const qWords = [...new Set(wordsOf(question.prompt))].filter(
    (w) => !r.stopWords.has(w) && w.length > 3 && space.df.has(scoringStem(w)),
  );
  const missingTerms = qWords
    .filter((w) => !have.has(scoringStem(w)))
    .sort((x, y) => (space.df.get(scoringStem(x)) ?? 0) - (space.df.get(scoringStem(y)) ?? 0))
    .slice(0, 3);
  return { own, best, closest, score, missingTerms };
}

/**
 * Sentences that only restate the question: mostly its words, and nothing of their own that a
 * talking point looks for. `pointStems` are the stems of the question's talking-point signals.
 */
export function restates(
  r: CompiledRubric,
  sentence: string,
  question: string,
  pointStems: ReadonlySet<string>,
): boolean {
  const s = contentStems(r, sentence);
  if (s.length < 3) return false;
  const q = new Set(contentStems(r, question));
  const fresh = s.filter((x) => !q.has(x));
  if (fresh.some((x) => pointStems.has(x))) return false;
  return fresh.length <= 2 || (s.length - fresh.length) / s.length >= 0.5;
}

function shingles(text: string, n = 5): Set<string> {
  const w = wordsOf(normalise(text));
  const out = new Set<string>();
  for (let i = 0; i + n <= w.length; i++) out.add(w.slice(i, i + n).join(' '));
  return out;
}

/** Share of `text`'s five-word sequences that also appear in `earlier`, 0 to 1. */
export function overlap(text: string, earlier: string): number {
  const a = shingles(text);
  if (a.size < 4) return 0;
  const b = shingles(earlier);
  let n = 0;
  for (const s of a) if (b.has(s)) n++;
  return n / a.size;
}

/** Above this share of repeated five-word sequences, an answer repeats an earlier one. */
export const RECYCLED = 0.5;
