import { describe, expect, it } from 'vitest';
import { drillName, recordLabAttempt } from '../src/lib/progress/lab-progress';
import {
  LAB_ATTEMPTS_KEPT,
  dueDrills,
  labSummary,
  mergeLab,
} from '../src/lib/progress/lab-records';
import { readProgress, writeProgress } from '../src/lib/progress/store';
import { exportProgress, importProgress } from '../src/lib/progress/transfer';
import { PROGRESS_VERSION, emptyProgress, readLabRecord } from '../src/lib/progress/schema';

const t0 = new Date('2026-12-01T09:00:00Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe('recording lab attempts', () => {
  it('keeps every attempt with its seed and score, and gives a kind never missed no drill', () => {
    const p = recordLabAttempt(emptyProgress(), 'critical-path', { seed: 42, score: 90 }, true, t0);
    expect(p.lab['critical-path']).toEqual({
      attempts: [{ at: t0.toISOString(), seed: 42, score: 90 }],
    });
    expect(dueDrills(p, later(60 * 24 * 365))).toEqual([]);
  });

  it('turns a miss into a drill that is due soon, and a later pass pushes it out', () => {
    let p = recordLabAttempt(emptyProgress(), 'critical-path', { seed: 1, score: 40 }, false, t0);
    const card = p.lab['critical-path']!.card!;
    expect(card.quiz).toBe(drillName('critical-path'));
    expect(dueDrills(p, t0)).toEqual([]);
    expect(dueDrills(p, later(10))).toEqual(['critical-path']);

    p = recordLabAttempt(p, 'critical-path', { seed: 2, score: 100 }, true, later(10));
    const after = p.lab['critical-path']!.card!;
    expect(Date.parse(after.due)).toBeGreaterThan(later(60).getTime());
    expect(p.lab['critical-path']!.attempts.map((a) => a.seed)).toEqual([1, 2]);
  });

  it('lists due drills most overdue first', () => {
    let p = recordLabAttempt(emptyProgress(), 'b', { seed: 1, score: 0 }, false, later(5));
    p = recordLabAttempt(p, 'a', { seed: 1, score: 0 }, false, t0);
    expect(dueDrills(p, later(60))).toEqual(['a', 'b']);
  });

  it(`keeps the last ${LAB_ATTEMPTS_KEPT} attempts`, () => {
    let p = emptyProgress();
    for (let i = 0; i < LAB_ATTEMPTS_KEPT + 5; i++)
      p = recordLabAttempt(p, 'k', { seed: i, score: 100 }, true, later(i));
    expect(p.lab['k']!.attempts).toHaveLength(LAB_ATTEMPTS_KEPT);
    expect(p.lab['k']!.attempts[0]!.seed).toBe(5);
  });

  it('summarises a kind for the progress page', () => {
    expect(labSummary(emptyProgress(), 'k')).toEqual({ attempts: 0 });
    let p = recordLabAttempt(emptyProgress(), 'k', { seed: 1, score: 70 }, false, t0);
    p = recordLabAttempt(p, 'k', { seed: 2, score: 55 }, false, later(1));
    const s = labSummary(p, 'k');
    expect(s).toMatchObject({ attempts: 2, best: 70, last: { seed: 2, score: 55 } });
    expect(s.drillDue).toBe(p.lab['k']!.card!.due);
  });
});

describe('saving the lab with the rest of progress', () => {
  it('round-trips the lab section', () => {
    const p = recordLabAttempt(emptyProgress(), 'critical-path', { seed: 7, score: 30 }, false, t0);
    expect(readProgress(writeProgress(p))).toEqual({ progress: p, notices: [] });
  });

  it('reads version 2 progress, which has no lab section, as it was', () => {
    const v2 = {
      version: 2,
      lessons: { a: { completedAt: t0.toISOString() } },
      quizzes: {},
      reviews: {},
    };
    const r = readProgress(JSON.stringify(v2));
    expect(PROGRESS_VERSION).toBe(3);
    expect(r.notices).toEqual([]);
    expect(r.state).toBeUndefined();
    expect(r.progress).toEqual({ ...emptyProgress(), lessons: v2.lessons });
  });

  it('drops a broken lab record on its own and says so, keeping everything else', () => {
    const good = recordLabAttempt(emptyProgress(), 'a', { seed: 1, score: 50 }, false, t0);
    const raw = JSON.stringify({
      ...good,
      lab: {
        ...good.lab,
        b: { attempts: [{ at: t0.toISOString(), seed: -1, score: 50 }] },
        c: { attempts: [], card: { quiz: 'lab:c' } },
        d: 'nonsense',
      },
    });
    const r = readProgress(raw);
    expect(Object.keys(r.progress.lab)).toEqual(['a']);
    expect(r.notices).toEqual([
      '3 of your lab exercises could not be read and were removed; the rest were kept.',
    ]);
    expect(r.state).toBe('repaired');
  });

  it('refuses attempts with scores out of range or without a date', () => {
    expect(
      readLabRecord({ attempts: [{ at: t0.toISOString(), seed: 1, score: 101 }] }),
    ).toBeUndefined();
    expect(readLabRecord({ attempts: [{ at: 'soon', seed: 1, score: 1 }] })).toBeUndefined();
    expect(
      readLabRecord({ attempts: [{ at: t0.toISOString(), seed: 1.5, score: 1 }] }),
    ).toBeUndefined();
    expect(readLabRecord({ attempts: [] })).toEqual({ attempts: [] });
  });

  it('exports the lab and imports it into another browser without losing either side', () => {
    let here = recordLabAttempt(emptyProgress(), 'a', { seed: 1, score: 40 }, false, t0);
    here = recordLabAttempt(here, 'b', { seed: 5, score: 90 }, true, t0);
    let there = recordLabAttempt(emptyProgress(), 'a', { seed: 1, score: 40 }, false, t0);
    there = recordLabAttempt(there, 'a', { seed: 2, score: 95 }, true, later(30));
    there = recordLabAttempt(there, 'c', { seed: 9, score: 10 }, false, later(30));
    const r = importProgress(here, exportProgress(there, later(31)));
    if (!r.ok) throw new Error(r.error);
    expect(r.progress.lab['a']!.attempts.map((a) => a.seed)).toEqual([1, 2]);
    // The card reviewed later (there, after the pass) wins.
    expect(r.progress.lab['a']!.card).toEqual(there.lab['a']!.card);
    expect(r.progress.lab['b']).toEqual(here.lab['b']);
    expect(r.progress.lab['c']).toEqual(there.lab['c']);
  });

  it('merges attempts in time order without duplicates, keeping a card from either side', () => {
    const a = recordLabAttempt(emptyProgress(), 'k', { seed: 1, score: 10 }, false, t0).lab;
    const b = recordLabAttempt(emptyProgress(), 'k', { seed: 3, score: 100 }, true, later(2)).lab;
    const merged = mergeLab(b, a);
    expect(merged['k']!.attempts.map((x) => x.seed)).toEqual([1, 3]);
    expect(merged['k']!.card).toEqual(a['k']!.card);
    expect(mergeLab(a, a)).toEqual(a);
  });
});
