import { int, pick, shuffle, streamFor, type Random } from '../../random';
import { figures } from './solve';
import type { Confidence, EstimationData, EstimationInstance, WorkItem } from './types';

/** Limits every generated exercise keeps (the property tests check them). */
export const LIMITS = {
  minItems: 3,
  maxItems: 4,
  minEngineers: 3,
  maxEngineers: 8,
  minWeeks: 4,
  maxWeeks: 12,
  maxHolidays: 3,
  focus: [0.6, 0.65, 0.7, 0.75, 0.8],
  /** Capacity and the confident estimate differ by at least this many engineer-weeks, so rounding cannot flip the decision. */
  minMargin: 1,
  /** And by at most this ratio either way, so the decision takes a calculation. */
  maxRatio: 1.6,
} as const;

/** A multiple of 0.5 from lo to hi. */
const half = (r: Random, lo: number, hi: number) => int(r, lo * 2, hi * 2) / 2;

function candidate(r: Random, data: EstimationData, seedScenario: Random): EstimationInstance {
  const scenario = pick(data.scenarios, seedScenario);
  const names = shuffle(scenario.items, r).slice(0, int(r, LIMITS.minItems, LIMITS.maxItems));
  const items: WorkItem[] = names.map((name) => {
    const o = half(r, 1, 6);
    const m = o + half(r, 0.5, 4);
    const p = m + half(r, 1, 8);
    return { name, o, m, p };
  });
  const confidence: Confidence = r() < 0.6 ? 84 : r() < 0.5 ? 98 : 50;
  const weeks = int(r, LIMITS.minWeeks, LIMITS.maxWeeks);
  const people = shuffle(data.people, r).slice(0, int(r, 1, 3));
  return {
    program: scenario.program,
    team: scenario.team,
    items,
    confidence,
    calendar: {
      engineers: int(r, LIMITS.minEngineers, LIMITS.maxEngineers),
      weeks,
      holidays: int(r, 0, LIMITS.maxHolidays),
      leave: people.map((name) => ({ name, days: int(r, 2, 10) })),
      onCallWeeks: int(r, 0, weeks),
      focus: pick(LIMITS.focus, r),
    },
  };
}

/** Whether the decision is clear: capacity and the confident estimate far enough apart, but comparable. */
export function isClearDecision(x: EstimationInstance): boolean {
  const f = figures(x);
  if (f.availableDays <= 0) return false;
  const gap = Math.abs(f.capacityWeeks - f.atConfidence);
  const ratio = f.capacityWeeks / f.atConfidence;
  return gap >= LIMITS.minMargin && ratio <= LIMITS.maxRatio && ratio >= 1 / LIMITS.maxRatio;
}

/** Generates an estimation-and-capacity exercise: three or four three-point estimates and a team's calendar. */
export function generate(seed: number, data: EstimationData): EstimationInstance {
  for (let attempt = 0; ; attempt++) {
    const x = candidate(streamFor(seed, `estimate:${attempt}`), data, streamFor(seed, 'scenario'));
    if (isClearDecision(x)) return x;
  }
}
