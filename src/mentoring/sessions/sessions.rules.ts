import { addDays, parseTime } from '../../platform/time/time.rules.js';

/**
 * Mentoring sessions and sign-ups as pure rules: what a mentor may publish, the weekly repeat,
 * the cut-off for signing up and cancelling, capacity and the waitlist.
 */

export const SESSION_KINDS = ['group', 'practice-visit', 'game-visit'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];
export const SESSION_KIND_LABELS: Record<SessionKind, string> = {
  group: 'Group session',
  'practice-visit': "Visit to a team's practice",
  'game-visit': "Visit to a team's game",
};
export const isSessionKind = (v: string): v is SessionKind => (SESSION_KINDS as readonly string[]).includes(v);
export const isVisit = (kind: string) => kind === 'practice-visit' || kind === 'game-visit';

/** What a mentor fills in to publish a session (or a weekly series of them). */
export interface SessionInput {
  kind: string;
  topic: string;
  date: string;
  startTime: string;
  minutes: number;
  /** A field of the region, or '' with a free-text `place`. */
  fieldId: string;
  place: string;
  teamId: string;
  capacity: number;
  cutoffHours: number;
  repeatWeeks: number;
}

export const SESSION_LIMITS = { minutes: [15, 240], capacity: [1, 100], cutoffHours: [0, 168], repeatWeeks: [1, 26], topic: 120, place: 200 } as const;
/** The cut-off a session gets unless the mentor says otherwise: sign-up and cancelling close 24 hours before. */
export const DEFAULT_CUTOFF_HOURS = 24;

const LAST_MINUTE = 23 * 60 + 59;
const within = (n: number, [lo, hi]: readonly [number, number]) => Number.isInteger(n) && n >= lo && n <= hi;

/**
 * Every problem with a session to publish (empty when it may be published). `today` is the
 * region's date; `fieldIds` the region's fields; `teamKnown` whether the visited team exists.
 */
export function sessionProblems(s: SessionInput, ctx: { today: string; fieldIds: readonly string[]; teamKnown: boolean }): string[] {
  const errors: string[] = [];
  const L = SESSION_LIMITS;
  if (!isSessionKind(s.kind)) errors.push('Choose the kind of session: a group session, or a visit to a practice or a game.');
  if (!s.topic.trim() || s.topic.length > L.topic) errors.push(`Give the session a topic (at most ${L.topic} characters).`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s.date) || Number.isNaN(Date.parse(`${s.date}T00:00:00Z`))) errors.push('Give the date as YYYY-MM-DD.');
  else if (s.date < ctx.today) errors.push(`The date ${s.date} has passed: choose today or a later date.`);
  if (parseTime(s.startTime) === null) errors.push('Give the start time as HH:MM (24-hour clock), for example 18:30.');
  if (!within(s.minutes, L.minutes)) errors.push(`The length must be ${L.minutes[0]} to ${L.minutes[1]} minutes.`);
  else if ((parseTime(s.startTime) ?? 0) + s.minutes > LAST_MINUTE) errors.push('The session must end before midnight: start earlier or make it shorter.');
  if (s.fieldId && !ctx.fieldIds.includes(s.fieldId)) errors.push(`The field "${s.fieldId}" is not one of the region's fields: choose one from the list.`);
  if (!s.fieldId && !s.place.trim() && !isVisit(s.kind)) errors.push('Choose a field, or write where the session takes place.');
  if (s.place.length > L.place) errors.push(`Write the place in at most ${L.place} characters.`);
  if (!within(s.capacity, L.capacity)) errors.push(`The capacity must be ${L.capacity[0]} to ${L.capacity[1]} coaches.`);
  if (!within(s.cutoffHours, L.cutoffHours)) errors.push(`The cut-off must be ${L.cutoffHours[0]} to ${L.cutoffHours[1]} hours before the start.`);
  if (!within(s.repeatWeeks, L.repeatWeeks)) errors.push(`Repeat weekly for ${L.repeatWeeks[0]} to ${L.repeatWeeks[1]} weeks (1 publishes a single session).`);
  if (isVisit(s.kind) && !s.teamId) errors.push('A visit is to one team: choose the team.');
  else if (isVisit(s.kind) && !ctx.teamKnown) errors.push('That team does not exist this season: choose it from the list.');
  return errors;
}

/** Where a session is when the mentor gave no field or place: a visit is wherever the team plays. */
export function defaultPlace(kind: string): string {
  return kind === 'practice-visit' ? "At the team's practice" : kind === 'game-visit' ? "At the team's game" : '';
}

/** The dates of a weekly series: the first date and the same weekday in each following week. */
export function weeklyDates(first: string, weeks: number): string[] {
  return Array.from({ length: weeks }, (_, i) => addDays(first, 7 * i));
}

/**
 * The instant sign-up and cancelling close: `cutoffHours` before the start. Closing both at the
 * same moment gives the mentor a final roster, and means a coach moved up from the waitlist always
 * hears at least `cutoffHours` before the session.
 */
export function changeDeadline(startsAt: string, cutoffHours: number): string {
  return new Date(Date.parse(startsAt) - cutoffHours * 3_600_000).toISOString();
}

export const changesOpen = (startsAt: string, cutoffHours: number, now: string) => now < changeDeadline(startsAt, cutoffHours);

export type SignupDecision = { status: 'confirmed' } | { status: 'waitlisted' } | { refused: 'SESSION_FULL' };

/**
 * Where a coach lands: a free place is confirmed; a full session puts them on the waitlist when
 * they asked for it, and is refused otherwise (so the page can offer the waitlist).
 */
export function decideSignup(capacity: number, confirmed: number, wantsWaitlist: boolean): SignupDecision {
  if (confirmed < capacity) return { status: 'confirmed' };
  return wantsWaitlist ? { status: 'waitlisted' } : { refused: 'SESSION_FULL' };
}

export interface QueuedSignup {
  personId: string;
  status: string;
  position: number;
}

/** Who moves up when a confirmed place frees: the waitlisted coach who joined first. */
export function nextInLine(signups: readonly QueuedSignup[]): QueuedSignup | undefined {
  return signups.filter((s) => s.status === 'waitlisted').sort((a, b) => a.position - b.position)[0];
}

/** A coach's place on the waitlist (1 = next to move up), or null when they are not waiting. */
export function waitlistPlace(signups: readonly QueuedSignup[], personId: string): number | null {
  const mine = signups.find((s) => s.personId === personId && s.status === 'waitlisted');
  if (!mine) return null;
  return signups.filter((s) => s.status === 'waitlisted' && s.position < mine.position).length + 1;
}

/** The end time of day of a session (for display and calendars); sessions never cross midnight. */
export function endTime(startTime: string, minutes: number): string {
  const end = Math.min((parseTime(startTime) ?? 0) + minutes, LAST_MINUTE);
  return `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`;
}
