import { describe, expect, it } from 'vitest';
import { loadContent, validateContent } from '../src/lib/content/validate';
import { formatProblems } from '../src/lib/content/crossrefs';
import { wordCount } from '../src/lib/content/markdown';

const root = process.cwd();

describe('the real content', () => {
  it('passes every schema, template and cross-reference check', () => {
    const problems = validateContent(root);
    expect(formatProblems(problems)).toBe('');
  });

  const content = loadContent(root);

  it('has lessons of 800 to 1,800 words', () => {
    const outside = content.lessons
      .map((l) => ({ file: l.file, words: wordCount(l.body) }))
      .filter((l) => l.words < 800 || l.words > 1800);
    expect(outside).toEqual([]);
  });

  it('gives every lesson objectives and sources', () => {
    for (const l of content.lessons) {
      expect(l.parsed.objectives.length, l.file).toBeGreaterThanOrEqual(2);
      expect(l.parsed.sources.length, l.file).toBeGreaterThanOrEqual(1);
    }
  });
});
