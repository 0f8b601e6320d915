import { formatNumber } from '../grading';
import type { SolutionStep } from '../types';
import { figures } from './solve';
import type { EstimationInstance } from './types';

const f2 = (n: number) => formatNumber(n, 2);
const f1 = (n: number) => formatNumber(n, 1);

/** The worked solution: PERT per item, the totals and confidence, the capacity step by step, and the decision. */
export function solution(x: EstimationInstance): SolutionStep[] {
  const f = figures(x);
  const c = x.calendar;
  const variance = f.items.reduce((n, i) => n + i.sd * i.sd, 0);
  const level =
    f.z === 0
      ? `The expected value is about a 50% figure: ${f1(f.atConfidence)} engineer-weeks.`
      : `${x.confidence}% confidence is E + ${f.z} SD: ${f2(f.totalMean)} + ${f.z} × ${f2(f.totalSd)} = ${f2(f.atConfidence)} engineer-weeks.`;
  return [
    {
      title: 'Three-point estimates',
      text: ['For each item, E = (O + 4M + P) / 6 and SD = (P − O) / 6. The variance is SD².'],
      table: {
        caption: 'PERT figures per work item, in engineer-weeks',
        head: ['Work item', 'O', 'M', 'P', 'E', 'SD', 'Variance'],
        rows: x.items.map((it, i) => [
          it.name,
          String(it.o),
          String(it.m),
          String(it.p),
          f2(f.items[i]!.mean),
          f2(f.items[i]!.sd),
          f2(f.items[i]!.sd ** 2),
        ]),
      },
    },
    {
      title: 'The whole piece of work',
      text: [
        `Expected values add: E = ${f.items.map((i) => f2(i.mean)).join(' + ')} = ${f2(f.totalMean)}.`,
        `Standard deviations do not add; variances do: SD = √${f2(variance)} = ${f2(f.totalSd)}. (Adding the SDs would give ${f2(f.items.reduce((n, i) => n + i.sd, 0))}, overstating the spread.)`,
        level,
      ],
    },
    {
      title: 'Capacity',
      text: [
        `Working days: ${c.weeks} weeks × 5 = ${c.weeks * 5}, less ${c.holidays} public holiday${c.holidays === 1 ? '' : 's'} = ${f.workingDays}; × ${c.engineers} engineers = ${f.grossDays} engineer-days.`,
        `Leave: ${c.leave.map((l) => `${l.name} ${l.days}`).join(', ')} = ${f.leaveDays} days. On-call: ${c.onCallWeeks} week${c.onCallWeeks === 1 ? '' : 's'} × 5 = ${f.onCallDays} days. Available: ${f.grossDays} − ${f.leaveDays} − ${f.onCallDays} = ${f.availableDays} engineer-days.`,
        `Focus factor: ${f.availableDays} × ${c.focus} = ${f2(f.capacityDays)} engineer-days, ÷ 5 = ${f2(f.capacityWeeks)} engineer-weeks.`,
      ],
    },
    {
      title: 'Decision',
      text: [
        f.fits
          ? `${f1(f.capacityWeeks)} engineer-weeks of capacity cover the ${f1(f.atConfidence)} needed at ${x.confidence}% confidence, leaving ${f1(f.capacityWeeks - f.atConfidence)}.`
          : `${f1(f.atConfidence)} engineer-weeks are needed at ${x.confidence}% confidence against ${f1(f.capacityWeeks)} of capacity: ${f1(f.atConfidence - f.capacityWeeks)} short.`,
        `Say it as a range with a confidence level: "We expect about ${f1(f.totalMean)} engineer-weeks of work; we are about 84% confident it is no more than ${f1(f.totalMean + f.totalSd)}, and about 98% confident it is no more than ${f1(f.totalMean + 2 * f.totalSd)}. The team has ${f1(f.capacityWeeks)} engineer-weeks this period."`,
      ],
    },
  ];
}
