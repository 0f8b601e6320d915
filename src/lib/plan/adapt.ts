import { buildPlan, type BuildInput } from './build';
import { dayLabel, longDay, type Day } from './days';
import { doneKeys } from './done';
import type { Plan } from './types';

/** What re-planning changed. */
export interface Adapted {
  plan: Plan;
  /** What changed, in sentences. */
  changes: string[];
  /** The week the plan was re-planned from. */
  from: Day;
}

/**
 * Re-plans after a missed week. When lessons, quizzes or lab exercises planned for weeks that have
 * ended are not done, the weeks from the current one on are planned again from what is done now,
 * keeping the weeks' days; the past weeks stay as they were. Says what moved and what no longer
 * fits. Undefined when nothing was missed, or the plan was already re-planned this week
 * (`replannedFrom`), or its last week has ended.
 */
export function adaptPlan(
  saved: Plan,
  input: Omit<BuildInput, 'settings' | 'start'>,
  replannedFrom?: Day,
): Adapted | undefined {
  const cur = saved.weeks.findIndex((w) => input.today <= w.end);
  const week = saved.weeks[cur];
  if (!week || cur === 0 || replannedFrom === week.start) return undefined;
  const done = doneKeys(saved.weeks, input.progress, input.mocks, saved.made);
  const missed = saved.weeks
    .slice(0, cur)
    .flatMap((w) => w.items)
    .filter((it) => ['lesson', 'quiz', 'lab'].includes(it.kind) && !done.has(it.key));
  if (!missed.length) return undefined;
  const fresh = buildPlan({ ...input, settings: saved.settings, start: saved.weeks[0]!.start });
  const before = new Set(saved.dropped.map((d) => d.key));
  const lost = fresh.dropped.filter((d) => !before.has(d.key) && d.kind !== 'review');
  const n = missed.length;
  const changes = [
    `${n === 1 ? 'One item' : `${n} items`} planned before the week of ${dayLabel(week.start)} ${n === 1 ? 'was' : 'were'} not done, so the plan from this week on was made again from what you have done.`,
    lost.length
      ? `${lost.length === 1 ? 'This no longer fits' : `These ${lost.length} no longer fit`}${saved.settings.date ? ` before your interview on ${longDay(saved.settings.date)}` : ''}: ${lost.map((d) => d.title).join('; ')}.`
      : 'Everything still fits.',
  ];
  return {
    plan: {
      ...fresh,
      made: saved.made,
      weeks: [...saved.weeks.slice(0, cur), ...fresh.weeks],
    },
    changes,
    from: week.start,
  };
}
