/**
 * Wall-clock helpers for practice slots: times of day as 'HH:MM', calendar dates as 'YYYY-MM-DD'
 * (computed in UTC so that the machine's own zone never matters), weekdays 0 = Sunday .. 6.
 */

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

const DAY_MS = 86_400_000;

/** Minutes since midnight of an 'HH:MM' time of day, or null when it is not one (00:00 to 23:59). */
export function parseTime(text: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** 'HH:MM' of minutes since midnight. */
export function formatTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  return `${String(h).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Minutes since midnight of a time already known to be valid (slots carry validated times). */
export function toMinutes(text: string): number {
  const m = parseTime(text);
  if (m === null) throw new RangeError(`"${text}" is not a time of day written HH:MM.`);
  return m;
}

function dateMs(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

/** The weekday (0 = Sunday) of a calendar date. */
export function weekdayOf(date: string): number {
  return new Date(dateMs(date)).getUTCDay();
}

/** The calendar date `days` after (or before, when negative) another. */
export function addDays(date: string, days: number): string {
  return new Date(dateMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** True when two weekday slots share any minute: [start, end) intervals. */
export function timesOverlap(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  return toMinutes(a.start) < toMinutes(b.end) && toMinutes(b.start) < toMinutes(a.end);
}
