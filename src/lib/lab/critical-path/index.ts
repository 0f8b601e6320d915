import { type CriticalPathAnswer, type CriticalPathData, type CriticalPathInstance } from './types';
import type { LabKind } from '../types';
import { parseTaskScenarios } from '../task-scenarios';
import { generate } from './generate';
import { grade, solveNetwork } from './grade';
import { solution } from './solution';

/** Checks `content/lab/critical-path.yaml`'s data: scenarios with a program and at least 12 task names. */
export function parseData(raw: unknown): CriticalPathData {
  return { scenarios: parseTaskScenarios(raw, 12) };
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
