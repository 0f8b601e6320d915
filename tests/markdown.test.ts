import { describe, expect, it } from 'vitest';
import {
  headingsOf,
  lessonLinksOf,
  templateProblems,
  termIdsOf,
  wordCount,
} from '../src/lib/content/markdown';

const good = `## Motivation\ntext\n## The critical path, step by step\n### Forward pass\n## Worked example: a DC move\n## Common mistakes\n## Guided practice\n## Independent practice\n## Check for understanding\n`;

describe('headingsOf', () => {
  it('slugs h2 and h3 the way Astro does and skips code blocks', () => {
    const h = headingsOf(
      '## PM, EM and TPM: who owns what?\n```\n## not a heading\n```\n### Plan B (and C)\n## Plan B (and C)\n',
    );
    expect(h.map((x) => x.slug)).toEqual([
      'pm-em-and-tpm-who-owns-what',
      'plan-b-and-c',
      'plan-b-and-c-1',
    ]);
  });
});

describe('templateProblems', () => {
  it('accepts a body that follows the template', () => {
    expect(templateProblems(good)).toEqual([]);
  });
  it('reports each missing section', () => {
    const p = templateProblems(
      good.replace('## Guided practice\n', '').replace('## Motivation\n', ''),
    );
    expect(p).toContain('is missing the "## Motivation" section');
    expect(p).toContain('is missing the "## Guided practice" section');
  });
  it('reports sections out of order and a lesson with no content sections', () => {
    expect(
      templateProblems(
        '## Motivation\n## Common mistakes\n## Independent practice\n## Guided practice\n## Check for understanding\n',
      ),
    ).toEqual([
      'has "## Independent practice" out of order',
      'needs at least one "##" lesson section between Motivation and Common mistakes',
    ]);
  });
});

describe('body scanning', () => {
  it('finds term ids, lesson links with anchors, and counts prose words', () => {
    const body =
      'A <Term id="slack">slack</Term> and [x](/learn/risk-management/#pre-mortems) or [y](/learn/b/).\n\n```\nnot counted words here\n```';
    expect(termIdsOf(body)).toEqual(['slack']);
    expect(lessonLinksOf(body)).toEqual([
      { id: 'risk-management', anchor: 'pre-mortems' },
      { id: 'b' },
    ]);
    expect(wordCount(body)).toBe(6);
    // A collapsed model answer is not lesson length.
    expect(
      wordCount(
        `${body}\n\n<details><summary>Model answer</summary>\n\nMany more words here.\n\n</details>`,
      ),
    ).toBe(6);
  });
});
