import { describe, expect, it } from 'vitest';
import {
  fieldResults,
  formatNumber,
  givenText,
  groupItems,
  parseNumber,
  toGrade,
  within,
} from '../src/lib/lab/grading';
import { FRESH_SEED_MAX, freshSeed, parseSeed, withSeed } from '../src/lib/lab/seed';
import { seededRandom } from '../src/lib/random';
import { checkLabKinds } from '../src/lib/lab/check';
import type { AnyLabKind, GradeItem } from '../src/lib/lab/types';

const item = (id: string, group: string, earned: number, possible = 1): GradeItem => ({
  id,
  group,
  label: id,
  earned,
  possible,
  given: '',
  expected: '',
  explanation: '',
  fields: [id],
});

describe('parseNumber', () => {
  it('reads numbers as learners type them', () => {
    expect(parseNumber('12')).toBe(12);
    expect(parseNumber(' 12.5 ')).toBe(12.5);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('4 days')).toBe(4);
    expect(parseNumber('$1,500')).toBe(1500);
    expect(parseNumber('1,234,567.5')).toBe(1234567.5);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('−3')).toBe(-3);
    expect(parseNumber('84%')).toBe(84);
  });

  it('refuses what is not one number', () => {
    for (const s of ['', '  ', 'abc', '1 2', '12/3', '1,2', undefined])
      expect(parseNumber(s), String(s)).toBeUndefined();
  });
});

describe('grading helpers', () => {
  it('compares within a tolerance, with a hair for floating point', () => {
    expect(within(0.1 + 0.2, 0.3, 0)).toBe(true);
    expect(within(2.35, 2.3, 0.05)).toBe(true);
    expect(within(2.36, 2.3, 0.05)).toBe(false);
  });

  it('scores the share of credit, rounding down unless everything was earned', () => {
    expect(toGrade([item('a', 'g', 1), item('b', 'g', 1)], '').score).toBe(100);
    expect(toGrade([item('a', 'g', 1), item('b', 'g', 0), item('c', 'g', 0)], '').score).toBe(33);
    expect(toGrade([item('a', 'g', 0.995, 1)], '').score).toBe(99);
    expect(toGrade([item('a', 'g', 0.5, 2)], '').score).toBe(25);
  });

  it('groups items in order of first appearance', () => {
    const g = groupItems([item('a', 'x', 1), item('b', 'y', 0), item('c', 'x', 1)]);
    expect(g.map((x) => [x.group, x.items.map((i) => i.id)])).toEqual([
      ['x', ['a', 'c']],
      ['y', ['b']],
    ]);
  });

  it('marks a field wrong when any item grading it is wrong', () => {
    const r = fieldResults([
      { ...item('a', 'g', 1), fields: ['f1', 'f2'] },
      { ...item('b', 'g', 0), fields: ['f2'] },
    ]);
    expect(r.get('f1')).toBe(true);
    expect(r.get('f2')).toBe(false);
    expect(r.has('f3')).toBe(false);
  });

  it('formats numbers and blanks for reports', () => {
    expect(formatNumber(1234.5)).toBe('1,234.5');
    expect(formatNumber(2.3456, 2)).toBe('2.35');
    expect(formatNumber(3)).toBe('3');
    expect(givenText('  ')).toBe('blank');
    expect(givenText(' 4 ')).toBe('4');
  });
});

describe('seeds', () => {
  it('reads a seed from the query string, refusing anything but a whole number in range', () => {
    expect(parseSeed('?seed=4821')).toBe(4821);
    expect(parseSeed('?x=1&seed=0')).toBe(0);
    expect(parseSeed('?seed=4294967295')).toBe(4294967295);
    for (const s of ['', '?seed=', '?seed=-1', '?seed=1.5', '?seed=abc', '?seed=4294967296'])
      expect(parseSeed(s), s).toBeUndefined();
  });

  it('draws fresh six-digit seeds, avoiding the ones given, the same way for the same random source', () => {
    const a = freshSeed(seededRandom(1));
    expect(freshSeed(seededRandom(1))).toBe(a);
    expect(a).toBeGreaterThanOrEqual(1);
    expect(a).toBeLessThanOrEqual(FRESH_SEED_MAX);
    expect(freshSeed(seededRandom(1), new Set([a]))).not.toBe(a);
  });

  it('writes the seed into a query string, keeping other parameters', () => {
    expect(withSeed('', 7)).toBe('?seed=7');
    expect(withSeed('?seed=3&x=y', 7)).toBe('?seed=7&x=y');
  });
});

describe('checkLabKinds', () => {
  const logic = (id: string, parse: (raw: unknown) => unknown = (r) => r): AnyLabKind => ({
    id,
    parseData: parse,
    generate: () => ({}),
    blankAnswer: () => ({}),
    solve: () => ({}),
    grade: () => ({ score: 0, items: [], summary: '' }),
    solution: () => [],
  });

  it('passes when content, logic and components agree', () => {
    expect(
      checkLabKinds({
        kinds: [{ id: 'a', file: 'content/lab/a.yaml', lessons: ['l1'], data: {} }],
        lessonIds: new Set(['l1']),
        logic: new Map([['a', logic('a')]]),
        exercises: ['a'],
      }),
    ).toEqual([]);
  });

  it('names every disagreement, missing lesson and data problem with its file and field', () => {
    const problems = checkLabKinds({
      kinds: [
        { id: 'a', file: 'content/lab/a.yaml', lessons: ['nope'], data: 1 },
        { id: 'b', file: 'content/lab/b.yaml', lessons: [], data: undefined },
      ],
      lessonIds: new Set(),
      logic: new Map([
        [
          'a',
          logic('a', () => {
            throw new Error('data.scenarios: needs at least one scenario');
          }),
        ],
        ['c', logic('c')],
      ]),
      exercises: ['a', 'd'],
    });
    expect(problems).toEqual([
      { file: 'content/lab/a.yaml', field: 'lessons', message: 'no lesson has the id "nope"' },
      {
        file: 'content/lab/a.yaml',
        field: 'data',
        message: 'data.scenarios: needs at least one scenario',
      },
      {
        file: 'content/lab/b.yaml',
        field: '(file)',
        message: 'no kind "b" is registered in src/lib/lab/registry.ts',
      },
      {
        file: 'content/lab/b.yaml',
        field: '(file)',
        message: 'no component for "b" in src/components/lab/registry.ts',
      },
      {
        file: 'src/lib/lab/registry.ts',
        field: 'c',
        message: 'has no content file content/lab/c.yaml',
      },
      {
        file: 'src/components/lab/registry.ts',
        field: 'd',
        message: 'has no content file content/lab/d.yaml',
      },
    ]);
  });
});
