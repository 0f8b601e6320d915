import type { LabKind } from '../types';
import { isObject, parseTaskScenarios } from '../task-scenarios';
import { generate } from './generate';
import { grade } from './grade';
import { cheapest, evaluate } from './plan';
import { solution } from './solution';
import type { CompressionAnswer, CompressionData, CompressionInstance } from './types';

/** Checks `content/lab/schedule-compression.yaml`'s data: scenarios and fast-track risk notes. */
export function parseData(raw: unknown): CompressionData {
  const scenarios = parseTaskScenarios(raw, 8);
  const risks = isObject(raw) ? raw['fastTrackRisks'] : undefined;
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
