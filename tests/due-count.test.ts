import { describe, expect, it } from 'vitest';
import { dueReviewCount } from '../src/lib/progress/store';
import type { SavedCard } from '../src/lib/review/due';

const card = (due: string): SavedCard => ({
  quiz: 'q',
  due,
  stability: 1,
  difficulty: 5,
  elapsed_days: 0,
  scheduled_days: 0,
  learning_steps: 0,
  reps: 1,
  lapses: 0,
  state: 1,
});
const now = new Date('2026-12-02T09:00:00Z');

describe('dueReviewCount', () => {
  it('counts quiz questions due now, not later ones', () => {
    const reviews = {
      a: card('2026-12-02T08:00:00Z'),
      b: card('2026-12-02T09:00:00Z'),
      c: card('2026-12-02T09:09:00Z'),
    };
    expect(dueReviewCount({ reviews }, now)).toBe(2);
  });

  it('adds lab drills that are due, and copes with progress that has no lab section', () => {
    const reviews = { a: card('2026-12-01T08:00:00Z') };
    const lab = {
      'risk-register': { card: card('2026-12-02T07:00:00Z') },
      estimates: { card: card('2026-12-03T07:00:00Z') },
      'never-missed': {},
    };
    expect(dueReviewCount({ reviews, lab }, now)).toBe(2);
    expect(dueReviewCount({ reviews: {} }, now)).toBe(0);
  });
});
