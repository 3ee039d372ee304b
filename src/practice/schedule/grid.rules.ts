import { formatTime, toMinutes } from '../../platform/time/time.rules.js';
import { offsetAt } from '../../platform/time/zone.rules.js';

/** The wall clock of the region at an instant: its date, weekday (0 = Sunday) and time HH:MM. */
export function regionClock(nowIso: string, timeZone: string): { date: string; weekday: number; time: string } {
  const t = Date.parse(nowIso);
  const local = new Date(t + offsetAt(timeZone, t) * 60_000);
  return { date: local.toISOString().slice(0, 10), weekday: local.getUTCDay(), time: formatTime(local.getUTCHours() * 60 + local.getUTCMinutes()) };
}

/** True when a weekly slot is in progress at a region wall-clock moment: [start, end). */
export function isNow(slot: { weekday: number; start: string; end: string }, at: { weekday: number; time: string }): boolean {
  const m = toMinutes(at.time);
  return slot.weekday === at.weekday && toMinutes(slot.start) <= m && m < toMinutes(slot.end);
}

/**
 * Whether practices happen on a date at all: inside the season and not a blackout. The field
 * marshal's grid says so instead of listing teams that should not be there.
 */
export function practiceDay(date: string, season: { startDate: string; endDate: string }, blackouts: readonly string[]): 'practice' | 'blackout' | 'off-season' {
  if (date < season.startDate || date > season.endDate) return 'off-season';
  return blackouts.includes(date) ? 'blackout' : 'practice';
}
