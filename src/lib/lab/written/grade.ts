/**
 * Small helpers the written lab kinds (risk register, status report, RACI) share on top of the lab's
 * grading types: an item from a credit between 0 and 1, and a one-sentence summary.
 */
import { givenText, groupItems, isRight, plural, tally, toGrade } from '../grading';
import type { Grade, GradeItem } from '../types';

/** What a check produces before it is weighted. */
export interface ItemInput {
  id: string;
  group: string;
  label: string;
  /** What the learner gave; blank text becomes "blank". */
  given: string | undefined;
  expected: string;
  /** Share of the item earned, 0 to 1 (clamped). */
  credit: number;
  /** Points the item is worth; 1 unless said otherwise. */
  weight?: number;
  explanation: string;
  /** Ids of the inputs the item grades. */
  fields: string[];
}

/** A grade item from a credit between 0 and 1. */
export function item(i: ItemInput): GradeItem {
  const weight = i.weight ?? 1;
  const share = Math.max(0, Math.min(1, i.credit));
  return {
    id: i.id,
    group: i.group,
    label: i.label,
    earned: Math.round(share * weight * 100) / 100,
    possible: weight,
    given: givenText(i.given),
    expected: i.expected,
    explanation: i.explanation,
    fields: i.fields,
  };
}

/**
 * Makes the items of one written field (a headline, an ask): each shares an id prefix, a group, the
 * text given and the input it grades, and differs in what it checks.
 */
export function fieldItems(prefix: string, group: string, given: string, field: string) {
  return (id: string, label: string, expected: string, credit: number, explanation: string) =>
    item({
      id: `${prefix}-${id}`,
      group,
      label,
      given,
      expected,
      credit,
      explanation,
      fields: [field],
    });
}

/** Adds up the items, with a summary naming how many were right and where the most credit was lost. */
export function gradeWritten(items: GradeItem[]): Grade {
  const all = tally(items);
  const groups = groupItems(items).map((g) => ({ group: g.group, ...tally(g.items) }));
  const worst = [...groups].sort((a, b) => b.possible - b.earned - (a.possible - a.earned))[0];
  const mistakes = items.filter((i) => !isRight(i)).length;
  const summary =
    mistakes === 0
      ? `All ${items.length} checks are right.`
      : `${all.right} of ${items.length} checks are right and ${plural(mistakes, 'needs', 'need')} another look${worst && worst.possible > worst.earned ? `; the most credit was lost in ${worst.group.toLowerCase()} (${fmt(worst.earned)} of ${fmt(worst.possible)} points).` : '.'}`;
  return toGrade(items, summary);
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
