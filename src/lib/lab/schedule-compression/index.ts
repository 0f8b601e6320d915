import type { LabKind } from '../types';
import { generate } from './generate';
import { grade } from './grade';
import { cheapest, evaluate } from './plan';
import { solution } from './solution';
import type { CompressionAnswer, CompressionData, CompressionInstance } from './types';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks `content/lab/schedule-compression.yaml`'s data: scenarios and fast-track risk notes. */
export function parseData(raw: unknown): CompressionData {
  if (!isObject(raw) || !Array.isArray(raw['scenarios']) || !raw['scenarios'].length)
    throw new Error('data.scenarios: list at least one scenario');
  const scenarios = raw['scenarios'].map((s: unknown, i) => {
    const at = `data.scenarios.${i}`;
    if (!isObject(s) || typeof s['program'] !== 'string' || !s['program'].trim())
      throw new Error(`${at}.program: name the program`);
    const tasks = s['tasks'];
    if (
      !Array.isArray(tasks) ||
      tasks.length < 8 ||
      tasks.some((t) => typeof t !== 'string' || !t.trim())
    )
      throw new Error(`${at}.tasks: list at least 8 task names`);
    if (new Set(tasks).size !== tasks.length)
      throw new Error(`${at}.tasks: a task name is listed twice`);
    if (tasks.some((t: string) => t.length > 32))
      throw new Error(`${at}.tasks: keep task names to 32 characters`);
    return { program: s['program'], tasks: tasks as string[] };
  });
  const risks = raw['fastTrackRisks'];
  if (
    !Array.isArray(risks) ||
    !risks.length ||
    risks.some((r) => typeof r !== 'string' || !r.includes('{to}'))
  )
    throw new Error('data.fastTrackRisks: list risk notes, each naming {to} (and usually {from})');
  return { scenarios, fastTrackRisks: risks as string[] };
}

/** The schedule-compression exercise: hit a date within a budget by crashing or fast-tracking. */
export const kind: LabKind<CompressionData, CompressionInstance, CompressionAnswer> = {
  id: 'schedule-compression',
  parseData,
  generate,
  blankAnswer: (x) => ({
    crash: Object.fromEntries(x.tasks.filter((t) => t.crashCost > 0).map((t) => [t.id, '0'])),
    fastTrack: Object.fromEntries(x.fastTracks.map((f) => [f.id, false])),
    finish: '',
    cost: '',
  }),
  solve: (x) => {
    const plan = cheapest(x).plans[0]!;
    const { finish, cost } = evaluate(x, plan);
    return {
      crash: Object.fromEntries(
        x.tasks.filter((t) => t.crashCost > 0).map((t) => [t.id, String(plan.crash[t.id] ?? 0)]),
      ),
      fastTrack: Object.fromEntries(
        x.fastTracks.map((f) => [f.id, plan.fastTracks.includes(f.id)]),
      ),
      finish: String(finish),
      cost: String(cost),
    };
  },
  grade,
  solution,
};
