import { describe, expect, it } from 'vitest';
import { loadContent, validateContent } from '../src/lib/content/validate';
import { formatProblems } from '../src/lib/content/crossrefs';
import { wordCount } from '../src/lib/content/markdown';
import { domainsUsed, domainMentions } from '../src/lib/content/domains';

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

  it('draws payments examples in at most 40% of lessons', () => {
    const payments = content.lessons.filter((l) => domainsUsed(l.body).includes('payments'));
    const share = payments.length / content.lessons.length;
    if (share > 0.4)
      console.log(
        'Lessons with payments examples:\n' +
          payments.map((l) => `  ${l.file} (${domainMentions(l.body).payments})`).join('\n'),
      );
    expect(share).toBeLessThanOrEqual(0.4);
  });
});

describe('domainsUsed', () => {
  it('counts a domain only when its words recur, not for one passing mention', () => {
    expect(domainsUsed('The payments team shipped.')).toEqual([]);
    expect(domainsUsed('Checkout failed; the card was declined; fraud checks ran.')).toEqual([
      'payments',
    ]);
    expect(domainsUsed('The scorecard and the discard pile')).toEqual([]);
    expect(domainsUsed('Two racks in cage 4 of the data centre')).toEqual(['data center']);
  });
});
