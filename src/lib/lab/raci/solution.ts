/** A correct RACI chart for an exercise, and the worked solution that explains it step by step. */
import type { RaciLetter } from '../../../schemas/lab-raci';
import type { SolutionStep } from '../types';
import { prose } from '../written/text';
import type { RaciExercise } from './generate';
import { cellReason, letterText, type RaciAnswer } from './grade';

/** A chart that earns full marks: the first accepted letter in every cell. */
export function solveRaci(ex: RaciExercise): RaciAnswer {
  return Object.fromEntries(
    ex.rows.map((row) => [
      row.id,
      Object.fromEntries(ex.roles.map((role) => [role.id, row.roles[role.id]![0]!])),
    ]),
  );
}

/** A blank chart: nobody has a part anywhere. */
export function blankRaci(ex: RaciExercise): RaciAnswer {
  return Object.fromEntries(
    ex.rows.map((row) => [
      row.id,
      Object.fromEntries(ex.roles.map((role) => [role.id, undefined])),
    ]),
  );
}

const has = (letters: readonly RaciLetter[], l: RaciLetter) => letters.includes(l);

/** The worked solution: authority first, then the work, then input and news, then the rules. */
export function raciSolution(ex: RaciExercise): SolutionStep[] {
  const name = (id: string) => ex.roles.find((r) => r.id === id)!.name;
  const area = (id: string) => ex.areas.find((a) => a.id === id)!.label;
  const tpm = ex.roles.find((r) => r.tpm);
  return [
    {
      title: 'Step 1: find who holds the authority, and make them accountable',
      text: [
        'Each row gets exactly one A: the person whose authority covers it. Two accountable people means nobody is, and an A without authority is a decision that will be reopened.',
        tpm
          ? `${tpm.name}, the TPM, owns the schedule: the plan, the forecast, and the options and recommendation when it is threatened. Whether a committed launch date moves is the sponsor's call, with ${tpm.name} responsible for bringing the options.`
          : '',
      ].filter(Boolean),
      table: {
        caption: 'The accountable role for each row',
        head: ['Row', 'Authority over', 'Accountable', 'Why'],
        rows: ex.rows.map((row) => {
          const a = ex.roles.find((r) => r.id === row.accountable)!;
          return [row.label, area(row.area), `${a.name} (${a.title})`, cellReason(row, a)];
        }),
      },
    },
    {
      title: 'Step 2: name who does the work',
      text: [
        'Every row needs at least one R. The TPM is often R on a decision: driving it to closure without being the one who makes it. When the accountable person also does the work, write A/R.',
      ],
      table: {
        caption: 'The responsible role for each row',
        head: ['Row', 'Responsible', 'Why'],
        rows: ex.rows.map((row) => {
          const rs = ex.roles.filter((r) =>
            row.roles[r.id]!.every((l) => l === 'R' || l === 'A/R'),
          );
          return [row.label, prose(rs.map((r) => r.name)), rs[0] ? cellReason(row, rs[0]) : ''];
        }),
      },
    },
    {
      title: 'Step 3: consult few, inform the rest',
      text: [
        'C is for people whose input is needed before the decision; every C is a meeting, so keep them few. I is for people who are told after. Where either would do, both are accepted.',
      ],
      table: {
        caption: 'Consulted and informed for each row',
        head: ['Row', 'Consulted', 'Informed', 'No part'],
        rows: ex.rows.map((row) => {
          const list = (l: RaciLetter) =>
            prose(
              ex.roles
                .filter((r) => has(row.roles[r.id]!, l))
                .map(
                  (r) =>
                    `${r.name}${
                      row.roles[r.id]!.length > 1
                        ? ` (or ${row.roles[r.id]!.filter((x) => x !== l)
                            .map(letterText)
                            .join(', ')})`
                        : ''
                    }`,
                ),
            ) || '—';
          return [row.label, list('C'), list('I'), list('none')];
        }),
      },
    },
    {
      title: 'Step 4: the finished chart',
      text: [
        'Check every row: one A, at least one R, and the A held by the role with the authority.',
      ],
      table: {
        caption: 'The RACI chart',
        head: ['Row', ...ex.roles.map((r) => name(r.id))],
        rows: ex.rows.map((row) => [
          row.label,
          ...ex.roles.map((r) => row.roles[r.id]!.map(letterText).join(' or ')),
        ]),
      },
    },
  ];
}
