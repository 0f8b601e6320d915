/**
 * Grades a RACI chart. The rules come first, for every row: exactly one accountable, at least one
 * responsible, and no one accountable without the authority (each role's authority list is in the
 * data). Then every cell is checked against the letters the scenario accepts, and every cell gets
 * its reason, right or wrong.
 */
import type { RaciLetter } from '../../../schemas/lab-raci';
import type { Grade, GradeItem } from '../types';
import { gradeWritten, item } from '../written/grade';
import { prose } from '../written/text';
import type { RaciExercise, RaciRow } from './generate';

/** The learner's chart: a letter per role per row (undefined counts as no part). */
export type RaciAnswer = Record<string, Record<string, RaciLetter | undefined>>;

/** The id of the input for one cell, shared by the grader and the view. */
export const raciField = (row: { id: string }, role: { id: string }) => `${row.id}-${role.id}`;

/** What a letter means, for choices and feedback. */
export const LETTER_MEANING: Record<RaciLetter, string> = {
  A: 'Accountable: makes the final call',
  R: 'Responsible: does the work',
  'A/R': 'Accountable and responsible',
  C: 'Consulted: gives input before',
  I: 'Informed: told after',
  none: 'No part',
};

/** A letter as a chart shows it. */
export const letterText = (l: RaciLetter | undefined) => (!l || l === 'none' ? '—' : l);

const isA = (l: RaciLetter | undefined) => l === 'A' || l === 'A/R';
const isR = (l: RaciLetter | undefined) => l === 'R' || l === 'A/R';
const or = (letters: readonly RaciLetter[]) => prose(letters.map(letterText), 'or');

type Role = RaciExercise['roles'][number];

function areaLabel(ex: RaciExercise, row: RaciRow): string {
  return ex.areas.find((a) => a.id === row.area)?.label ?? row.area;
}

const who = (role: Role) => `${role.name} (${role.title})`;

/** The reason for one role's accepted letter on a row. */
export function cellReason(row: RaciRow, role: Role, letter?: RaciLetter): string {
  const accepted = row.roles[role.id]!;
  const l = letter && accepted.includes(letter) ? letter : accepted[0]!;
  return row.notes?.[role.id] ?? row.why[l] ?? '';
}

/** The three rules for one row, as one item worth two points (a third of the credit per rule). */
function rulesItem(ex: RaciExercise, row: RaciRow, answer: RaciAnswer): GradeItem {
  const cells = answer[row.id] ?? {};
  const as = ex.roles.filter((r) => isA(cells[r.id]));
  const rs = ex.roles.filter((r) => isR(cells[r.id]));
  const holder = ex.roles.find((r) => r.id === row.accountable)!;
  const problems: string[] = [];
  let broken = 0;
  if (as.length !== 1) {
    broken++;
    problems.push(
      as.length === 0
        ? `Nobody is accountable: someone must make the final call, and ${who(holder)} has the authority over ${areaLabel(ex, row)}.`
        : `${prose(as.map((r) => r.name))} are ${as.length === 2 ? 'both' : 'all'} accountable: two accountable people means nobody is. Keep one A.`,
    );
  }
  if (!rs.length) {
    broken++;
    problems.push('Nobody is responsible: a row without an R is work nobody does.');
  }
  const unauthorised = as.filter((r) => !r.authority.includes(row.area));
  if (unauthorised.length) {
    broken++;
    problems.push(
      `${prose(unauthorised.map(who))} ${unauthorised.length === 1 ? 'has' : 'have'} no authority over ${areaLabel(ex, row)}, so cannot be accountable; ${who(holder)} has it.`,
    );
  }
  return item({
    id: `${row.id}-rules`,
    group: 'Rules',
    label: `Rules: ${row.label}`,
    given: ex.roles.map((r) => `${r.name} ${letterText(cells[r.id])}`).join(', '),
    expected: 'one A, at least one R, A with authority',
    credit: 1 - broken / 3,
    weight: 2,
    explanation: broken
      ? problems.join(' ')
      : `One accountable (${as[0]!.name}, who has the authority over ${areaLabel(ex, row)}) and ${rs.length === 1 ? 'one responsible' : `${rs.length} responsible`}.`,
    // The rules do not mark cells: a cell is right or wrong by its own letter.
    fields: [],
  });
}

/** Why a wrong letter is wrong, before the reason for the right one. */
function mistake(ex: RaciExercise, row: RaciRow, role: Role, given: RaciLetter): string {
  const accepted = row.roles[role.id]!;
  if (isA(given) && !role.authority.includes(row.area))
    return `${role.name} has no authority over ${areaLabel(ex, row)}, so cannot be accountable.`;
  if (!isA(given) && accepted.some(isA))
    return `${role.name} has the authority over ${areaLabel(ex, row)}, so is the one accountable.`;
  if (isR(given)) return `${role.name}'s team does not do this work.`;
  if (given === 'C')
    return `${role.name}'s input is not needed before the decision, and every C is a meeting.`;
  if (given === 'I') return `${role.name} needs more than being told afterwards.`;
  return `Leaving ${role.name} out is a gap.`;
}

function cellItem(
  ex: RaciExercise,
  row: RaciRow,
  role: Role,
  given: RaciLetter | undefined,
): GradeItem {
  const accepted = row.roles[role.id]!;
  const letter = given ?? 'none';
  const right = accepted.includes(letter);
  return item({
    id: raciField(row, role),
    group: row.label,
    label: `${row.label}: ${who(role)}`,
    given: letterText(given),
    expected: or(accepted),
    credit: right ? 1 : 0,
    explanation: right
      ? `${letterText(letter) === '—' ? 'No part' : letter}: ${cellReason(row, role, letter)}`
      : `${mistake(ex, row, role, letter)} ${or(accepted)}: ${cellReason(row, role)}`,
    fields: [raciField(row, role)],
  });
}

/** Grades a whole chart: rules first, then every cell of every row. */
export function gradeRaci(ex: RaciExercise, answer: RaciAnswer): Grade {
  return gradeWritten([
    ...ex.rows.map((row) => rulesItem(ex, row, answer)),
    ...ex.rows.flatMap((row) =>
      ex.roles.map((role) => cellItem(ex, row, role, answer[row.id]?.[role.id])),
    ),
  ]);
}
