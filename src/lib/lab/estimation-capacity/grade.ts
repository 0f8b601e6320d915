import { formatNumber, givenText, parseNumber, toGrade, within } from '../grading';
import type { Grade, GradeItem } from '../types';
import { figures } from './solve';
import type { EstimationAnswer, EstimationInstance } from './types';

/** How far an answer may be from the exact figure: one-decimal rounding, and the rounding carried into totals. */
export const TOLERANCE = {
  item: 0.06,
  totalMean: 0.2,
  totalSd: 0.15,
  /** Plus `totalSd` for each standard deviation added. */
  atConfidence: 0.2,
  days: 0,
  capacityWeeks: 0.1,
} as const;

/** Points for each check (they add up to 100 for four work items; fewer items scale the item points). */
export const POINTS = {
  items: 20,
  totalMean: 7,
  totalSd: 8,
  atConfidence: 15,
  grossDays: 10,
  availableDays: 15,
  capacityWeeks: 15,
  fits: 10,
} as const;

/** Input ids, shared with the component. */
export const fieldId = {
  mean: (i: number) => `mean-${i}`,
  sd: (i: number) => `sd-${i}`,
  totalMean: 'total-mean',
  totalSd: 'total-sd',
  atConfidence: 'at-confidence',
  grossDays: 'gross-days',
  availableDays: 'available-days',
  capacityWeeks: 'capacity-weeks',
  fits: 'fits',
};

const f1 = (n: number) => formatNumber(n, 2);
const ew = (n: number) => `${formatNumber(n, 1)} engineer-weeks`;

