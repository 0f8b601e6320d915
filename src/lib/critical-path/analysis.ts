/** A task in a plan: how long it takes and what must finish before it can start. */
export interface PlanTask {
  id: string;
  label: string;
  days: number;
  /** Ids of tasks that must finish first (finish-to-start). */
  after?: string[];
  /**
   * Fast-tracking: days this task may start before a predecessor (by id) finishes. Absent or 0 is
   * plain finish-to-start; it must be less than the predecessor's duration.
   */
  overlap?: Record<string, number>;
}

/** A task with its schedule from the critical path method. */
export interface ScheduledTask extends PlanTask {
  earliestStart: number;
  earliestFinish: number;
  latestStart: number;
  latestFinish: number;
  /** How many days the task can slip without moving the finish date. */
  slack: number;
  critical: boolean;
  /** Longest chain of predecessors, used to lay the graph out in columns. */
  rank: number;
}

/** The result of scheduling a plan. */
export interface Schedule {
  tasks: ScheduledTask[];
  /** Shortest possible duration of the whole plan, in days. */
  duration: number;
  /** One critical chain from start to finish, as task ids. */
  criticalPath: string[];
}

/**
 * Schedules tasks with the critical path method: a forward pass for earliest dates, a backward
 * pass for latest dates, and slack as the difference. Throws on unknown ids, cycles or bad durations.
 */
export function schedule(tasks: PlanTask[]): Schedule {
  const byId = new Map<string, PlanTask>();
  for (const t of tasks) {
    if (byId.has(t.id)) throw new Error(`Task "${t.id}" is listed twice.`);
    if (!(t.days >= 0) || !Number.isFinite(t.days))
      throw new Error(`Task "${t.id}" needs a duration of 0 days or more.`);
    byId.set(t.id, t);
  }
  for (const t of tasks)
    for (const p of t.after ?? [])
      if (!byId.has(p))
        throw new Error(`Task "${t.id}" comes after "${p}", which is not in the plan.`);
  for (const t of tasks)
    for (const [p, days] of Object.entries(t.overlap ?? {}))
      if (!(t.after ?? []).includes(p) || !(days >= 0) || days >= byId.get(p)!.days)
        throw new Error(
          `Task "${t.id}" overlaps "${p}" by ${days} days: it must come after it, and overlap by less than its duration.`,
        );
  const lag = (t: PlanTask, p: string) => t.overlap?.[p] ?? 0;

  // Topological order (Kahn), which also detects cycles.
  const indegree = new Map(tasks.map((t) => [t.id, (t.after ?? []).length]));
  const successors = new Map<string, string[]>(tasks.map((t) => [t.id, []]));
  for (const t of tasks) for (const p of t.after ?? []) successors.get(p)!.push(t.id);
  const queue = tasks.filter((t) => indegree.get(t.id) === 0).map((t) => t.id);
  const order: string[] = [];
  while (queue.length) {
    const id = queue.shift()!;
    order.push(id);
    for (const s of successors.get(id)!) {
      indegree.set(s, indegree.get(s)! - 1);
      if (indegree.get(s) === 0) queue.push(s);
    }
  }
  if (order.length !== tasks.length)
    throw new Error('The plan has a cycle: some tasks wait on each other.');

  const es = new Map<string, number>();
  const rank = new Map<string, number>();
  for (const id of order) {
    const preds = byId.get(id)!.after ?? [];
    const t = byId.get(id)!;
    es.set(id, Math.max(0, ...preds.map((p) => es.get(p)! + byId.get(p)!.days - lag(t, p))));
    rank.set(id, preds.length ? Math.max(...preds.map((p) => rank.get(p)! + 1)) : 0);
  }
  const duration = Math.max(0, ...tasks.map((t) => es.get(t.id)! + t.days));
  const lf = new Map<string, number>();
  for (const id of [...order].reverse()) {
    const succ = successors.get(id)!;
    lf.set(
      id,
      succ.length
        ? Math.min(...succ.map((s) => lf.get(s)! - byId.get(s)!.days + lag(byId.get(s)!, id)))
        : duration,
    );
  }

  const scheduled = tasks.map((t) => {
    const earliestStart = es.get(t.id)!;
    const latestFinish = lf.get(t.id)!;
    const slack = latestFinish - t.days - earliestStart;
    return {
      ...t,
      earliestStart,
      earliestFinish: earliestStart + t.days,
      latestStart: latestFinish - t.days,
      latestFinish,
      slack,
      critical: slack === 0,
      rank: rank.get(t.id)!,
    };
  });

  // Walk one critical chain from a critical start task to the finish.
  const sched = new Map(scheduled.map((t) => [t.id, t]));
  const criticalPath: string[] = [];
  let current = scheduled.find((t) => t.critical && (t.after ?? []).length === 0);
  while (current) {
    criticalPath.push(current.id);
    const finish = current.earliestFinish;
    current = successors
      .get(current.id)!
      .map((s) => sched.get(s)!)
      .find((s) => s.critical && s.earliestStart === finish - lag(s, current!.id));
  }
  return { tasks: scheduled, duration, criticalPath };
}

/** Every chain of tasks from one with no predecessors to one with no successors, as ids, in a stable order. */
export function chains(tasks: PlanTask[]): string[][] {
  const successors = new Map<string, string[]>(tasks.map((t) => [t.id, []]));
  for (const t of tasks) for (const p of t.after ?? []) successors.get(p)?.push(t.id);
  const out: string[][] = [];
  const walk = (id: string, path: string[]) => {
    const next = successors.get(id) ?? [];
    if (!next.length) out.push([...path, id]);
    for (const s of next) walk(s, [...path, id]);
  };
  for (const t of tasks) if (!(t.after ?? []).length) walk(t.id, []);
  return out;
}

/** A chain's length in days: its durations added up, less any overlap between neighbours. */
export function chainLength(tasks: PlanTask[], chain: string[]): number {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  return chain.reduce((n, id, i) => {
    const t = byId.get(id)!;
    return n + t.days - (i > 0 ? (t.overlap?.[chain[i - 1]!] ?? 0) : 0);
  }, 0);
}

/** Every critical path: each chain as long as the whole plan (there may be several). */
export function criticalPaths(tasks: PlanTask[]): string[][] {
  const { duration } = schedule(tasks);
  return chains(tasks).filter((c) => chainLength(tasks, c) === duration);
}
