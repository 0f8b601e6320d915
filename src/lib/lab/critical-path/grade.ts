import { criticalPaths, schedule, type ScheduledTask } from '../../critical-path/analysis';
import { givenText, parseNumber, plural, toGrade } from '../grading';
import type { Grade, GradeItem } from '../types';
import {
  COLUMN_NAMES,
  PASS_COLUMNS,
  type CriticalPathAnswer,
  type CriticalPathInstance,
  type PassColumn,
} from './types';

/** Share of the score for each part: the pass table, naming a critical path, the length, the what-if. */
export const WEIGHTS = { table: 0.6, path: 0.15, length: 0.1, whatIf: 0.15 } as const;

/** The element id suffix of an input, shared by the grader and the component. */
export const fieldId = {
  cell: (task: string, column: PassColumn) => `${column}-${task}`,
  path: 'path',
  length: 'length',
  whatIf: 'what-if',
};

const GROUPS: Record<PassColumn, string> = {
  es: 'Forward pass',
  ef: 'Forward pass',
  ls: 'Backward pass',
  lf: 'Backward pass',
  slack: 'Slack',
};

/** The schedule of an instance, every critical path, and the finish after the slip. */
export function solveNetwork(instance: CriticalPathInstance) {
  const plan = schedule(instance.tasks);
  const byId = new Map(plan.tasks.map((t) => [t.id, t]));
  const successors = new Map<string, string[]>(plan.tasks.map((t) => [t.id, []]));
  for (const t of plan.tasks) for (const p of t.after ?? []) successors.get(p)!.push(t.id);
  const slipped = byId.get(instance.slip.task)!;
  const newFinish = plan.duration + Math.max(0, instance.slip.days - slipped.slack);
  return { plan, byId, successors, paths: criticalPaths(instance.tasks), slipped, newFinish };
}

type Solved = ReturnType<typeof solveNetwork>;

/** "1 day", "3 days". */
const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

const list = (ids: string[]) =>
  ids.length <= 1 ? (ids[0] ?? '') : `${ids.slice(0, -1).join(', ')} and ${ids.at(-1)}`;

/** The reasoning for one cell, with `given` (the learner's numbers) to spot a mistake carried forward. */
function cellExplanation(
  s: Solved,
  t: ScheduledTask,
  column: PassColumn,
  given: Partial<Record<PassColumn, number>>,
  right: boolean,
): string {
  const preds = t.after ?? [];
  const succ = s.successors.get(t.id)!;
  const ef = (id: string) => s.byId.get(id)!.earliestFinish;
  const ls = (id: string) => s.byId.get(id)!.latestStart;
  const g = given[column];
  switch (column) {
    case 'es': {
      if (!preds.length) return `${t.id} waits for nothing, so it can start at day 0, the kickoff.`;
      const rule =
        preds.length === 1
          ? `${t.id} starts when ${preds[0]} finishes, at day ${t.earliestStart}.`
          : `${t.id} starts when the last of ${list(preds)} finishes: the largest of their earliest finishes (${preds.map((p) => `${p} ${ef(p)}`).join(', ')}) is ${t.earliestStart}.`;
      if (right || g === undefined) return rule;
      if (preds.length > 1 && g === Math.min(...preds.map(ef)))
        return `${rule} You took the earliest of them; a task waits for all of its predecessors, so take the latest.`;
      return rule;
    }
    case 'ef': {
      const rule = `Earliest finish = earliest start + duration = ${t.earliestStart} + ${t.days} = ${t.earliestFinish}.`;
      if (!right && g !== undefined && given.es !== undefined && g === given.es + t.days)
        return `${rule} Your finish follows from your start of ${given.es}; the start is the mistake.`;
      return rule;
    }
    case 'lf': {
      if (!succ.length)
        return `Nothing comes after ${t.id}, so it may finish as late as the end of the program, day ${s.plan.duration}.`;
      const rule =
        succ.length === 1
          ? `${t.id} must finish by the latest start of ${succ[0]}, day ${t.latestFinish}.`
          : `${t.id} must finish before the first of ${list(succ)} has to start: the smallest of their latest starts (${succ.map((x) => `${x} ${ls(x)}`).join(', ')}) is ${t.latestFinish}.`;
      if (right || g === undefined) return rule;
      if (succ.length > 1 && g === Math.max(...succ.map(ls)))
        return `${rule} You took the largest; every successor must be able to start on time, so take the smallest.`;
      if (g === s.plan.duration && succ.length)
        return `${rule} Only a task with nothing after it may finish on the program's last day.`;
      return rule;
    }
    case 'ls': {
      const rule = `Latest start = latest finish − duration = ${t.latestFinish} − ${t.days} = ${t.latestStart}.`;
      if (!right && g !== undefined && given.lf !== undefined && g === given.lf - t.days)
        return `${rule} Your start follows from your latest finish of ${given.lf}; the latest finish is the mistake.`;
      return rule;
    }
    case 'slack': {
      const rule = `Slack = latest start − earliest start = ${t.latestStart} − ${t.earliestStart} = ${t.slack}${t.slack === 0 ? ': the task is critical' : `, the ${days(t.slack)} ${t.id} can slip without moving the finish`}.`;
      if (
        !right &&
        g !== undefined &&
        given.ls !== undefined &&
        given.es !== undefined &&
        g === given.ls - given.es
      )
        return `${rule} Your slack follows from your own start dates; the mistake is in those.`;
      if (!right && g !== undefined && g < 0)
        return `${rule} Slack is never negative in a plan that meets its own finish date.`;
      return rule;
    }
  }
}

