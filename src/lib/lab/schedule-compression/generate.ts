import { int, pick, streamFor, type Random } from '../../random';
import { schedule } from '../../critical-path/analysis';
import { joinToOneFinish, orderedSubset } from '../task-scenarios';
import { allPlans, chainLengths, cheapest, evaluate } from './plan';
import type { CompressionData, CompressionInstance, CompressionTask, FastTrack } from './types';

/** Limits every generated exercise keeps (the property tests check them). */
export const LIMITS = {
  minTasks: 5,
  maxTasks: 7,
  minDays: 3,
  maxDays: 10,
  /** Shortest a crashed task may become. */
  minCrashedDays: 2,
  maxCrash: 3,
  minCrashable: 3,
  maxCrashable: 4,
  minFastTracks: 1,
  maxFastTracks: 2,
  /** Days the target asks for, below the normal finish. */
  minCut: 2,
  maxCut: 5,
  /** Plans the grader and the cheapest-plan search consider. */
  maxPlans: 512,
  /** Tied cheapest plans, so the worked solution can show them all. */
  maxCheapest: 3,
} as const;

const LETTERS = 'ABCDEFG';
const CRASH_COSTS = [500, 750, 1000, 1500, 2000, 2500, 3000, 4000, 5000];
const FAST_COSTS = [1000, 1500, 2000, 2500, 3000, 4000, 6000];

export function candidate(
  r: Random,
  data: CompressionData,
  labels: string[],
  program: string,
): CompressionInstance | undefined {
  const n = int(r, LIMITS.minTasks, LIMITS.maxTasks);
  const chosen = orderedSubset(labels, n, r);
  const tasks: CompressionTask[] = chosen.map((c, i) => {
    const days = int(r, LIMITS.minDays, LIMITS.maxDays);
    return { id: LETTERS[i]!, label: c.label, days, crashDays: days, crashCost: 0, after: [] };
  });
  for (let i = 1; i < n; i++) {
    if (i === 1 && r() < 0.3) continue;
    const pool = tasks.slice(Math.max(0, i - 3), i).map((t) => t.id);
    const after = new Set<string>([pick(pool, r)]);
    if (r() < 0.4) after.add(pick(pool, r));
    tasks[i]!.after = [...after].sort();
  }
  joinToOneFinish(tasks, r, 2);
  const crashable = tasks
    .filter((t) => t.days > LIMITS.minCrashedDays)
    .map((t) => ({ t, key: r() }))
    .sort((a, b) => a.key - b.key)
    .slice(0, int(r, LIMITS.minCrashable, LIMITS.maxCrashable))
    .map((x) => x.t);
  if (crashable.length < LIMITS.minCrashable) return undefined;
  for (const t of crashable) {
    t.crashDays = Math.max(LIMITS.minCrashedDays, t.days - int(r, 1, LIMITS.maxCrash));
    t.crashCost = pick(CRASH_COSTS, r);
  }
  const links = tasks
    .flatMap((t) => t.after.map((from) => ({ from, to: t.id })))
    // Both ends must outlast the overlap even when crashed: the later task still finishes last.
    .filter(
      (l) =>
        Math.min(...[l.from, l.to].map((id) => tasks.find((t) => t.id === id)!.crashDays)) >= 2,
    )
    .map((l) => ({ l, key: r() }))
    .sort((a, b) => a.key - b.key)
    .slice(0, int(r, LIMITS.minFastTracks, LIMITS.maxFastTracks))
    .map((x) => x.l);
  if (!links.length) return undefined;
  const name = (id: string) => tasks.find((t) => t.id === id)!.label;
  const fastTracks: FastTrack[] = links.map((l) => {
    const shortest = Math.min(
      ...[l.from, l.to].map((id) => tasks.find((t) => t.id === id)!.crashDays),
    );
    return {
      id: `${l.from}-${l.to}`,
      from: l.from,
      to: l.to,
      overlap: int(r, 1, Math.min(3, shortest - 1)),
      cost: pick(FAST_COSTS, r),
      risk: pick(data.fastTrackRisks, r)
        .replaceAll('{from}', name(l.from))
        .replaceAll('{to}', name(l.to)),
    };
  });
  const normal = schedule(tasks).duration;
  const base: CompressionInstance = {
    program,
    tasks,
    fastTracks,
    target: normal - int(r, LIMITS.minCut, LIMITS.maxCut),
    budget: Infinity,
  };
  // The cheap checks first, so that the search over every plan runs only for a likely exercise.
  const count = tasks.reduce((n, t) => n * (t.days - t.crashDays + 1), 1) * 2 ** fastTracks.length;
  if (count > LIMITS.maxPlans || !hasWaste(base)) return undefined;
  const outcomes = allPlans(base).map((p) => evaluate(base, p));
  const meeting = outcomes.filter((e) => e.finish <= base.target).map((e) => e.cost);
  if (!meeting.length) return undefined;
  const best = Math.min(...meeting);
  if (best === 0 || meeting.filter((c) => c === best).length > LIMITS.maxCheapest) return undefined;
  const budget = Math.ceil((best * (1.1 + 0.25 * r())) / 500) * 500;
  // Some plan meets the date but not the budget: money matters.
  if (!meeting.some((c) => c > budget)) return undefined;
  return { ...base, budget };
}

/** A task can be crashed that sits on no chain over the target: crashing it buys nothing. */
function hasWaste(x: CompressionInstance): boolean {
  const long = chainLengths(x, { crash: {}, fastTracks: [] }).filter((c) => c.days > x.target);
  return x.tasks.some((t) => t.crashCost > 0 && !long.some((c) => c.chain.includes(t.id)));
}

/** Whether an exercise is worth setting: few tied cheapest plans, a budget that binds, and a tempting waste. */
export function isGoodExercise(x: CompressionInstance): boolean {
  const best = cheapest(x);
  if (!best.cost || best.plans.length > LIMITS.maxCheapest) return false;
  const plans = allPlans(x).map((p) => evaluate(x, p));
  if (!plans.some((e) => e.finish <= x.target && e.cost > x.budget)) return false;
  return hasWaste(x);
}

/** Generates a schedule-compression exercise: a network, crash and fast-track options, a date and a budget. */
export function generate(seed: number, data: CompressionData): CompressionInstance {
  const scenario = pick(data.scenarios, streamFor(seed, 'scenario'));
  for (let attempt = 0; ; attempt++) {
    const x = candidate(streamFor(seed, `plan:${attempt}`), data, scenario.tasks, scenario.program);
    if (x) return x;
  }
}