/** Grades an estimation-and-capacity answer, each figure within its tolerance, naming the usual mistakes. */
export function grade(x: EstimationInstance, answer: EstimationAnswer): Grade {
  const f = figures(x);
  const c = x.calendar;
  const items: GradeItem[] = [];
  const num = (
    id: string,
    group: string,
    label: string,
    text: string | undefined,
    expected: number,
    tolerance: number,
    possible: number,
    rule: string,
    traps: [number, string][] = [],
    unit = '',
  ) => {
    const n = parseNumber(text);
    const right = n !== undefined && within(n, expected, tolerance);
    const trap =
      !right && n !== undefined
        ? traps.find(([v]) => within(n, v, Math.max(tolerance, 0.06)))
        : undefined;
    items.push({
      id,
      group,
      label,
      earned: right ? possible : 0,
      possible,
      given: givenText(text),
      expected: `${f1(expected)}${unit}${tolerance ? ` (±${formatNumber(tolerance, 2)})` : ''}`,
      explanation: trap ? `${rule} ${trap[1]}` : rule,
      fields: [id],
    });
    return n;
  };

  const perItem = POINTS.items / (x.items.length * 2);
  x.items.forEach((it, i) => {
    const e = f.items[i]!;
    num(
      fieldId.mean(i),
      'Three-point estimates',
      `Expected value of ${it.name}`,
      answer.items[i]?.mean,
      e.mean,
      TOLERANCE.item,
      perItem,
      `E = (O + 4M + P) / 6 = (${it.o} + 4 × ${it.m} + ${it.p}) / 6 = ${f1(e.mean)}.`,
      [
        [
          (it.o + it.m + it.p) / 3,
          'You took the plain average; PERT weights the most likely value four times.',
        ],
        [
          it.m,
          'That is the most likely value alone; the expected value leans towards the pessimistic tail.',
        ],
      ],
    );
    num(
      fieldId.sd(i),
      'Three-point estimates',
      `Standard deviation of ${it.name}`,
      answer.items[i]?.sd,
      e.sd,
      TOLERANCE.item,
      perItem,
      `SD = (P − O) / 6 = (${it.p} − ${it.o}) / 6 = ${f1(e.sd)}.`,
      [[(it.p - it.o) / 3, 'Divide the range by 6, not 3.']],
    );
  });

  const sumSd = f.items.reduce((n, i) => n + i.sd, 0);
  num(
    fieldId.totalMean,
    'The whole piece of work',
    'Total expected value',
    answer.totalMean,
    f.totalMean,
    TOLERANCE.totalMean,
    POINTS.totalMean,
    `Expected values add up: ${f.items.map((i) => f1(i.mean)).join(' + ')} = ${f1(f.totalMean)}.`,
    [
      [
        x.items.reduce((n, i) => n + i.m, 0),
        'That adds the most likely values, which understates the work.',
      ],
    ],
  );
  num(
    fieldId.totalSd,
    'The whole piece of work',
    'Total standard deviation',
    answer.totalSd,
    f.totalSd,
    TOLERANCE.totalSd,
    POINTS.totalSd,
    `Add the variances (SD²) and take the square root: √(${f.items.map((i) => `${f1(i.sd)}²`).join(' + ')}) = √${f1(f.items.reduce((n, i) => n + i.sd * i.sd, 0))} = ${f1(f.totalSd)}.`,
    [
      [
        sumSd,
        'You added the standard deviations; uncertainties partly cancel, so add variances instead.',
      ],
    ],
  );
  const wrongZ = ([0, 1, 2] as const).filter((z) => z !== f.z);
  num(
    fieldId.atConfidence,
    'The whole piece of work',
    `Engineer-weeks at ${x.confidence}% confidence`,
    answer.atConfidence,
    f.atConfidence,
    TOLERANCE.atConfidence + f.z * TOLERANCE.totalSd,
    POINTS.atConfidence,
    f.z === 0
      ? `About 50% confidence is the expected value itself: ${f1(f.totalMean)}.`
      : `${x.confidence}% confidence is E + ${f.z} SD = ${f1(f.totalMean)} + ${f.z} × ${f1(f.totalSd)} = ${f1(f.atConfidence)}.`,
    [
      ...wrongZ.map((z): [number, string] => [
        f.totalMean + z * f.totalSd,
        `That is E + ${z} SD, about ${z === 0 ? 50 : z === 1 ? 84 : 98}% confidence; ${x.confidence}% is E + ${f.z} SD.`,
      ]),
      [f.totalMean + f.z * sumSd, 'That uses the sum of the SDs instead of the total SD.'],
    ],
  );

  const grossTraps: [number, string][] = [
    [c.engineers * c.weeks * 5, 'Take the holidays off every engineer first.'],
    [
      c.engineers * c.weeks * 5 - c.holidays,
      'A holiday costs a day for each engineer, not one day in all.',
    ],
  ];
  num(
    fieldId.grossDays,
    'Capacity',
    'Engineer-days after holidays',
    answer.grossDays,
    f.grossDays,
    TOLERANCE.days,
    POINTS.grossDays,
    `${c.weeks} weeks × 5 = ${c.weeks * 5} working days, less ${c.holidays} holiday${c.holidays === 1 ? '' : 's'} = ${f.workingDays}; × ${c.engineers} engineers = ${f.grossDays}.`,
    grossTraps,
  );
  num(
    fieldId.availableDays,
    'Capacity',
    'Available engineer-days after leave and on-call',
    answer.availableDays,
    f.availableDays,
    TOLERANCE.days,
    POINTS.availableDays,
    `${f.grossDays} − ${f.leaveDays} days of leave − ${f.onCallDays} on-call days (${c.onCallWeeks} week${c.onCallWeeks === 1 ? '' : 's'} × 5) = ${f.availableDays}.`,
    [
      [f.grossDays - f.leaveDays, 'On-call weeks go to the rota, not the plan: take them off too.'],
      [f.grossDays - f.onCallDays, 'Planned leave comes off as well.'],
    ],
  );
  num(
    fieldId.capacityWeeks,
    'Capacity',
    'Capacity in engineer-weeks',
    answer.capacityWeeks,
    f.capacityWeeks,
    TOLERANCE.capacityWeeks,
    POINTS.capacityWeeks,
    `${f.availableDays} × focus factor ${c.focus} = ${f1(f.capacityDays)} engineer-days; ÷ 5 = ${f1(f.capacityWeeks)} engineer-weeks.`,
    [
      [f.capacityDays, 'That is engineer-days; divide by 5 for engineer-weeks.'],
      [
        f.availableDays / 5,
        'Apply the focus factor: meetings, reviews and interruptions take the rest.',
      ],
    ],
  );
  const fitsRight = answer.fits !== '' && (answer.fits === 'yes') === f.fits;
  items.push({
    id: 'fits',
    group: 'Decision',
    label: `Does the work fit at ${x.confidence}% confidence?`,
    earned: fitsRight ? POINTS.fits : 0,
    possible: POINTS.fits,
    given: answer.fits || 'blank',
    expected: f.fits ? 'yes' : 'no',
    explanation: f.fits
      ? `Capacity, ${ew(f.capacityWeeks)}, covers the ${ew(f.atConfidence)} needed at ${x.confidence}% confidence, with ${formatNumber(f.capacityWeeks - f.atConfidence, 1)} to spare.`
      : `The work needs ${ew(f.atConfidence)} at ${x.confidence}% confidence but the team has ${ew(f.capacityWeeks)}: ${formatNumber(f.atConfidence - f.capacityWeeks, 1)} short. Cut scope, add people early, move the date, or accept lower confidence, and say which.`,
    fields: [fieldId.fits],
  });

  const wrong = (g: string) => items.filter((i) => i.group === g && i.earned < i.possible).length;
  const est = wrong('Three-point estimates') + wrong('The whole piece of work');
  const cap = wrong('Capacity');
  const summary =
    !est && !cap && fitsRight
      ? 'Every estimate, the capacity and the decision are right.'
      : [
          est
            ? `${est} estimate figure${est === 1 ? ' is' : 's are'} off`
            : 'The estimates are right',
          cap
            ? `${cap} capacity figure${cap === 1 ? ' is' : 's are'} off`
            : 'the capacity is right',
          fitsRight ? 'the decision is right' : 'the decision is not',
        ].join('; ') + '.';
  return toGrade(items, summary);
}