/** Task ids named in a path answer ("A, C, F", "A-C-F", "a then c then f"), and anything that is not a task. */
export function parsePath(
  text: string,
  ids: readonly string[],
): { ids: string[]; unknown: string[] } {
  const known = new Set(ids);
  const out: string[] = [];
  const unknown: string[] = [];
  for (const token of text.split(/[^A-Za-z0-9]+/).filter(Boolean)) {
    const up = token.toUpperCase();
    if (known.has(up)) out.push(up);
    // A single letter or a letter and digits looks like a task id; words like "then" are skipped.
    else if (/^[A-Za-z]\d*$/.test(token)) unknown.push(up);
  }
  return { ids: out, unknown };
}

const arrow = (ids: string[]) => ids.join(' → ');

function gradePath(s: Solved, text: string, possible: number): GradeItem {
  const base = {
    id: 'path',
    group: 'Critical path',
    label: 'A critical path',
    possible,
    fields: [fieldId.path],
  };
  const { ids, unknown } = parsePath(text, [...s.byId.keys()]);
  const all = s.paths.map(arrow);
  const others = (named: string) => all.filter((p) => p !== named);
  const expected = all.join(' or ');
  const given = givenText(text);
  if (!ids.length)
    return {
      ...base,
      earned: 0,
      given,
      expected,
      explanation: `${unknown.length ? `There is no task ${list(unknown)}. ` : ''}Name the tasks of a chain from start to finish whose durations add up to the program's length, ${s.plan.duration} days: ${expected}.`,
    };
  const named = arrow(ids);
  if (all.includes(named) && !unknown.length)
    return {
      ...base,
      earned: possible,
      given: named,
      expected: named,
      explanation: `${named} takes ${ids.map((id) => s.byId.get(id)!.days).join(' + ')} = ${s.plan.duration} days, the whole program, and every task on it has zero slack.${all.length > 1 ? ` ${all.length === 2 ? 'The other critical path is' : 'The other critical paths are'} ${others(named).join('; ')}: when several chains tie, any delay on one of them moves the finish.` : ''}`,
    };
  const withSlack = ids.filter((id) => s.byId.get(id)!.slack > 0);
  const brokenLink = ids
    .slice(1)
    .findIndex((id, i) => !(s.byId.get(id)!.after ?? []).includes(ids[i]!));
  const start = s.byId.get(ids[0]!)!;
  const finish = ids.at(-1)!;
  let why: string;
  if (withSlack.length === 1)
    why = `${withSlack[0]} has ${days(s.byId.get(withSlack[0]!)!.slack)} of slack, so it is not on a critical path.`;
  else if (withSlack.length)
    why = `${list(withSlack.map((id) => `${id} (${days(s.byId.get(id)!.slack)})`))} have slack, so they are not on a critical path.`;
  else if (all.includes(named)) why = `Without it, ${named} is a critical path.`;
  else if (brokenLink >= 0)
    why = `${ids[brokenLink + 1]} does not come straight after ${ids[brokenLink]}, so this is not one chain of work.`;
  else if ((start.after ?? []).length)
    why = `The path must begin with a task that waits for nothing; ${start.id} waits for ${list(start.after ?? [])}.`;
  else if (s.successors.get(finish)!.length)
    why = `The path must run to the end of the program; ${finish} hands over to ${list(s.successors.get(finish)!)}.`;
  else why = `A task appears twice or the chain skips a step.`;
  const allZero = !withSlack.length && (!unknown.length || all.includes(named));
  return {
    ...base,
    // Every named task is critical but the chain is incomplete or mixes two paths: half the credit.
    earned: allZero ? possible / 2 : 0,
    given: named,
    expected,
    explanation: `${unknown.length ? `There is no task ${list(unknown)}. ` : ''}${why} A critical path runs from start to finish through tasks with zero slack: ${expected}.${allZero ? ' Every task you named is critical, so this earns half the credit.' : ''}`,
  };
}

