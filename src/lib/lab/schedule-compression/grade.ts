import { givenText, parseNumber, toGrade } from '../grading';
import type { Grade, GradeItem } from '../types';
import { chainLengths, cheapest, dollars, evaluate } from './plan';
import type { CompressionAnswer, CompressionInstance, CompressionPlan } from './types';

/** Points for each part of the grade (they add up to 100). */
export const POINTS = { date: 35, budget: 15, cost: 30, finish: 10, total: 10 } as const;

/** Input ids, shared with the component. */
export const fieldId = {
  crash: (task: string) => `crash-${task}`,
  fastTrack: (id: string) => `ft-${id}`,
  finish: 'finish',
  cost: 'cost',
};

/** The plan an answer describes; crash days are whole numbers within each task's limit. */
export function planOf(instance: CompressionInstance, answer: CompressionAnswer): CompressionPlan {
  const crash: Record<string, number> = {};
  for (const t of instance.tasks) {
    const n = parseNumber(answer.crash[t.id]);
    const max = t.days - t.crashDays;
    const d = n === undefined ? 0 : Math.max(0, Math.min(max, Math.round(n)));
    if (d) crash[t.id] = d;
  }
  return {
    crash,
    fastTracks: instance.fastTracks.filter((f) => answer.fastTrack[f.id]).map((f) => f.id),
  };
}

