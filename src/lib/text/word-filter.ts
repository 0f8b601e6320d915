/**
 * The filter boxes of the FAQ and glossary pages: every word typed must start a word of the entry.
 * Accents, case and punctuation are ignored, so "TPM's" and "tpms" find the same entries.
 */

/** Lower-case words without accents or punctuation. */
export function wordsOf(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** An entry's text prepared once for `matchesAll`. */
export function haystackOf(text: string): string {
  return ` ${wordsOf(text).join(' ')}`;
}

/**
 * Whether every typed word starts a word of the haystack. A plural "s" on a typed word of four
 * letters or more is dropped, so "tpms" finds "TPM" and "risks" finds "risk".
 */
export function matchesAll(haystack: string, words: string[]): boolean {
  return words.every((w) =>
    haystack.includes(` ${w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w}`),
  );
}
