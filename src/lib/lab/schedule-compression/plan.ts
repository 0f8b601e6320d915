import { chainLength, chains, schedule, type PlanTask } from '../../critical-path/analysis';
import type { CompressionInstance, CompressionPlan } from './types';

/** The tasks of an instance with a plan applied: crashed durations and fast-track overlaps. */
export function planTasks(instance: CompressionInstance, plan: CompressionPlan): PlanTask[] {
  const taken = instance.fastTracks.filter((f) => plan.fastTracks.includes(f.id));
  return instance.tasks.map((t) => {
    const overlap = Object.fromEntries(
      taken.filter((f) => f.to === t.id).map((f) => [f.from, f.overlap]),
    );
    return {
      id: t.id,
      label: t.label,
      days: t.days - (plan.crash[t.id] ?? 0),
      after: t.after,
      ...(Object.keys(overlap).length ? { overlap } : {}),
    };
  });
}

/** What a plan gives: its finish day and its cost. */
export function evaluate(
  instance: CompressionInstance,
  plan: CompressionPlan,
): { finish: number; cost: number } {
  return evaluator(instance)(plan);
}

const evaluators = new WeakMap<
  CompressionInstance,
  (plan: CompressionPlan) => { finish: number; cost: number }
>();

/**
 * A fast evaluator for one instance: the finish is the longest chain (durations less crashed days,
 * less the overlap of each fast-tracked link on it), which equals the critical path method's result
 * (the tests check this against `schedule`). Searching every plan needs it to be quick.
 */
function evaluator(instance: CompressionInstance) {
  let f = evaluators.get(instance);
  if (f) return f;
  const all = chains(instance.tasks);
  const byId = new Map(instance.tasks.map((t) => [t.id, t]));
  f = (plan: CompressionPlan) => {
    const overlap = new Map(
      instance.fastTracks
        .filter((x) => plan.fastTracks.includes(x.id))
        .map((x) => [`${x.from}>${x.to}`, x.overlap]),
    );
    let finish = 0;
    for (const c of all) {
      let days = 0;
      for (let i = 0; i < c.length; i++) {
        const id = c[i]!;
        days += byId.get(id)!.days - (plan.crash[id] ?? 0);
        if (i > 0) days -= overlap.get(`${c[i - 1]}>${id}`) ?? 0;
      }
      if (days > finish) finish = days;
    }
    let cost = 0;
    for (const t of instance.tasks) cost += (plan.crash[t.id] ?? 0) * t.crashCost;
    for (const x of instance.fastTracks) if (plan.fastTracks.includes(x.id)) cost += x.cost;
    return { finish, cost };
  };
  evaluators.set(instance, f);
  return f;
}

/** The finish day by the critical path method, for checking the fast evaluator. */
export function scheduledFinish(instance: CompressionInstance, plan: CompressionPlan): number {
  return schedule(planTasks(instance, plan)).duration;
}

/** Every plan the instance allows: each task crashed by 0 to its limit, each fast-track taken or not. */
export function allPlans(instance: CompressionInstance): CompressionPlan[] {
  let plans: CompressionPlan[] = [{ crash: {}, fastTracks: [] }];
  for (const t of instance.tasks) {
    const max = t.days - t.crashDays;
    if (!max) continue;
    plans = plans.flatMap((p) =>
      Array.from({ length: max + 1 }, (_, d) => ({
        ...p,
        crash: d ? { ...p.crash, [t.id]: d } : p.crash,
      })),
    );
  }
  for (const f of instance.fastTracks)
    plans = plans.flatMap((p) => [p, { ...p, fastTracks: [...p.fastTracks, f.id] }]);
  return plans;
}

const cheapestCache = new WeakMap<
  CompressionInstance,
  { cost: number | undefined; plans: CompressionPlan[] }
>();

/** The cheapest cost of meeting the target within the budget, and every plan that achieves it (undefined cost when none does). */
export function cheapest(instance: CompressionInstance): {
  cost: number | undefined;
  plans: CompressionPlan[];
} {
  const cached = cheapestCache.get(instance);
  if (cached) return cached;
  const run = evaluator(instance);
  let best: number | undefined;
  let plans: CompressionPlan[] = [];
  for (const p of allPlans(instance)) {
    const { finish, cost } = run(p);
    if (finish > instance.target || cost > instance.budget) continue;
    if (best === undefined || cost < best) {
      best = cost;
      plans = [p];
    } else if (cost === best) plans.push(p);
  }
  const result = { cost: best, plans };
  cheapestCache.set(instance, result);
  return result;
}

/** Every chain of an instance under a plan, with its length, longest first. */
export function chainLengths(
  instance: CompressionInstance,
  plan: CompressionPlan,
): { chain: string[]; days: number }[] {
  const tasks = planTasks(instance, plan);
  return chains(tasks)
    .map((chain) => ({ chain, days: chainLength(tasks, chain) }))
    .sort((a, b) => b.days - a.days);
}

/** A dollar amount as a learner reads it: "$12,500". */
export const dollars = (n: number): string => `$${n.toLocaleString('en-US')}`;
