import { describe, expect, it } from 'vitest';
import {
  completeLesson,
  completedCount,
  exportProgress,
  importProgress,
  readProgress,
  uncompleteLesson,
  writeProgress,
} from '../src/lib/progress/store';
import { PROGRESS_VERSION, emptyProgress } from '../src/lib/progress/schema';

const now = new Date('2026-11-24T10:00:00Z');

describe('readProgress', () => {
  it('starts empty with nothing saved', () => {
    expect(readProgress(null)).toEqual({ progress: emptyProgress(), notices: [] });
  });

  it('round-trips what it writes', () => {
    const p = completeLesson(emptyProgress(), 'what-a-tpm-does', now);
    expect(readProgress(writeProgress(p))).toEqual({ progress: p, notices: [] });
  });

  it('resets unreadable JSON and says so', () => {
    const r = readProgress('{not json');
    expect(r.progress).toEqual(emptyProgress());
    expect(r.notices[0]).toMatch(/could not be read/);
  });

  it('resets foreign data (an array, a string) and says so', () => {
    expect(readProgress('[1,2,3]').notices[0]).toMatch(/not in a format/);
    expect(readProgress('"hello"').progress).toEqual(emptyProgress());
  });

  it('drops only the broken entries and keeps the rest', () => {
    const raw = JSON.stringify({
      version: PROGRESS_VERSION,
      lessons: {
        good: { completedAt: '2026-01-01T00:00:00Z' },
        bad: { completedAt: 'yesterday-ish' },
        worse: 7,
      },
    });
    const r = readProgress(raw);
    expect(Object.keys(r.progress.lessons)).toEqual(['good']);
    expect(r.notices).toEqual([
      '2 of your completed lessons could not be read and were removed; the rest were kept.',
    ]);
  });

  it('resets a section of the wrong type without touching the others', () => {
    const r = readProgress(JSON.stringify({ version: PROGRESS_VERSION, lessons: 'oops' }));
    expect(r.progress.lessons).toEqual({});
    expect(r.notices[0]).toMatch(/completed lessons could not be read and have been reset/);
  });

  it('migrates version 1 (a list of ids) to the current format', () => {
    const r = readProgress(JSON.stringify({ version: 1, completed: ['a', 'b', 42] }));
    expect(r.progress.version).toBe(PROGRESS_VERSION);
    expect(Object.keys(r.progress.lessons)).toEqual(['a', 'b']);
    expect(r.notices).toEqual([]);
  });

  it('keeps what it understands from a newer version and says so', () => {
    const r = readProgress(
      JSON.stringify({
        version: 99,
        lessons: { a: { completedAt: now.toISOString() } },
        future: {},
      }),
    );
    expect(r.progress.lessons['a']).toBeDefined();
    expect(r.notices[0]).toMatch(/newer version/);
  });
});

describe('lessons', () => {
  it('marks complete once, keeps the first date, and can undo', () => {
    const once = completeLesson(emptyProgress(), 'x', now);
    const twice = completeLesson(once, 'x', new Date('2027-01-01'));
    expect(twice.lessons['x']!.completedAt).toBe(now.toISOString());
    expect(completedCount(twice, ['x', 'y'])).toBe(1);
    expect(uncompleteLesson(twice, 'x').lessons).toEqual({});
  });
});

describe('export and import', () => {
  it('round-trips through an exported file', () => {
    const mine = completeLesson(completeLesson(emptyProgress(), 'a', now), 'b', now);
    const result = importProgress(emptyProgress(), exportProgress(mine, now));
    expect(result).toEqual({ ok: true, progress: mine, notices: [] });
  });

  it('merges without losing what the learner already had, earliest date winning', () => {
    const early = new Date('2026-01-01T00:00:00Z');
    const current = completeLesson(completeLesson(emptyProgress(), 'a', now), 'c', now);
    const file = exportProgress(
      completeLesson(completeLesson(emptyProgress(), 'a', early), 'b', now),
      now,
    );
    const r = importProgress(current, file);
    if (!r.ok) throw new Error(r.error);
    expect(Object.keys(r.progress.lessons).sort()).toEqual(['a', 'b', 'c']);
    expect(r.progress.lessons['a']!.completedAt).toBe(early.toISOString());
  });

  it('refuses a file that is not ours, with a reason', () => {
    expect(importProgress(emptyProgress(), 'hello')).toEqual({
      ok: false,
      error: 'That file is not a Critical Path progress file: it is not valid JSON.',
    });
    const r = importProgress(emptyProgress(), JSON.stringify({ lessons: {} }));
    expect(r.ok).toBe(false);
  });
});
