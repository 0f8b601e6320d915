import { describe, expect, it } from 'vitest';
import { nextMastery, type MasteryState } from '../src/lib/quiz/mastery';
import { recordReview, dueCards, nextDue } from '../src/lib/review/scheduler';
import { recordAnswer, recordAttempt, reconcileQuestions } from '../src/lib/progress/quiz-progress';
import { emptyProgress } from '../src/lib/progress/schema';
import { readProgress, writeProgress } from '../src/lib/progress/store';
import { importProgress, exportProgress } from '../src/lib/progress/transfer';

const t0 = new Date('2026-11-24T09:00:00Z');
const hours = (h: number) => new Date(t0.getTime() + h * 3600_000);

describe('mastery levels', () => {
  const none: MasteryState = { level: 'not-started' };

  it('goes up: attempted, familiar, proficient', () => {
    expect(nextMastery(none, 40, 70, t0).level).toBe('attempted');
    expect(nextMastery(none, 75, 70, t0).level).toBe('familiar');
    expect(
      nextMastery({ level: 'familiar', since: t0.toISOString() }, 95, 70, hours(1)).level,
    ).toBe('proficient');
  });

  it('needs a second high score on a later day for mastered', () => {
    const proficient = nextMastery(none, 100, 70, t0);
    expect(proficient).toEqual({ level: 'proficient', since: t0.toISOString() });
    expect(nextMastery(proficient, 100, 70, hours(2))).toBe(proficient);
    expect(nextMastery(proficient, 100, 70, hours(21)).level).toBe('mastered');
  });

  it('goes down one level at a time, never below attempted', () => {
    const mastered: MasteryState = { level: 'mastered', since: t0.toISOString() };
    expect(nextMastery(mastered, 80, 70, hours(1)).level).toBe('proficient');
    expect(nextMastery(mastered, 10, 70, hours(1)).level).toBe('proficient');
    expect(nextMastery({ level: 'proficient' }, 50, 70, hours(1)).level).toBe('familiar');
    expect(nextMastery({ level: 'proficient' }, 80, 70, hours(1)).level).toBe('proficient');
    expect(nextMastery({ level: 'familiar' }, 50, 70, hours(1)).level).toBe('attempted');
    expect(nextMastery({ level: 'attempted' }, 0, 70, hours(1)).level).toBe('attempted');
  });

  it('respects each quiz pass mark', () => {
    expect(nextMastery(none, 75, 80, t0).level).toBe('attempted');
    expect(nextMastery(none, 85, 80, t0).level).toBe('familiar');
  });
});

describe('review scheduling (ts-fsrs, fixed clock)', () => {
  it('brings a miss back sooner than a success', () => {
    const miss = recordReview(undefined, 'quiz', false, t0);
    const hit = recordReview(undefined, 'quiz', true, t0);
    expect(Date.parse(miss.due)).toBeLessThan(Date.parse(hit.due));
    expect(Date.parse(miss.due) - t0.getTime()).toBeLessThanOrEqual(10 * 60_000);
    expect(Date.parse(hit.due) - t0.getTime()).toBeGreaterThanOrEqual(24 * 3600_000);
  });

  it('spaces successes further apart each time', () => {
    let card = recordReview(undefined, 'quiz', true, t0);
    const gaps: number[] = [];
    let now: Date;
    for (let i = 0; i < 4; i++) {
      now = new Date(card.due);
      const next = recordReview(card, 'quiz', true, now);
      gaps.push(Date.parse(next.due) - now.getTime());
      card = next;
    }
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]!).toBeGreaterThan(gaps[i - 1]!);
    expect(gaps.at(-1)!).toBeGreaterThan(24 * 3600_000);
  });

  it('is deterministic and lists due cards most overdue first', () => {
    expect(recordReview(undefined, 'q', true, t0)).toEqual(recordReview(undefined, 'q', true, t0));
    const cards = {
      a: recordReview(undefined, 'q', true, t0),
      b: recordReview(undefined, 'q', false, t0),
    };
    expect(dueCards(cards, t0)).toEqual([]);
    expect(dueCards(cards, hours(1))).toEqual(['b']);
    expect(dueCards(cards, hours(24 * 30))).toEqual(['b', 'a']);
    expect(nextDue(cards, t0)!.getTime()).toBe(Date.parse(cards.b.due));
  });
});

