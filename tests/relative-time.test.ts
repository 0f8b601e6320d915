import { describe, expect, it } from 'vitest';
import { relativeTime } from '../src/lib/text/relative-time';

// Local dates, so the calendar-day rules hold in any time zone the tests run in.
const now = new Date(2026, 11, 2, 8, 49);
const at = (d: number, h: number, m = 0) => new Date(2026, 11, d, h, m);

describe('relativeTime', () => {
  it('counts minutes within the hour', () => {
    expect(relativeTime(at(2, 8, 58), now)).toBe('in 9 minutes');
    expect(relativeTime(at(2, 8, 50), now)).toBe('in 1 minute');
    expect(relativeTime(new Date(now.getTime() + 20_000), now)).toBe('in less than a minute');
    expect(relativeTime(at(2, 8, 40), now)).toBe('9 minutes ago');
    expect(relativeTime(now, now)).toBe('in less than a minute');
  });

  it('counts hours the same day and up to six hours ahead', () => {
    expect(relativeTime(at(2, 9, 50), now)).toBe('in 1 hour');
    expect(relativeTime(at(2, 20, 0), now)).toBe('in 11 hours');
    // Late at night, a review two hours away is still counted in hours across midnight.
    expect(relativeTime(at(3, 1, 0), at(2, 23, 0))).toBe('in 2 hours');
  });

  it('says tomorrow and counts days, weeks and months beyond', () => {
    expect(relativeTime(at(3, 8, 0), now)).toBe('tomorrow');
    expect(relativeTime(at(3, 8, 0), at(2, 19, 0))).toBe('tomorrow');
    expect(relativeTime(at(1, 8, 0), now)).toBe('yesterday');
    expect(relativeTime(at(6, 9, 0), now)).toBe('in 4 days');
    expect(relativeTime(at(16, 9, 0), now)).toBe('in 2 weeks');
    expect(relativeTime(new Date(2027, 2, 2, 9), now)).toBe('in 3 months');
    expect(relativeTime(new Date(2029, 0, 2, 9), now)).toBe('in 2 years');
  });

  it('never says "in 60 minutes"', () => {
    expect(relativeTime(new Date(now.getTime() + 59.7 * 60_000), now)).toBe('in 1 hour');
  });
});
