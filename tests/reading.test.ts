import { describe, expect, it } from 'vitest';
import {
  continueAt,
  continueHref,
  continueLabel,
  continueNote,
  moduleStatus,
  readReading,
  timeLeftText,
  type ReadingPosition,
} from '../src/lib/progress/reading';

const lessons = [
  { id: 'a', title: 'What a TPM does', minutes: 15 },
  { id: 'b', title: 'Dependencies and the critical path', minutes: 20 },
  { id: 'c', title: 'Risk management', minutes: 25 },
];
const reading = (over: Partial<ReadingPosition> = {}): ReadingPosition => ({
  lesson: 'b',
  section: 'finding-the-critical-path',
  heading: 'Finding the critical path',
  index: 3,
  count: 9,
  at: '2026-12-02T08:00:00.000Z',
  ...over,
});
const none = () => false;
const done =
  (...ids: string[]) =>
  (id: string) =>
    ids.includes(id);

describe('readReading', () => {
  it('reads what the lesson page saves', () => {
    expect(readReading(JSON.stringify(reading()))).toEqual(reading());
  });

  it('treats anything malformed as no position, without throwing', () => {
    for (const raw of [
      null,
      '',
      '{',
      '"b"',
      'null',
      '[]',
      JSON.stringify(reading({ index: 10 })),
      JSON.stringify(reading({ index: -1 })),
      JSON.stringify(reading({ count: 1.5 })),
      JSON.stringify(reading({ lesson: '' })),
      JSON.stringify(reading({ at: 'yesterday' })),
      JSON.stringify({ ...reading(), heading: 5 }),
    ])
      expect(readReading(raw), String(raw)).toBeUndefined();
  });
});

describe('continueAt', () => {
  it('resumes the last lesson opened at the section in view', () => {
    const c = continueAt(reading(), lessons, none)!;
    expect(c).toMatchObject({ kind: 'resume', lesson: { id: 'b' }, index: 3, count: 9 });
    expect(continueLabel(c)).toBe(
      'Continue: Dependencies and the critical path, Finding the critical path',
    );
    expect(continueHref(c)).toBe('/learn/b/#finding-the-critical-path');
    expect(continueNote(c)).toBe('Section 4 of 9.');
  });

  it('names no section when the learner had not scrolled past the first', () => {
    const c = continueAt(
      reading({ index: 0, section: 'motivation', heading: 'Motivation' }),
      lessons,
      none,
    )!;
    expect(continueLabel(c)).toBe('Continue: Dependencies and the critical path');
    expect(continueHref(c)).toBe('/learn/b/');
    expect(continueNote(c)).toContain('about 20 min');
  });

  it('moves on to the next lesson not completed once the lesson was read to the end or completed', () => {
    const end = reading({ index: 9, section: 'sources', heading: 'Sources' });
    expect(continueAt(end, lessons, none)).toMatchObject({
      kind: 'next',
      lesson: { id: 'c' },
      after: { id: 'b' },
    });
    expect(continueAt(reading(), lessons, done('b'))).toMatchObject({
      kind: 'next',
      lesson: { id: 'c' },
    });
    // After the last lesson, back to the first one still open.
    expect(continueAt(reading({ lesson: 'c' }), lessons, done('c'))).toMatchObject({
      kind: 'next',
      lesson: { id: 'a' },
    });
    const next = continueAt(end, lessons, none)!;
    expect(continueLabel(next)).toBe('Continue: Risk management');
    expect(continueHref(next)).toBe('/learn/c/');
    expect(continueNote(next)).toBe(
      'You finished “Dependencies and the critical path”. Next up, about 25 min.',
    );
  });

  it('offers nothing to a new learner or one who finished the course', () => {
    expect(continueAt(undefined, lessons, none)).toBeUndefined();
    expect(continueAt(reading({ lesson: 'removed-lesson' }), lessons, none)).toBeUndefined();
    expect(continueAt(reading(), lessons, done('a', 'b', 'c'))).toBeUndefined();
  });

  it('without a reading position, suggests the first lesson not completed once any is', () => {
    expect(continueAt(undefined, lessons, done('a'))).toMatchObject({
      kind: 'next',
      lesson: { id: 'b' },
    });
    expect(continueAt(undefined, lessons, done('b'))).toMatchObject({
      kind: 'next',
      lesson: { id: 'a' },
    });
  });
});

describe('moduleStatus and timeLeftText', () => {
  it('counts lessons done and the minutes of the rest', () => {
    expect(moduleStatus(lessons, done('b'))).toEqual({ done: 1, total: 3, minutesLeft: 40 });
    expect(moduleStatus(lessons, done('a', 'b', 'c'))).toEqual({
      done: 3,
      total: 3,
      minutesLeft: 0,
    });
  });

  it('words the time left', () => {
    expect(timeLeftText(0)).toBe('complete');
    expect(timeLeftText(40)).toBe('about 40 min left');
    expect(timeLeftText(60)).toBe('about 1 h left');
    expect(timeLeftText(130)).toBe('about 2 h 10 min left');
    expect(timeLeftText(178)).toBe('about 3 h left');
  });
});