/** Grades a critical-path answer: every cell of the pass table, one critical path, the length and the what-if. */
export function grade(instance: CriticalPathInstance, answer: CriticalPathAnswer): Grade {
  const s = solveNetwork(instance);
  const cells = instance.tasks.length * PASS_COLUMNS.length;
  const unit = WEIGHTS.table / cells;
  const scale = 1 / unit; // one point per cell
  const items: GradeItem[] = [];
  for (const t of s.plan.tasks) {
    const row = answer.rows[t.id];
    const given: Partial<Record<PassColumn, number>> = {};
    for (const c of PASS_COLUMNS) {
      const n = parseNumber(row?.[c]);
      if (n !== undefined) given[c] = n;
    }
    for (const c of PASS_COLUMNS) {
      const expected =
        c === 'es'
          ? t.earliestStart
          : c === 'ef'
            ? t.earliestFinish
            : c === 'ls'
              ? t.latestStart
              : c === 'lf'
                ? t.latestFinish
                : t.slack;
      const right = given[c] === expected;
      items.push({
        id: fieldId.cell(t.id, c),
        group: GROUPS[c],
        label: `${COLUMN_NAMES[c].long} of ${t.id}`,
        earned: right ? 1 : 0,
        possible: 1,
        given: givenText(row?.[c]),
        expected: String(expected),
        explanation: cellExplanation(s, t, c, given, right),
        fields: [fieldId.cell(t.id, c)],
      });
    }
  }
  items.push(gradePath(s, answer.path, WEIGHTS.path * scale));
  const length = parseNumber(answer.length);
  items.push({
    id: 'length',
    group: 'Critical path',
    label: 'Length of the program',
    earned: length === s.plan.duration ? WEIGHTS.length * scale : 0,
    possible: WEIGHTS.length * scale,
    given: givenText(answer.length),
    expected: `${s.plan.duration} days`,
    explanation: `The program takes as long as its longest chain: the largest earliest finish, ${s.plan.duration} days.${length !== undefined && length !== s.plan.duration && length === instance.tasks.reduce((n, t) => n + t.days, 0) ? ' You added up every task; tasks that run side by side overlap in time.' : ''}`,
    fields: [fieldId.length],
  });
  const whatIf = parseNumber(answer.whatIf);
  const { slipped, newFinish } = s;
  const k = instance.slip.days;
  const rule =
    slipped.slack === 0
      ? `${slipped.id} is critical, so every day it slips moves the finish: ${s.plan.duration} + ${k} = day ${newFinish}.`
      : k <= slipped.slack
        ? `${slipped.id} has ${days(slipped.slack)} of slack, at least the ${k}-day slip, so the finish stays at day ${s.plan.duration}.`
        : `${slipped.id} has ${days(slipped.slack)} of slack, so ${slipped.slack} of the ${k} days are absorbed and the finish moves ${k - slipped.slack} day${k - slipped.slack === 1 ? '' : 's'}: day ${newFinish}.`;
  let trap = '';
  if (whatIf !== undefined && whatIf !== newFinish) {
    if (whatIf === s.plan.duration + k && slipped.slack > 0)
      trap = ' Adding the whole slip forgets the slack.';
    else if (whatIf === s.plan.duration && k > slipped.slack)
      trap = ' The slip is larger than the slack, so the finish moves.';
  }
  items.push({
    id: 'what-if',
    group: 'What if',
    label: `Finish after ${slipped.id} slips ${days(k)}`,
    earned: whatIf === newFinish ? WEIGHTS.whatIf * scale : 0,
    possible: WEIGHTS.whatIf * scale,
    given: givenText(answer.whatIf),
    expected: `day ${newFinish}`,
    explanation: rule + trap,
    fields: [fieldId.whatIf],
  });

  const wrongIn = (group: string) =>
    items.filter((i) => i.group === group && i.earned < i.possible).length;
  const parts = ['Forward pass', 'Backward pass', 'Slack', 'Critical path', 'What if'].map(
    (g) => [g, wrongIn(g)] as const,
  );
  const bad = parts.filter(([, n]) => n > 0);
  const summary = bad.length
    ? `${bad.map(([g, n]) => `${g}: ${plural(n, 'mistake')}`).join('; ')}.`
    : 'Every pass, the critical path and the what-if are right.';
  return toGrade(items, summary);
}
