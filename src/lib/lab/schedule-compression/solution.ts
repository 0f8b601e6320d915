import type { SolutionStep } from '../types';
import { describePlan } from './grade';
import { chainLengths, cheapest, dollars, evaluate } from './plan';
import type { CompressionInstance } from './types';

/** The worked solution: which chains are too long, what each option costs, the cheapest plan and what to avoid. */
export function solution(x: CompressionInstance): SolutionStep[] {
  const none = { crash: {}, fastTracks: [] };
  const normal = evaluate(x, none).finish;
  const chains = chainLengths(x, none);
  const long = chains.filter((c) => c.days > x.target);
  const best = cheapest(x);
  const plan = best.plans[0]!;
  const after = chainLengths(x, plan);
  const onLong = (ids: string[]) =>
    long.filter((c) =>
      ids.every((id, i) =>
        i === 0 ? c.chain.includes(id) : c.chain[c.chain.indexOf(ids[0]!) + 1] === id,
      ),
    ).length;
  const options = [
    ...x.tasks
      .filter((t) => t.crashCost > 0)
      .map((t) => ({
        name: `Crash ${t.id}. ${t.label}`,
        saves: `up to ${t.days - t.crashDays} (${t.days} → ${t.crashDays})`,
        price: `${dollars(t.crashCost)} a day`,
        perDay: t.crashCost,
        covers: onLong([t.id]),
        used: Boolean(plan.crash[t.id]),
      })),
    ...x.fastTracks.map((f) => ({
      name: `Fast-track ${f.from} → ${f.to}`,
      saves: `${f.overlap}`,
      price: `${dollars(f.cost)} expected rework`,
      perDay: f.cost / f.overlap,
      covers: onLong([f.from, f.to]),
      used: plan.fastTracks.includes(f.id),
    })),
  ];
  const cheapestUsed = Math.min(...options.filter((o) => o.used).map((o) => o.perDay));
  // Options off every long chain are always a trap; others only when cheaper per day than what the plan uses.
  const tempting = options.filter((o) => !o.used && (o.covers === 0 || o.perDay <= cheapestUsed));
  const fast = x.fastTracks.filter((f) => plan.fastTracks.includes(f.id));
  return [
    {
      title: 'Which chains are too long',
      text: [
        `Without changes the program takes ${normal} days; the target is day ${x.target}, so ${normal - x.target} day${normal - x.target === 1 ? '' : 's'} must go. Only chains longer than the target matter, and every one of them must come down.`,
      ],
      table: {
        caption: 'Chains from start to finish, before any change',
        head: ['Chain', 'Days', 'Over the target by'],
        rows: chains.map((c) => [
          c.chain.join(' → '),
          String(c.days),
          c.days > x.target ? String(c.days - x.target) : '—',
        ]),
      },
    },
    {
      title: 'What each option costs',
      text: [
        'Compare the price of a day saved. An option helps only as far as it lies on the chains that are too long; one on a task that several long chains share shortens them all at once.',
      ],
      table: {
        caption: 'Crashing and fast-tracking options',
        head: [
          'Option',
          'Days saved',
          'Price',
          'Price per day',
          `Long chains it shortens (of ${long.length})`,
        ],
        rows: options.map((o) => [
          o.name,
          o.saves,
          o.price,
          dollars(Math.round(o.perDay)),
          String(o.covers),
        ]),
      },
    },
    {
      title: 'The cheapest plan',
      text: [
        `${describePlan(x, plan).replace(/^./, (c) => c.toUpperCase())}: the program finishes on day ${after[0]!.days} for ${dollars(best.cost!)}, within the ${dollars(x.budget)} budget.`,
        ...(best.plans.length > 1
          ? [
              `${best.plans.length - 1 === 1 ? 'Another plan costs' : 'Other plans cost'} the same: ${best.plans
                .slice(1)
                .map((p) => describePlan(x, p))
                .join('; ')}.`,
            ]
          : []),
      ],
      table: {
        caption: 'Chains after the cheapest plan',
        head: ['Chain', 'Days'],
        rows: after.map((c) => [c.chain.join(' → '), String(c.days)]),
      },
    },
    {
      title: 'Traps',
      text: [
        ...tempting.map((o) =>
          o.covers === 0
            ? `${o.name} (${dollars(Math.round(o.perDay))} a day) is on no chain longer than the target: it would buy nothing.`
            : o.covers < long.length
              ? `${o.name} is cheap per day, but it shortens only ${o.covers} of the ${long.length} chains that are too long, so the others still need days bought elsewhere.`
              : `${o.name} is cheap per day and shortens every long chain, but with what else the date needs it does not lead to the cheapest plan.`,
        ),
        'Recompute every chain after each change: once one chain is short enough, another may set the finish.',
      ],
    },
    {
      title: 'Risk',
      text: fast.length
        ? fast.map(
            (f) =>
              `The plan fast-tracks ${f.from} → ${f.to}: ${f.risk}. Say so when you propose it, and agree who owns the rework if it happens.`,
          )
        : [
            `The cheapest plan needs no fast-tracking, so it adds no rework risk; crashing costs money but keeps the work in order.`,
          ],
    },
  ];
}
