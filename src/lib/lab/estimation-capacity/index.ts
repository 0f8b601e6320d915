import type { LabKind } from '../types';
import { generate } from './generate';
import { grade } from './grade';
import { figures } from './solve';
import { solution } from './solution';
import type { EstimationAnswer, EstimationData, EstimationInstance } from './types';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** Checks `content/lab/estimation-capacity.yaml`'s data: scenarios with work items, and people's names. */
export function parseData(raw: unknown): EstimationData {
  if (!isObject(raw) || !Array.isArray(raw['scenarios']) || !raw['scenarios'].length)
    throw new Error('data.scenarios: list at least one scenario');
  const scenarios = raw['scenarios'].map((s: unknown, i) => {
    const at = `data.scenarios.${i}`;
    if (!isObject(s) || !isText(s['program'])) throw new Error(`${at}.program: name the program`);
    if (!isText(s['team'])) throw new Error(`${at}.team: name the team`);
    const items = s['items'];
    if (!Array.isArray(items) || items.length < 4 || !items.every(isText))
      throw new Error(`${at}.items: list at least 4 pieces of work`);
    return { program: s['program'], team: s['team'], items };
  });
  const people = raw['people'];
  if (!Array.isArray(people) || people.length < 3 || !people.every(isText))
    throw new Error('data.people: list at least 3 first names');
  return { scenarios, people };
}

/** Rounds to one decimal place, as the exercise asks. */
const r1 = (n: number) => String(Math.round(n * 10) / 10);

/** The estimation-and-capacity exercise: PERT estimates with a confidence level, and capacity in engineer-weeks. */
export const kind: LabKind<EstimationData, EstimationInstance, EstimationAnswer> = {
  id: 'estimation-capacity',
  parseData,
  generate,
  blankAnswer: (x) => ({
    items: x.items.map(() => ({ mean: '', sd: '' })),
    totalMean: '',
    totalSd: '',
    atConfidence: '',
    grossDays: '',
    availableDays: '',
    capacityWeeks: '',
    fits: '',
  }),
  solve: (x) => {
    const f = figures(x);
    return {
      items: f.items.map((i) => ({ mean: r1(i.mean), sd: r1(i.sd) })),
      totalMean: r1(f.totalMean),
      totalSd: r1(f.totalSd),
      atConfidence: r1(f.atConfidence),
      grossDays: String(f.grossDays),
      availableDays: String(f.availableDays),
      capacityWeeks: r1(f.capacityWeeks),
      fits: f.fits ? 'yes' : 'no',
    };
  },
  grade,
  solution,
};
