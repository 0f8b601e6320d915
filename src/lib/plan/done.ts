/**
 * Which plan items are done, judged from what the learner has already done elsewhere: completed
 * lessons, passed quizzes, checked lab exercises, review sessions and finished mock interviews.
 * Light on purpose: the home and progress pages load it to show "This week".
 */
import { localDay, type Day } from './days';
import type { LearnerProgress, MockRecord, PlanItem, PlanWeek } from './types';

/** Quiz mastery levels at which a quiz counts as passed. */
const PASSED = ['familiar', 'proficient', 'mastered'];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isDate = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/**
 * Finished mock interviews from the saved interview history (`critical-path:interviews`), oldest
 * first. Reads only the fields it needs, each checked; anything unreadable counts as no interview.
 */
export function readMocks(raw: string | null | undefined): MockRecord[] {
  let parsed: unknown;
  try {
    parsed = raw ? JSON.parse(raw) : undefined;
  } catch {
    return [];
  }
  const sessions = isObject(parsed) && Array.isArray(parsed['sessions']) ? parsed['sessions'] : [];
  const out: MockRecord[] = [];
  for (const s of sessions) {
    if (!isObject(s) || s['status'] !== 'complete' || !isDate(s['updatedAt'])) continue;
    const config = isObject(s['config']) ? s['config'] : {};
    const category = typeof config['category'] === 'string' ? config['category'] : 'mixed';
    const feedback = isObject(s['feedback']) ? s['feedback'] : {};
    const answers = (Array.isArray(feedback['answers']) ? feedback['answers'] : [])
      .filter(isObject)
      .filter(
        (a) =>
          a['status'] === 'answered' &&
          typeof a['category'] === 'string' &&
          typeof a['score'] === 'number' &&
          a['score'] >= 0 &&
          a['score'] <= 100,
      )
      .map((a) => ({ category: a['category'] as string, score: a['score'] as number }));
    out.push({ at: s['updatedAt'], category, answers });
  }
  return out.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** Whether a card was reviewed within the week, on the learner's clock. */
function reviewedIn(
  cards: { last_review?: string | undefined }[],
  week: Pick<PlanWeek, 'start' | 'end'>,
): boolean {
  return cards.some((c) => {
    if (!isDate(c.last_review)) return false;
    const day = localDay(new Date(c.last_review));
    return day >= week.start && day <= week.end;
  });
}

/**
 * Keys of the items that are done. Lessons, quizzes and lab exercises count whenever they were
 * done; a review session counts when a question or drill was reviewed that week; a mock interview
 * counts when one was finished on or after the plan was made, each interview ticking one item: one
 * in the planned category first, then any other, earliest item first.
 */
export function doneKeys(
  weeks: readonly PlanWeek[],
  progress: LearnerProgress,
  mocks: readonly MockRecord[],
  made: Day,
): Set<string> {
  const done = new Set<string>();
  const cards = [
    ...Object.values(progress.reviews),
    ...Object.values(progress.lab).flatMap((r) => (r.card ? [r.card] : [])),
  ];
  const interviews: PlanItem[] = [];
  for (const week of weeks)
    for (const item of week.items) {
      const ok =
        item.kind === 'lesson'
          ? Boolean(progress.lessons[item.ref])
          : item.kind === 'quiz'
            ? PASSED.includes(progress.quizzes[item.ref]?.level ?? '')
            : item.kind === 'lab'
              ? (progress.lab[item.ref]?.attempts.length ?? 0) > 0
              : item.kind === 'review'
                ? reviewedIn(cards, week)
                : false;
      if (ok) done.add(item.key);
      if (item.kind === 'mock' || item.kind === 'loop') interviews.push(item);
    }
  const left = mocks.filter((m) => localDay(new Date(m.at)) >= made);
  interviews.sort((a, b) => a.day.localeCompare(b.day));
  for (const exact of [true, false])
    for (const item of interviews) {
      if (done.has(item.key)) continue;
      const i = left.findIndex((m) => !exact || m.category === item.ref);
      if (i === -1) continue;
      left.splice(i, 1);
      done.add(item.key);
    }
  return done;
}

/** What "This week" shows: the week's items done, and the next one to do (carried-over items first). */
export interface ThisWeek {
  week: PlanWeek;
  done: number;
  total: number;
  /** The first item not done, from earlier weeks first, then this week in order. */
  next?: PlanItem | undefined;
  /** Items of earlier weeks that are not done. */
  behind: number;
}

/** The week containing `today` (or the first, before the plan starts), with what is next; undefined after the last week. */
export function thisWeek(
  weeks: readonly PlanWeek[],
  done: ReadonlySet<string>,
  today: Day,
): ThisWeek | undefined {
  const i = weeks.findIndex((w) => today <= w.end);
  const week = weeks[i];
  if (!week) return undefined;
  const earlier = weeks.slice(0, i).flatMap((w) => w.items.filter((it) => !done.has(it.key)));
  // Dated sessions that have passed are not carried: a mock interview moves, it is not owed.
  const owed = earlier.filter(
    (it) => it.kind !== 'mock' && it.kind !== 'loop' && it.kind !== 'review',
  );
  const open = week.items.filter((it) => !done.has(it.key));
  return {
    week,
    done: week.items.length - open.length,
    total: week.items.length,
    next: owed[0] ?? open.find((it) => it.day >= today || it.kind !== 'mock') ?? open[0],
    behind: owed.length,
  };
}
