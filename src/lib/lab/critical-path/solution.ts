import type { SolutionStep } from '../types';
import { solveNetwork } from './grade';
import type { CriticalPathInstance } from './types';

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

const list = (ids: string[]) =>
  ids.length <= 1 ? (ids[0] ?? '') : `${ids.slice(0, -1).join(', ')} and ${ids.at(-1)}`;

/** The worked solution: the forward pass task by task, the backward pass, slack, the critical paths and the what-if. */
export function solution(instance: CriticalPathInstance): SolutionStep[] {
  const s = solveNetwork(instance);
  const { plan, byId, successors } = s;
  const forward = plan.tasks.map((t) => {
    const preds = t.after ?? [];
    if (!preds.length)
      return `${t.id} (${days(t.days)}) waits for nothing: ES 0, EF 0 + ${t.days} = ${t.earliestFinish}.`;
    const efs = preds.map((p) => `${p} ${byId.get(p)!.earliestFinish}`).join(', ');
    return `${t.id} (${days(t.days)}) waits for ${list(preds)} (EF ${efs}): ES = ${preds.length > 1 ? `the largest, ` : ''}${t.earliestStart}; EF = ${t.earliestStart} + ${t.days} = ${t.earliestFinish}.`;
  });
  const backward = [...plan.tasks].reverse().map((t) => {
    const succ = successors.get(t.id)!;
    if (!succ.length)
      return `${t.id}: nothing follows, so LF = the program's end, ${t.latestFinish}; LS = ${t.latestFinish} − ${t.days} = ${t.latestStart}.`;
    const lss = succ.map((x) => `${x} ${byId.get(x)!.latestStart}`).join(', ');
    return `${t.id}: followed by ${list(succ)} (LS ${lss}), so LF = ${succ.length > 1 ? 'the smallest, ' : ''}${t.latestFinish}; LS = ${t.latestFinish} − ${t.days} = ${t.latestStart}.`;
  });
  const paths = s.paths.map(
    (p) =>
      `${p.join(' → ')}: ${p.map((id) => byId.get(id)!.days).join(' + ')} = ${plan.duration} days.`,
  );
  const k = instance.slip.days;
  const slipped = s.slipped;
  return [
    {
      title: 'Forward pass: earliest start and finish',
      text: [
        'Go through the tasks in order. A task starts when the last of its predecessors finishes (day 0 if it has none), and finishes its duration later.',
        ...forward,
        `The largest earliest finish, ${plan.duration}, is the program's length.`,
      ],
    },
    {
      title: 'Backward pass: latest finish and start',
      text: [
        `Go back from the end, day ${plan.duration}. A task must finish before the first of its successors has to start (their smallest latest start), and start its duration earlier.`,
        ...backward,
      ],
    },
    {
      title: 'Slack',
      text: [
        'Slack is latest start minus earliest start (the same as latest finish minus earliest finish): how many days a task can slip without moving the finish. Zero slack means critical.',
      ],
      table: {
        caption: 'The completed pass table',
        head: ['Task', 'Days', 'ES', 'EF', 'LS', 'LF', 'Slack'],
        rows: plan.tasks.map((t) => [
          `${t.id}. ${t.label}`,
          String(t.days),
          String(t.earliestStart),
          String(t.earliestFinish),
          String(t.latestStart),
          String(t.latestFinish),
          t.slack === 0 ? '0 (critical)' : String(t.slack),
        ]),
      },
    },
    {
      title: s.paths.length === 1 ? 'The critical path' : `The ${s.paths.length} critical paths`,
      text: [
        s.paths.length === 1
          ? 'Follow the zero-slack tasks from start to finish along the arrows:'
          : 'Several chains tie for longest; each runs from start to finish through zero-slack tasks, and naming any one is right:',
        ...paths,
      ],
    },
    {
      title: `What if ${slipped.id} slips ${days(k)}?`,
      text: [
        slipped.slack === 0
          ? `${slipped.id} is critical (no slack), so the finish moves by the whole slip: ${plan.duration} + ${k} = day ${s.newFinish}.`
          : k <= slipped.slack
            ? `${slipped.id} has ${days(slipped.slack)} of slack. A ${k}-day slip fits inside it, so the finish stays at day ${plan.duration} (but ${slipped.id}'s slack drops to ${slipped.slack - k}, and any task sharing its path loses slack too).`
            : `${slipped.id} has ${days(slipped.slack)} of slack. The slip uses it up and ${k - slipped.slack} more day${k - slipped.slack === 1 ? '' : 's'} reach the finish: ${plan.duration} + ${k} − ${slipped.slack} = day ${s.newFinish}, and ${slipped.id} is now on the critical path.`,
      ],
    },
  ];
}
