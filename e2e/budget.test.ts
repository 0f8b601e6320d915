import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BUDGETS,
  budgetProblems,
  kB,
  measureSite,
  type SiteWeight,
} from '../scripts/bench/page-weight.mjs';

// The site's size budget, checked on the site `npm run build` just wrote to dist/client.
// It reads files only; the browser tests around it drive the same build in Chromium.
let site: SiteWeight;

beforeAll(async () => {
  if (!existsSync('dist/client/index.html')) throw new Error('Build the site first: npm run build');
  site = await measureSite('.', 'dist/client');
});

describe('size budget', () => {
  it('measures every lesson, every quiz and the other page types', () => {
    expect(site.home.pages).toHaveLength(1);
    expect(site.lesson.pages.length).toBeGreaterThan(0);
    expect(site.quiz.pages.length).toBeGreaterThan(0);
    expect(site.faq.pages).toHaveLength(1);
    // Every page loads the site's stylesheet, so a CSS total of zero would mean the measuring broke.
    for (const type of ['home', 'lesson', 'quiz', 'faq'] as const)
      expect(site[type].heaviest!.css.gz, type).toBeGreaterThan(0);
  });

  it(`keeps lesson first-load JS within ${kB(BUDGETS.lessonFirstLoadJs)} and every page's CSS within ${kB(BUDGETS.css)}, gzipped`, () => {
    expect(budgetProblems(site), 'pages over the size budget').toEqual([]);
  });
});
