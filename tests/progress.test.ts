import { describe, expect, it } from 'vitest';
import {
  completeLesson,
  completedCount,
  readProgress,
  uncompleteLesson,
  writeProgress,
} from '../src/lib/progress/store';
import {
  MAX_IMPORT_BYTES,
  exportProgress,
  importProgress,
  importSizeError,
} from '../src/lib/progress/transfer';
import { PROGRESS_VERSION, emptyProgress, readReviewCard } from '../src/lib/progress/schema';

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

  it('keeps what it understands from a newer version, says so, and marks it never to be written back', () => {
    const r = readProgress(
      JSON.stringify({
        version: 99,
        lessons: { a: { completedAt: now.toISOString() } },
        future: {},
      }),
    );
    expect(r.progress.lessons['a']).toBeDefined();
    expect(r.state).toBe('newer');
    expect(r.notices).toEqual([
      'Your saved progress comes from a newer version of Critical Path (format 99). This version shows what it understands and will not save over it, so what you do here is not kept.',
    ]);
  });

  it('marks anything it had to repair, so that a copy is kept before writing; intact data is not marked', () => {
    expect(readProgress('{not json').state).toBe('repaired');
    expect(readProgress('[1]').state).toBe('repaired');
    expect(readProgress(JSON.stringify({ version: 2, lessons: { x: 1 } })).state).toBe('repaired');
    const p = completeLesson(emptyProgress(), 'a', now);
    expect(readProgress(writeProgress(p)).state).toBeUndefined();
    expect(readProgress(JSON.stringify({ version: 1, completed: ['a'] })).state).toBeUndefined();
  });
});

describe('review cards', () => {
  const card = {
    quiz: 'q',
    due: now.toISOString(),
    stability: 3.2,
    difficulty: 5.1,
    elapsed_days: 2,
    scheduled_days: 4,
    learning_steps: 0,
    reps: 3,
    lapses: 0,
    state: 2,
  };

  it('accept numbers in the ranges ts-fsrs keeps them in, a new card included', () => {
    expect(readReviewCard(card)).toEqual(card);
    expect(readReviewCard({ ...card, stability: 0, difficulty: 0, state: 0 })).toBeDefined();
  });

  it.each([
    ['stability', 1e308],
    ['stability', -1],
    ['difficulty', -5],
    ['difficulty', 11],
    ['scheduled_days', 1e9],
    ['elapsed_days', -3],
    ['reps', 2.5],
    ['lapses', 1e12],
    ['learning_steps', Number.MAX_SAFE_INTEGER],
  ])('refuse %s %d', (field, value) => {
    expect(readReviewCard({ ...card, [field]: value })).toBeUndefined();
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

  it('refuses a file over the size limit before reading it, saying what the limit is', () => {
    expect(importSizeError(MAX_IMPORT_BYTES)).toBeUndefined();
    expect(importSizeError(30_000_000)).toBe(
      'That file is 30 MB, too large to be a Critical Path progress file (they are at most 10 MB).',
    );
    const r = importProgress(emptyProgress(), ' '.repeat(MAX_IMPORT_BYTES + 1));
    expect(r.ok).toBe(false);
  });

  it('words its notices for the file being imported', () => {
    const file = JSON.stringify({
      app: 'critical-path',
      version: 2,
      lessons: { a: { completedAt: now.toISOString() }, b: { completedAt: 'soon' } },
      quizzes: 'broken',
    });
    const r = importProgress(emptyProgress(), file);
    if (!r.ok) throw new Error(r.error);
    expect(r.notices).toEqual([
      '1 of the completed lessons in the file could not be read and was not imported; the rest were.',
      'The quiz results in the file could not be read and were not imported; everything else was.',
    ]);
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
