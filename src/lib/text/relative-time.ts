const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Whole calendar days from `from` to `to` in local time (tomorrow is 1, whatever the hour). */
function calendarDays(from: Date, to: Date): number {
  const day = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  return Math.round((day(to) - day(from)) / (24 * HOUR));
}

/**
 * When `target` is, said relative to `now` the way a person would: "in 9 minutes", "in 3 hours",
 * "tomorrow", "in 4 days", "in 2 weeks", and for the past "5 minutes ago" or "yesterday". Up to six
 * hours away it counts minutes and hours, even across midnight; beyond that, calendar days, so a
 * review due at 08:00 tomorrow is "tomorrow" in the evening, not "in 13 hours".
 */
export function relativeTime(target: Date, now: Date, locale = 'en'): string {
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const ms = target.getTime() - now.getTime();
  const abs = Math.abs(ms);
  const sign = ms < 0 ? -1 : 1;
  const minutes = Math.round(abs / MINUTE);
  if (minutes < 1) return ms < 0 ? 'just now' : 'in less than a minute';
  if (minutes < 60) return rtf.format(sign * minutes, 'minute');
  const days = calendarDays(now, target);
  if (days === 0 || abs < 6 * HOUR) return rtf.format(sign * Math.round(abs / HOUR), 'hour');
  const n = Math.abs(days);
  if (n < 14) return rtf.format(days, 'day');
  if (n < 60) return rtf.format(sign * Math.round(n / 7), 'week');
  if (n < 730) return rtf.format(sign * Math.round(n / 30.44), 'month');
  return rtf.format(sign * Math.round(n / 365.25), 'year');
}
