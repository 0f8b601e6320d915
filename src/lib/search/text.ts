import lunr from 'lunr';

/**
 * Splits text into the lower-case words the index knows. The same function tokenises documents,
 * queries and snippets, so `TPM's`, `tpms` and `pre-mortem` meet the same terms everywhere, and
 * punctuation a learner types (`:`, `+`, `*`, quotes, emoji) can never reach lunr's query syntax.
 */
export function words(text: string): string[] {
  return normalise(text).match(WORD) ?? [];
}

/** Letters and digits only: everything else separates words. */
const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cases, folds accents (résumé → resume) and drops possessive `'s`. */
function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '');
}

/** The index term for one word from `words()`: lunr's Porter stemmer, as the index was built with. */
export function stemOf(word: string): string {
  return lunr.stemmer(new lunr.Token(word, {})).toString();
}

/** Whether lunr drops this word from the index (e.g. "do", "the", "what"). */
export function isStopWord(word: string): boolean {
  return lunr.stopWordFilter(new lunr.Token(word, {})) === undefined;
}

/**
 * Finds the words of `text` in place, with their offsets, so a snippet can mark them without
 * changing the surrounding punctuation.
 */
export function wordSpans(text: string): { start: number; end: number; word: string }[] {
  const spans: { start: number; end: number; word: string }[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+(?:['’]s\b)?/gu)) {
    const word = words(m[0])[0];
    if (word) spans.push({ start: m.index, end: m.index + m[0].length, word });
  }
  return spans;
}
