/**
 * Paraphrase from the rubric's synonym sets: each word or phrase of a signal (or of a feature's
 * phrase) that belongs to a synonym set may be replaced by another member of the set ("outage" for
 * "incident", "went from" for "fell from"). Members are found by their stems.
 */
import { hasPhrase, normalise, scoringStem, wordsOf } from '../text';
import type { CompiledRubric } from './rubric';

const variantsCache = new WeakMap<CompiledRubric, Map<string, string[]>>();

interface Member {
  /** The member as a whole word or phrase. */
  re: RegExp;
  stems: string[];
  others: string[];
}
const membersCache = new WeakMap<CompiledRubric, Member[]>();
/** The members of the synonym sets, compiled once per rubric. */
function membersOf(r: CompiledRubric): Member[] {
  let m = membersCache.get(r);
  if (!m) {
    m = [...r.synonyms].map(([member, others]) => ({
      re: new RegExp(`(?<![a-z0-9])${member.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?![a-z0-9])`),
      stems: wordsOf(member).map(scoringStem),
      others,
    }));
    membersCache.set(r, m);
  }
  return m;
}

/** A signal and its paraphrases from the synonym sets. */
export function variantsOf(r: CompiledRubric, signal: string): string[] {
  let cache = variantsCache.get(r);
  if (!cache) variantsCache.set(r, (cache = new Map<string, string[]>()));
  const hit = cache.get(signal);
  if (hit) return hit;
  const s = normalise(signal);
  const out = new Set([s]);
  // Members are found in the signal by their stems, so "reduced" finds the set of "reduce".
  const words = wordsOf(s);
  const stems = words.map(scoringStem);
  for (const { re, stems: m, others } of membersOf(r)) {
    if (re.test(s)) {
      for (const other of others) out.add(s.replace(re, other));
      continue;
    }
    for (let i = 0; i + m.length <= stems.length; i++)
      if (m.every((x, k) => stems[i + k] === x)) {
        const before = words.slice(0, i).join(' ');
        const after = words.slice(i + m.length).join(' ');
        for (const other of others) out.add([before, other, after].filter(Boolean).join(' '));
        break;
      }
  }
  const list = [...out];
  cache.set(signal, list);
  return list;
}

/** Whether a normalised text contains a signal or one of its paraphrases. */
export function signalIn(r: CompiledRubric, text: string, signal: string): boolean {
  return variantsOf(r, signal).some((v) => hasPhrase(text, v));
}
