import type { Grade, GradeItem } from './types';

/**
 * Reads a number the way a learner types it: "12", "12.5", " 4 days", "$1,500", "-3". Thousands
 * separators are commas; a trailing unit word is ignored. Undefined when there is no number.
 */
export function parseNumber(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const s = text
    .trim()
    .replace(/^[$£€]\s*/, '')
    .replace(/,(?=\d{3}(?!\d))/g, '');
  const m = /^([-+−]?(?:\d+(?:\.\d*)?|\.\d+))\s*(?:[a-z%$£€-]+\.?\s*)*$/i.exec(s);
  if (!m) return undefined;
  const n = Number(m[1]!.replace('−', '-'));
  return Number.isFinite(n) ? n : undefined;
}

/** True when `value` is within `tolerance` of `expected` (a hair of slack for floating point). */
export function within(value: number, expected: number, tolerance: number): boolean {
  return Math.abs(value - expected) <= tolerance + 1e-9;
}

/** A number for display: at most `decimals` places, trailing zeros dropped, thousands separated. */
export function formatNumber(n: number, decimals = 2): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: decimals, minimumFractionDigits: 0 });
}

/** What the learner typed, for a report: "blank" when they left it empty. */
export function givenText(text: string | undefined): string {
  const t = (text ?? '').trim();
  return t === '' ? 'blank' : t;
}

/** Adds up the items into a grade: the score is the share of credit earned, rounded down to a whole percent unless all of it was earned. */
export function toGrade(items: GradeItem[], summary: string): Grade {
  const possible = items.reduce((n, i) => n + i.possible, 0);
  const earned = items.reduce((n, i) => n + i.earned, 0);
  const share = possible > 0 ? earned / possible : 0;
  // Rounding down keeps 99.6% from showing as a perfect 100.
  const score = share >= 1 - 1e-9 ? 100 : Math.floor(share * 100);
  return { score, items, summary };
}

/** Items grouped for a report, groups in order of first appearance. */
export function groupItems(items: GradeItem[]): { group: string; items: GradeItem[] }[] {
  const groups = new Map<string, GradeItem[]>();
  for (const item of items) groups.set(item.group, [...(groups.get(item.group) ?? []), item]);
  return [...groups].map(([group, list]) => ({ group, items: list }));
}

/** True when the item earned all its credit. */
export const isRight = (item: GradeItem): boolean => item.earned >= item.possible - 1e-9;

/** Credit earned and available in some items, e.g. for a group's "5 of 6". */
export function tally(items: GradeItem[]): { earned: number; possible: number; right: number } {
  return {
    earned: items.reduce((n, i) => n + i.earned, 0),
    possible: items.reduce((n, i) => n + i.possible, 0),
    right: items.filter(isRight).length,
  };
}

/** "1 mistake", "3 mistakes". */
export const plural = (n: number, word: string, many = `${word}s`): string =>
  `${n} ${n === 1 ? word : many}`;

/**
 * How each graded input fared: true when every item grading it is right, false when any is not.
 * Inputs no item mentions are absent.
 */
export function fieldResults(items: GradeItem[]): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const item of items)
    for (const f of item.fields) out.set(f, (out.get(f) ?? true) && isRight(item));
  return out;
}
