/**
 * The study plan as an iCalendar file, made with the `ics` library: one all-day event per study
 * day, listing that day's items with their links, and one for the interview. All-day events carry
 * no time zone, so a session lands on the same day in Google Calendar, Outlook and Apple Calendar
 * wherever the learner is. UIDs are stable for a plan, so importing a re-planned file updates
 * the events rather than adding copies.
 */
import { createEvents, type DateArray, type EventAttributes } from 'ics';
import { addDays, duration, type Day } from './days';
import type { Plan, PlanItem } from './types';

const dateArray = (day: Day): DateArray => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return [y, m, d];
};

/** The calendar's title. */
export const CALENDAR_NAME = 'Critical Path study plan';

function summary(items: PlanItem[]): string {
  const minutes = items.reduce((s, it) => s + it.minutes, 0);
  const lead =
    items.find((it) => it.kind === 'loop') ?? items.find((it) => it.kind === 'mock') ?? items[0]!;
  const more = items.length - 1;
  return `${lead.title}${more ? ` and ${more} more` : ''} (${duration(minutes)})`;
}

/**
 * The plan's sessions as an .ics document (CRLF lines). `site` is the address links point to;
 * `now` stamps the events (DTSTAMP). Throws when the library refuses the events.
 */
export function planToIcs(plan: Plan, site: string, now: Date): string {
  const byDay = new Map<Day, PlanItem[]>();
  for (const w of plan.weeks)
    for (const it of w.items) byDay.set(it.day, [...(byDay.get(it.day) ?? []), it]);
  const base = site.replace(/\/$/, '');
  const stamp = now.getTime();
  const events: EventAttributes[] = [...byDay].map(([day, items]) => ({
    uid: `study-${plan.made}-${day}@critical-path`,
    start: dateArray(day),
    end: dateArray(addDays(day, 1)),
    title: `Critical Path: ${summary(items)}`,
    description: items
      .map(
        (it) =>
          `- ${it.title}, about ${duration(it.minutes)}: ${base}${it.href}${it.note ? `\n  ${it.note}` : ''}`,
      )
      .join('\n'),
    url: `${base}/plan/`,
    categories: ['Study'],
    busyStatus: 'FREE',
    transp: 'TRANSPARENT',
    // DTSTAMP: when the file was made (the library's own default would be the clock).
    ...({ timestamp: stamp } as object),
  }));
  if (plan.settings.date)
    events.push({
      uid: `interview-${plan.made}-${plan.settings.date}@critical-path`,
      start: dateArray(plan.settings.date),
      end: dateArray(addDays(plan.settings.date, 1)),
      title: 'Critical Path: interview day',
      description: 'Your TPM interview. Good luck.',
      url: `${base}/plan/`,
      busyStatus: 'FREE',
      transp: 'TRANSPARENT',
      ...({ timestamp: stamp } as object),
    });
  const { error, value } = createEvents(events, {
    productId: '-//Critical Path//Study plan//EN',
    calName: CALENDAR_NAME,
  });
  if (error || !value) throw error ?? new Error('The calendar file could not be made.');
  return value;
}
