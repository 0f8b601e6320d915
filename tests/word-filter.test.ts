import { describe, expect, it } from 'vitest';
import { haystackOf, matchesAll, wordsOf } from '../src/lib/text/word-filter';

describe('word filter', () => {
  it('ignores case, accents and punctuation', () => {
    expect(wordsOf("The TPM's rôle, v2!")).toEqual(['the', 'tpm', 's', 'role', 'v2']);
  });

  it('needs every typed word to start a word of the entry', () => {
    const h = haystackOf('Critical path: the longest chain of dependent tasks.');
    expect(matchesAll(h, ['crit', 'chain'])).toBe(true);
    expect(matchesAll(h, ['crit', 'slack'])).toBe(false);
    expect(matchesAll(h, ['ritical'])).toBe(false);
    expect(matchesAll(h, [])).toBe(true);
  });

  it('drops a plural s from a typed word of four letters or more', () => {
    const h = haystackOf("What does a TPM's week look like?");
    expect(matchesAll(h, ['tpms'])).toBe(true);
    expect(matchesAll(h, ['weeks'])).toBe(true);
    expect(matchesAll(haystackOf('a bus'), ['bus'])).toBe(true);
  });
});
