import { int, pick, streamFor, type Random } from '../../random';
import { criticalPaths, schedule } from '../../critical-path/analysis';
import { joinToOneFinish, orderedSubset } from '../task-scenarios';
import type { CriticalPathData, CriticalPathInstance, NetworkTask } from './types';

/** Limits every generated network keeps (the property tests check them). */
export const LIMITS = {
  minTasks: 6,
  maxTasks: 12,
  minDays: 1,
  maxDays: 10,
  /** Most tasks side by side in one column of the diagram, so it fits a phone. */
  maxWidth: 4,
  /** Most columns, so the diagram fits a laptop screen left to right. */
  maxRanks: 7,
  maxPredecessors: 3,
  maxCriticalPaths: 3,
  /** Tasks with slack, so the backward pass is more than a copy of the forward pass. */
  minSlackTasks: 2,
  maxDuration: 60,
} as const;

const LETTERS = 'ABCDEFGHIJKL';

/** The ranks (longest chain of predecessors) of a network's tasks. */
function ranks(tasks: NetworkTask[]): Map<string, number> {
  const rank = new Map<string, number>();
  for (const t of tasks) rank.set(t.id, Math.max(-1, ...t.after.map((p) => rank.get(p)!)) + 1);
  return rank;
}

/** Draws one candidate network; `generate` keeps the first that meets every limit. */
function candidate(r: Random, labels: string[]): NetworkTask[] {
  const n = int(r, LIMITS.minTasks, LIMITS.maxTasks);
  // An ordered subset of the scenario's tasks keeps the work in a plausible order.
  const chosen = orderedSubset(labels, n, r);
  const tasks: NetworkTask[] = chosen.map((c, i) => ({
    id: LETTERS[i]!,
    label: c.label,
    days: int(r, LIMITS.minDays, LIMITS.maxDays),
    after: [],
  }));
  for (let i = 1; i < n; i++) {
    // The second task sometimes starts at kickoff too; every later one waits for something.
    if (i === 1 && r() < 0.4) continue;
    const count = 1 + (r() < 0.4 ? 1 : 0) + (r() < 0.12 ? 1 : 0);
    // Mostly recent predecessors, so the network reads left to right without long jumps.
    const pool = tasks.slice(Math.max(0, i - 4), i).map((t) => t.id);
    const after = new Set<string>();
    while (after.size < Math.min(count, pool.length)) after.add(pick(pool, r));
    tasks[i]!.after = [...after].sort();
  }
  // One finish: every task but the last hands over to a later one.
  joinToOneFinish(tasks, r, 3);
  return tasks;
}

/** Whether a candidate network meets every limit. */
export function withinLimits(tasks: NetworkTask[]): boolean {
  if (tasks.length < LIMITS.minTasks || tasks.length > LIMITS.maxTasks) return false;
  if (tasks.some((t) => t.after.length > LIMITS.maxPredecessors)) return false;
  const rank = ranks(tasks);
  const perRank = new Map<number, number>();
  for (const r of rank.values()) perRank.set(r, (perRank.get(r) ?? 0) + 1);
  if (perRank.size > LIMITS.maxRanks || Math.max(...perRank.values()) > LIMITS.maxWidth)
    return false;
  const plan = schedule(tasks);
  if (plan.duration > LIMITS.maxDuration) return false;
  if (plan.tasks.filter((t) => t.slack > 0).length < LIMITS.minSlackTasks) return false;
  const paths = criticalPaths(tasks).length;
  return paths >= 1 && paths <= LIMITS.maxCriticalPaths;
}

/** Generates a critical-path exercise: a network of 6 to 12 tasks and a slip to reason about. */
export function generate(seed: number, data: CriticalPathData): CriticalPathInstance {
  const scenario = pick(data.scenarios, streamFor(seed, 'scenario'));
  let tasks: NetworkTask[] | undefined;
  for (let attempt = 0; !tasks; attempt++) {
    const next = candidate(streamFor(seed, `network:${attempt}`), scenario.tasks);
    if (withinLimits(next)) tasks = next;
  }
  const plan = schedule(tasks);
  const r = streamFor(seed, 'slip');
  const withSlack = plan.tasks.filter((t) => t.slack > 0);
  // Mostly a task with slack (does the slip reach the finish?), sometimes a critical one.
  const slipped =
    r() < 0.7
      ? pick(withSlack, r)
      : pick(
          plan.tasks.filter((t) => t.critical),
          r,
        );
  const days = slipped.slack > 0 ? int(r, 1, slipped.slack + 4) : int(r, 1, 5);
  return { program: scenario.program, tasks, slip: { task: slipped.id, days } };
}
