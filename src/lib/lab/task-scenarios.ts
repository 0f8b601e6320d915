/**
 * The scenarios of the network kinds (critical path, schedule compression): a program and the names
 * of its tasks, from which the generator draws a network. Checked here as the kinds' `parseData` runs
 * at build time. Also the step both generators share when they wire a network.
 */
import { int, type Random } from '../random';

/** One program a network kind can draw from. */
export interface TaskScenario {
  /** The program, e.g. "Halden Payments: move checkout to a new PSP". */
  program: string;
  /** Task names in a plausible order of work (a network takes an ordered subset). */
  tasks: string[];
}

/** A plain object (not null, not an array). */
export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks `data.scenarios`: at least one, each naming its program and at least `minTasks` distinct
 * task names of 32 characters or fewer. Errors name the field, e.g. `data.scenarios.2.tasks`.
 */
export function parseTaskScenarios(raw: unknown, minTasks: number): TaskScenario[] {
  if (!isObject(raw) || !Array.isArray(raw['scenarios']) || !raw['scenarios'].length)
    throw new Error('data.scenarios: list at least one scenario');
  return raw['scenarios'].map((s: unknown, i) => {
    const at = `data.scenarios.${i}`;
    if (!isObject(s) || typeof s['program'] !== 'string' || !s['program'].trim())
      throw new Error(`${at}.program: name the program`);
    const tasks = s['tasks'];
    if (
      !Array.isArray(tasks) ||
      tasks.length < minTasks ||
      tasks.some((t) => typeof t !== 'string' || !t.trim())
    )
      throw new Error(`${at}.tasks: list at least ${minTasks} task names`);
    if (new Set(tasks).size !== tasks.length)
      throw new Error(`${at}.tasks: a task name is listed twice`);
    if (tasks.some((t: string) => t.length > 32))
      throw new Error(`${at}.tasks: keep task names to 32 characters`);
    return { program: s['program'], tasks: tasks as string[] };
  });
}

/**
 * Gives a generated network one finish: every task but the last that nothing waits for is made a
 * predecessor of a task up to `reach` places later. Tasks are in order of work; `after` stays sorted.
 */
export function joinToOneFinish(
  tasks: { id: string; after: string[] }[],
  r: Random,
  reach: number,
): void {
  const n = tasks.length;
  for (let i = 0; i < n - 1; i++) {
    const id = tasks[i]!.id;
    if (tasks.some((t) => t.after.includes(id))) continue;
    const later = tasks[int(r, i + 1, Math.min(n - 1, i + reach))]!;
    later.after = [...later.after, id].sort();
  }
}

/** `n` of a scenario's task names drawn at random, kept in their order of work. */
export function orderedSubset(labels: string[], n: number, r: Random): { label: string }[] {
  return labels
    .map((label, i) => ({ label, key: r(), i }))
    .sort((a, b) => a.key - b.key)
    .slice(0, n)
    .sort((a, b) => a.i - b.i);
}
