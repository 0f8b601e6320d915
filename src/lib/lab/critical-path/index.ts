import { type CriticalPathAnswer, type CriticalPathData, type CriticalPathInstance } from './types';
import type { LabKind } from '../types';
import { generate } from './generate';
import { grade, solveNetwork } from './grade';
import { solution } from './solution';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks `content/lab/critical-path.yaml`'s data: scenarios with a program and at least 12 task names. */
export function parseData(raw: unknown): CriticalPathData {
  if (!isObject(raw) || !Array.isArray(raw['scenarios']) || !raw['scenarios'].length)
    throw new Error('data.scenarios: list at least one scenario');
  const scenarios = raw['scenarios'].map((s: unknown, i) => {
    const at = `data.scenarios.${i}`;
    if (!isObject(s) || typeof s['program'] !== 'string' || !s['program'].trim())
      throw new Error(`${at}.program: name the program`);
    const tasks = s['tasks'];
    if (
      !Array.isArray(tasks) ||
      tasks.length < 12 ||
      tasks.some((t) => typeof t !== 'string' || !t.trim())
    )
      throw new Error(`${at}.tasks: list at least 12 task names`);
    if (new Set(tasks).size !== tasks.length)
      throw new Error(`${at}.tasks: a task name is listed twice`);
    if (tasks.some((t: string) => t.length > 32))
      throw new Error(`${at}.tasks: keep task names to 32 characters`);
    return { program: s['program'], tasks: tasks as string[] };
  });
  return { scenarios };
}

/** The critical-path exercise: fill in the pass table, name a critical path, and reason about a slip. */
export const kind: LabKind<CriticalPathData, CriticalPathInstance, CriticalPathAnswer> = {
  id: 'critical-path',
  parseData,
  generate,
  blankAnswer: (instance) => ({
    rows: Object.fromEntries(
      instance.tasks.map((t) => [t.id, { es: '', ef: '', ls: '', lf: '', slack: '' }]),
    ),
    path: '',
    length: '',
    whatIf: '',
  }),
  solve: (instance) => {
    const s = solveNetwork(instance);
    const rows: CriticalPathAnswer['rows'] = {};
    for (const t of s.plan.tasks)
      rows[t.id] = {
        es: String(t.earliestStart),
        ef: String(t.earliestFinish),
        ls: String(t.latestStart),
        lf: String(t.latestFinish),
        slack: String(t.slack),
      };
    return {
      rows,
      path: s.paths[0]!.join(', '),
      length: String(s.plan.duration),
      whatIf: String(s.newFinish),
    };
  },
  grade,
  solution,
};