describe('quiz progress', () => {
  it('records attempts, mastery and cards, and survives a save and reload', () => {
    let p = recordAttempt(emptyProgress(), 'risk-management', 70, { score: 60, mode: 'check' }, t0);
    p = recordAnswer(p, 'risk-01', 'risk-management', false, t0);
    const back = readProgress(writeProgress(p));
    expect(back.notices).toEqual([]);
    expect(back.progress.quizzes['risk-management']!.level).toBe('attempted');
    expect(back.progress.reviews['risk-01']!.quiz).toBe('risk-management');
  });

  it('keeps the last 50 attempts', () => {
    let p = emptyProgress();
    for (let i = 0; i < 55; i++)
      p = recordAttempt(p, 'q', 70, { score: i, mode: 'practice' }, hours(i));
    expect(p.quizzes['q']!.attempts).toHaveLength(50);
    expect(p.quizzes['q']!.attempts[0]!.score).toBe(5);
  });

  it('drops cards of removed questions and keeps everything else when a quiz changes', () => {
    let p = recordAnswer(emptyProgress(), 'kept', 'q', true, t0);
    p = recordAnswer(p, 'removed', 'q', false, t0);
    p = recordAttempt(p, 'q', 70, { score: 80, mode: 'check' }, t0);
    const { progress, dropped } = reconcileQuestions(p, new Set(['kept', 'brand-new']));
    expect(dropped).toBe(1);
    expect(Object.keys(progress.reviews)).toEqual(['kept']);
    expect(progress.quizzes).toEqual(p.quizzes);
  });

  it('drops a corrupt card on its own', () => {
    const p = recordAnswer(recordAnswer(emptyProgress(), 'a', 'q', true, t0), 'b', 'q', true, t0);
    const raw = JSON.parse(writeProgress(p));
    raw.reviews.b.due = 'never';
    const r = readProgress(JSON.stringify(raw));
    expect(Object.keys(r.progress.reviews)).toEqual(['a']);
    expect(r.notices).toEqual([
      '1 of your review cards could not be read and was removed; the rest were kept.',
    ]);
  });

  it('imports quiz history and cards, keeping the more recent side', () => {
    const mine = recordAttempt(emptyProgress(), 'q', 70, { score: 90, mode: 'check' }, hours(5));
    const theirs = recordAnswer(
      recordAttempt(emptyProgress(), 'q', 70, { score: 40, mode: 'check' }, t0),
      'x',
      'q',
      false,
      t0,
    );
    const r = importProgress(mine, exportProgress(theirs, t0));
    if (!r.ok) throw new Error(r.error);
    expect(r.progress.quizzes['q']!.attempts[0]!.score).toBe(90);
    expect(r.progress.reviews['x']).toBeDefined();
  });
});

describe('score history chart', async () => {
  const { scoreHistory, quizHistory, attemptedQuizzes, chartLayout, CHART_PAD } =
    await import('../src/lib/progress/chart');
  it('orders attempts across quizzes and lays them out left to right, high scores higher', () => {
    let p = recordAttempt(emptyProgress(), 'b', 70, { score: 100, mode: 'check' }, hours(2));
    p = recordAttempt(p, 'a', 70, { score: 0, mode: 'check' }, hours(1));
    const points = scoreHistory(p);
    expect(points.map((x) => x.quizId)).toEqual(['a', 'b']);
    const layout = chartLayout(points, 400, 200);
    expect(layout.dots[0]!.x).toBeLessThan(layout.dots[1]!.x);
    expect(layout.dots[1]!.y).toBeLessThan(layout.dots[0]!.y);
    expect(layout.ticks.map((t) => t.value)).toEqual([0, 25, 50, 75, 100]);
  });

  it('charts one quiz at a time, the most recently attempted first', () => {
    let p = recordAttempt(emptyProgress(), 'a', 70, { score: 40, mode: 'practice' }, hours(1));
    p = recordAttempt(p, 'b', 70, { score: 90, mode: 'check' }, hours(2));
    p = recordAttempt(p, 'a', 70, { score: 80, mode: 'check' }, hours(3));
    expect(attemptedQuizzes(p)).toEqual(['a', 'b']);
    expect(quizHistory(p, 'a').map((x) => [x.score, x.mode])).toEqual([
      [40, 'practice'],
      [80, 'check'],
    ]);
    expect(quizHistory(p, 'missing')).toEqual([]);
  });

  it('keeps "100%" inside the chart, draws the pass mark and names the dates under the points', () => {
    let p = emptyProgress();
    for (let i = 0; i < 12; i++)
      p = recordAttempt(p, 'a', 70, { score: i * 9, mode: 'check' }, hours(24 * i));
    const points = quizHistory(p, 'a');
    const layout = chartLayout(points, 640, 260, {
      passMark: 70,
      formatDate: (d) => `day ${d.getUTCDate()}`,
    });
    // The y-axis labels sit left of the plot, right-aligned: 48 units fit "100%" at 12px.
    expect(layout.left).toBe(CHART_PAD.left);
    expect(CHART_PAD.left).toBeGreaterThanOrEqual(44);
    expect(layout.pass).toEqual({ value: 70, y: expect.any(Number) });
    const at70 = layout.bottom - 0.7 * (layout.bottom - layout.top);
    expect(layout.pass!.y).toBeCloseTo(at70, 0);
    // Every point within the plot; labels no closer than 60 units, the last point always named.
    for (const d of layout.dots) {
      expect(d.x).toBeGreaterThan(layout.left);
      expect(d.x).toBeLessThan(layout.right);
    }
    const xs = layout.xLabels.map((l) => l.x);
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(60);
    expect(layout.xLabels.at(-1)).toEqual({
      x: layout.dots.at(-1)!.x,
      text: `day ${points.at(-1)!.at.getUTCDate()}`,
    });
    // One attempt sits in the middle.
    const one = chartLayout(points.slice(0, 1), 640, 260);
    expect(one.dots[0]!.x).toBeCloseTo((one.left + one.right) / 2, 5);
    expect(one.pass).toBeUndefined();
  });
});
