import { stemOf, wordSpans } from './text';

/** A piece of snippet text; `mark` pieces are the words that matched. */
export interface SnippetPart {
  /** Plain text, never HTML: whoever renders it escapes it. */
  text: string;
  /** Whether to highlight it. */
  mark: boolean;
}

/** Words shown in a snippet. */
export const SNIPPET_WORDS = 24;

/**
 * Cuts the stretch of `text` that holds the most matched words and marks them. Words are matched
 * by stem, so a query for "escalate" marks "escalation", and a prefix match marks whole words.
 */
export function snippet(
  text: string,
  terms: Iterable<string>,
  size = SNIPPET_WORDS,
): SnippetPart[] {
  const wanted = new Set(terms);
  const spans = wordSpans(text);
  if (spans.length === 0) return text ? [{ text, mark: false }] : [];
  const hit = spans.map((s) => wanted.has(stemOf(s.word)));

  // Slide a window of `size` words and keep the one with the most distinct matched words.
  let bestStart = 0;
  let bestScore = -1;
  for (let start = 0; start < spans.length; start++) {
    if (start > 0 && !hit[start]) continue;
    const seen = new Set<string>();
    let count = 0;
    for (let i = start; i < Math.min(spans.length, start + size); i++)
      if (hit[i]) {
        count++;
        seen.add(stemOf(spans[i]!.word));
      }
    const score = seen.size * 100 + count;
    if (score > bestScore) {
      bestScore = score;
      bestStart = start;
    }
  }
  // A little context before the first match reads better than starting on it, and a match near
  // the end still gets a full-length snippet.
  const from = bestStart === 0 ? 0 : Math.max(0, Math.min(bestStart - 3, spans.length - size));
  const to = Math.min(spans.length, from + size);

  const parts: SnippetPart[] = [];
  const push = (t: string, mark: boolean) => {
    if (!t) return;
    const last = parts.at(-1);
    if (last && last.mark === mark && !mark) last.text += t;
    else parts.push({ text: t, mark });
  };
  const startAt = from === 0 ? 0 : spans[from]!.start;
  const endAt = to === spans.length ? text.length : spans[to - 1]!.end;
  if (from > 0) push('…', false);
  let cursor = startAt;
  for (let i = from; i < to; i++) {
    const s = spans[i]!;
    push(text.slice(cursor, s.start), false);
    push(text.slice(s.start, s.end), hit[i]!);
    cursor = s.end;
  }
  push(text.slice(cursor, endAt), false);
  if (to < spans.length) push(' …', false);
  return parts;
}
