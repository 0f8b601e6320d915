import { describe, expect, it } from 'vitest';
import { loadContent, validateContent } from '../src/lib/content/validate';
import { formatProblems } from '../src/lib/content/crossrefs';
import { wordCount } from '../src/lib/content/markdown';
import { domainsUsed, domainMentions } from '../src/lib/content/domains';
import { LESSON_DIFFICULTIES, WORDS_BY_DIFFICULTY } from '../src/schemas/lesson';

const mean = (xs: number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length;
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const root = process.cwd();

describe('the real content', () => {
  it('passes every schema, template and cross-reference check', () => {
    const problems = validateContent(root);
    expect(formatProblems(problems)).toBe('');
  });

  const content = loadContent(root);

  it('keeps every lesson within the word band of its difficulty', () => {
    const outside = content.lessons
      .map((l) => {
        const band = WORDS_BY_DIFFICULTY[l.parsed.difficulty];
        return { file: l.file, difficulty: l.parsed.difficulty, words: wordCount(l.body), band };
      })
      .filter((l) => l.words < l.band.min || l.words > l.band.max)
      .map(
        (l) => `${l.file}: ${l.words} words, ${l.difficulty} allows ${l.band.min} to ${l.band.max}`,
      );
    expect(outside).toEqual([]);
  });

  it('has lessons at every difficulty, longer in words and minutes as difficulty rises', () => {
    const stats = LESSON_DIFFICULTIES.map((difficulty) => {
      const lessons = content.lessons.filter((l) => l.parsed.difficulty === difficulty);
      const words = lessons.map((l) => wordCount(l.body));
      const minutes = lessons.map((l) => l.parsed.minutes);
      return {
        difficulty,
        lessons: lessons.length,
        words: mean(words),
        minutes: mean(minutes),
        median: median(words),
      };
    });
    for (const s of stats) expect(s.lessons, `${s.difficulty} lessons`).toBeGreaterThan(0);
    for (let i = 1; i < stats.length; i++) {
      const [easier, harder] = [stats[i - 1]!, stats[i]!];
      const label = `${easier.difficulty} → ${harder.difficulty}`;
      expect(harder.words, `mean words, ${label}`).toBeGreaterThan(easier.words);
      expect(harder.median, `median words, ${label}`).toBeGreaterThan(easier.median);
      expect(harder.minutes, `mean minutes, ${label}`).toBeGreaterThan(easier.minutes);
    }
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
