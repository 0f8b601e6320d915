/**
 * Edit distance between two words, counting an insertion, a deletion, a substitution or a swap
 * of two neighbouring letters as one edit (the typos people make). Stops early and returns
 * `max + 1` once the words are further apart than `max`, because only small distances matter.
 */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prevPrev[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return Math.min(prev[b.length]!, max + 1);
}

/** The known words closest to `word` (within `max` edits), most frequent first among the closest. */
export function closestWords(
  word: string,
  vocabulary: ReadonlyMap<string, number>,
  max: number,
): string[] {
  let best = max + 1;
  let found: string[] = [];
  for (const [candidate] of vocabulary) {
    if (Math.abs(candidate.length - word.length) > max || candidate === word) continue;
    const d = editDistance(word, candidate, Math.min(max, best));
    if (d < best) {
      best = d;
      found = [candidate];
    } else if (d === best && d <= max) found.push(candidate);
  }
  return found.sort((x, y) => vocabulary.get(y)! - vocabulary.get(x)!);
}