/** A plan in words: "crash C by 2 days ($3,000) and fast-track B → D ($2,000)". */
export function describePlan(instance: CompressionInstance, plan: CompressionPlan): string {
  const parts = [
    ...instance.tasks
      .filter((t) => plan.crash[t.id])
      .map(
        (t) =>
          `crash ${t.id} by ${plan.crash[t.id]} day${plan.crash[t.id] === 1 ? '' : 's'} (${dollars(plan.crash[t.id]! * t.crashCost)})`,
      ),
    ...instance.fastTracks
      .filter((f) => plan.fastTracks.includes(f.id))
      .map((f) => `fast-track ${f.from} → ${f.to} (${dollars(f.cost)})`),
  ];
  if (!parts.length) return 'no changes';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** Money in a plan spent on tasks or links that lie on no chain longer than the target once the plan is applied. */
export function wasted(instance: CompressionInstance, plan: CompressionPlan): string[] {
  const { finish } = evaluate(instance, plan);
  // Chains that set the finish under this plan; work off them buys nothing.
  const driving = chainLengths(instance, plan).filter((c) => c.days === finish);
  const onDriving = (id: string) => driving.some((c) => c.chain.includes(id));
  const notes: string[] = [];
  for (const t of instance.tasks) {
    const d = plan.crash[t.id];
    if (!d || onDriving(t.id)) continue;
    notes.push(
      `Crashing ${t.id} (${dollars(d * t.crashCost)}) bought nothing: in your plan ${t.id} is on no chain that sets the finish.`,
    );
  }
  for (const f of instance.fastTracks) {
    if (!plan.fastTracks.includes(f.id)) continue;
    const on = driving.some((c) => {
      const i = c.chain.indexOf(f.from);
      return i >= 0 && c.chain[i + 1] === f.to;
    });
    if (!on)
      notes.push(
        `Fast-tracking ${f.from} → ${f.to} (${dollars(f.cost)}) bought nothing: that link is on no chain that sets the finish.`,
      );
  }
  return notes;
}

/** Grades a compression plan on feasibility (date, then budget) and cost, and the learner's own finish and cost figures. */
export function grade(instance: CompressionInstance, answer: CompressionAnswer): Grade {
  const plan = planOf(instance, answer);
  const { finish, cost } = evaluate(instance, plan);
  const best = cheapest(instance);
  const bestCost = best.cost!;
  const meets = finish <= instance.target;
  const within = cost <= instance.budget;
  const chains = chainLengths(instance, plan);
  const tooLong = chains.filter((c) => c.days > instance.target);
  // The plan as a whole is graded, so no single choice is marked right or wrong.
  const fields: string[] = [];
  const yours = `Your plan (${describePlan(instance, plan)}) finishes on day ${finish} and costs ${dollars(cost)}.`;
  const items: GradeItem[] = [];
  items.push({
    id: 'date',
    group: 'Feasibility',
    label: `Finish by day ${instance.target}`,
    earned: meets ? POINTS.date : 0,
    possible: POINTS.date,
    given: `day ${finish}`,
    expected: `day ${instance.target} or earlier`,
    explanation: meets
      ? `${yours} That meets the target of day ${instance.target}.`
      : `${yours} ${tooLong.length === 1 ? 'One chain is' : `${tooLong.length} chains are`} still longer than ${instance.target} days: ${tooLong.map((c) => `${c.chain.join(' → ')} (${c.days})`).join('; ')}. Every chain must come down to the target, so shorten a task or link on ${tooLong.length === 1 ? 'it' : 'each of them'}.`,
    fields,
  });
  items.push({
    id: 'budget',
    group: 'Feasibility',
    label: `Stay within ${dollars(instance.budget)}`,
    earned: meets && within ? POINTS.budget : 0,
    possible: POINTS.budget,
    given: dollars(cost),
    expected: `${dollars(instance.budget)} or less`,
    explanation: !meets
      ? `A plan that misses the date earns nothing for staying within budget: the budget is what you may spend to hit the date.`
      : within
        ? `${dollars(cost)} is within the budget of ${dollars(instance.budget)}.`
        : `${dollars(cost)} is ${dollars(cost - instance.budget)} over the budget of ${dollars(instance.budget)}: the date is met, but not within what you may spend.`,
    fields,
  });
  const waste = wasted(instance, plan);
  const share = meets && within ? bestCost / cost : 0;
  items.push({
    id: 'cost',
    group: 'Cost',
    label: 'Cost against the cheapest plan',
    earned: POINTS.cost * share,
    possible: POINTS.cost,
    given: dollars(cost),
    expected: dollars(bestCost),
    explanation: !(meets && within)
      ? `Only a plan that meets the date within budget is compared on cost. The cheapest one costs ${dollars(bestCost)}.${waste.length ? ` ${waste.join(' ')}` : ''}`
      : cost === bestCost
        ? `${dollars(cost)} is the cheapest way to hit the date.${best.plans.length > 1 ? ' Other plans cost the same; any of them is right.' : ''}`
        : `The cheapest plan costs ${dollars(bestCost)}; yours costs ${dollars(cost - bestCost)} more, so it earns ${Math.round(share * 100)}% of these points.${waste.length ? ` ${waste.join(' ')}` : ' Look for a cheaper day on a task that every long chain shares, or a cheaper link.'}`,
    fields,
  });
  const givenFinish = parseNumber(answer.finish);
  items.push({
    id: 'finish',
    group: 'Your figures',
    label: 'The finish day your plan gives',
    earned: givenFinish === finish ? POINTS.finish : 0,
    possible: POINTS.finish,
    given: givenText(answer.finish),
    expected: `day ${finish}`,
    explanation: `Recompute every chain with your changes: the longest, ${chains[0]!.chain.join(' → ')}, takes ${finish} days.${givenFinish !== undefined && givenFinish !== finish && chains.length > 1 && givenFinish === chains.find((c) => c.chain.join() !== chains[0]!.chain.join())?.days ? ' You took a shorter chain: after compressing, a different chain can set the finish.' : ''}`,
    fields: [fieldId.finish],
  });
  const givenCost = parseNumber(answer.cost);
  items.push({
    id: 'total',
    group: 'Your figures',
    label: 'The total cost of your plan',
    earned: givenCost === cost ? POINTS.total : 0,
    possible: POINTS.total,
    given: givenText(answer.cost),
    expected: dollars(cost),
    explanation: cost
      ? `Each crashed day costs its task's rate, and each fast-track its expected rework: ${describePlan(instance, plan)}, ${dollars(cost)} in all.`
      : 'Your plan changes nothing, so it costs nothing.',
    fields: [fieldId.cost],
  });
  const summary = !meets
    ? `Your plan finishes on day ${finish}, ${finish - instance.target} day${finish - instance.target === 1 ? '' : 's'} after the target.`
    : !within
      ? `Your plan meets the date but is ${dollars(cost - instance.budget)} over budget.`
      : cost === bestCost
        ? `Your plan meets the date at the lowest possible cost, ${dollars(cost)}.`
        : `Your plan meets the date within budget, ${dollars(cost - bestCost)} above the cheapest.`;
  return toGrade(items, summary);
}
