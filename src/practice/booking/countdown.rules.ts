import { opensAtFor, type SignupWindow } from './booking.rules.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * How long until an instant, in words a coach reads at a glance: "3 days 4 hours", "5 hours 12
 * minutes", "7 minutes", "less than a minute". Rounded down, so it never promises a moment too soon.
 */
export function timeUntil(nowMs: number, thenMs: number): string {
  const left = thenMs - nowMs;
  if (left < MINUTE) return 'less than a minute';
  const days = Math.floor(left / DAY);
  const hours = Math.floor((left % DAY) / HOUR);
  const minutes = Math.floor((left % HOUR) / MINUTE);
  if (days > 0) return hours > 0 ? `${plural(days, 'day')} ${plural(hours, 'hour')}` : plural(days, 'day');
  if (hours > 0) return minutes > 0 ? `${plural(hours, 'hour')} ${plural(minutes, 'minute')}` : plural(hours, 'hour');
  return plural(minutes, 'minute');
}

export type SignupState =
  | { state: 'unscheduled' }
  | { state: 'not-yet'; opensAt: string; countdown: string }
  | { state: 'open'; closesAt: string | null; countdown: string | null }
  | { state: 'closed'; closesAt: string };

/** Where a division's sign-up stands at `now`: what the coach page says above the slot list. */
export function signupState(now: string, signup: SignupWindow, division: string): SignupState {
  const t = Date.parse(now);
  const opensAt = opensAtFor(signup, division);
  if (opensAt === null) return { state: 'unscheduled' };
  if (t < Date.parse(opensAt)) return { state: 'not-yet', opensAt, countdown: timeUntil(t, Date.parse(opensAt)) };
  if (signup.closesAt !== null && t >= Date.parse(signup.closesAt)) return { state: 'closed', closesAt: signup.closesAt };
  return { state: 'open', closesAt: signup.closesAt, countdown: signup.closesAt ? timeUntil(t, Date.parse(signup.closesAt)) : null };
}
