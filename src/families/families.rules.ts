/** What a parent sees of their child's team, shaped from the team's bookings and games: pure. */
import { WEEKDAY_NAMES } from '../platform/time/time.rules.js';

export interface FieldRef {
  id: string;
  name: string;
  address: string;
}

/** One weekly practice of a team. */
export interface PracticeItem {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  day: string;
  start: string;
  end: string;
  field: FieldRef;
  /** The next date of this practice (blackout dates left out); null when none is left this season. */
  next: string | null;
}

/** One game of a team still to be played, as seen from that team. */
export interface GameItem {
  id: string;
  date: string;
  time: string;
  field: FieldRef;
  opponent: { id: string; name: string };
  home: boolean;
}

export interface BookingInput {
  id: string;
  slot: { fieldId: string; weekday: number; start: string; end: string };
}

export interface GameInput {
  id: string;
  date: string;
  time: string;
  fieldId: string;
  home: { id: string; name: string };
  away: { id: string; name: string };
}

const fieldRef = (fields: readonly FieldRef[], id: string): FieldRef => fields.find((f) => f.id === id) ?? { id, name: id, address: '' };

/**
 * The team's weekly practices, by weekday and start time, each with its next date from the
 * upcoming dates the schedule computed (soonest first).
 */
export function practiceItems(bookings: readonly BookingInput[], upcoming: readonly { date: string; bookingId: string }[], fields: readonly FieldRef[]): PracticeItem[] {
  return [...bookings]
    .sort((a, b) => a.slot.weekday - b.slot.weekday || a.slot.start.localeCompare(b.slot.start))
    .map((b) => ({
      weekday: b.slot.weekday,
      day: WEEKDAY_NAMES[b.slot.weekday] ?? '',
      start: b.slot.start,
      end: b.slot.end,
      field: fieldRef(fields, b.slot.fieldId),
      next: upcoming.find((u) => u.bookingId === b.id)?.date ?? null,
    }));
}

/** The team's games from today on, in date and time order, each with the other team as opponent. */
export function upcomingGames(teamId: string, games: readonly GameInput[], today: string, fields: readonly FieldRef[]): GameItem[] {
  return games
    .filter((g) => g.date >= today && (g.home.id === teamId || g.away.id === teamId))
    .sort((a, b) => a.date.localeCompare(b.date) || a.time.localeCompare(b.time) || (a.id < b.id ? -1 : 1))
    .map((g) => {
      const home = g.home.id === teamId;
      const other = home ? g.away : g.home;
      return { id: g.id, date: g.date, time: g.time, field: fieldRef(fields, g.fieldId), opponent: { id: other.id, name: other.name }, home };
    });
}

/** The teammates' first names a family may see: none unless the region allows it. */
export function visibleTeammates(allowed: boolean, firstNames: readonly string[] | undefined): string[] | null {
  return allowed ? [...(firstNames ?? [])] : null;
}

/** A parent's message to their child's coaches: trimmed, checked for length; the problem otherwise. */
export function coachMessageProblem(text: string): string | null {
  const len = text.trim().length;
  if (len < 10) return 'Write your message to the coaches (at least a sentence).';
  if (len > 5000) return `Shorten your message to 5000 characters (it has ${len}).`;
  return null;
}
