import { needsDifferentDays, type TeamRef } from './booking.rules.js';
import type { DivisionPractice, WeeklySlot } from '../slots.rules.js';
import { WEEKDAY_NAMES } from '../../platform/time/time.rules.js';
import type { Field } from '../../region/index.js';
import { fieldOverloads } from '../field-load.rules.js';

export interface BookingRow {
  teamId: string;
  slotId: string;
}

export type ViolationKind = 'OVER_CAPACITY' | 'OVER_FIELD' | 'OVER_ALLOTMENT' | 'DUPLICATE' | 'SAME_DAY' | 'UNKNOWN_SLOT' | 'UNKNOWN_TEAM';

export interface Violation {
  kind: ViolationKind;
  message: string;
  slotId?: string;
  teamId?: string;
  fieldId?: string;
}

export interface BookingTable {
  bookings: BookingRow[];
  slots: WeeklySlot[];
  teams: TeamRef[];
  divisions: DivisionPractice[];
  /** The region's fields: at any moment a field holds at most its capacity, whatever the slots' lengths. */
  fields: Pick<Field, 'id' | 'name' | 'capacity'>[];
}

/**
 * Every broken sign-up invariant of a whole booking table: a slot over capacity, a field holding
 * more teams than fit at some moment (overlapping slots share it), a team over its weekly
 * allotment, the same team twice in a slot, two practices on one day where the division needs
 * different days, and bookings of unknown slots or teams. Empty when the table is sound; the
 * concurrency test and the rush benchmark run it after racing bookings.
 */
export function bookingViolations(t: BookingTable): Violation[] {
  const slots = new Map(t.slots.map((s) => [s.id, s]));
  const teams = new Map(t.teams.map((x) => [x.id, x]));
  const out: Violation[] = [];
  for (const b of t.bookings) {
    if (!slots.has(b.slotId)) out.push({ kind: 'UNKNOWN_SLOT', message: `Team ${b.teamId} is booked in slot ${b.slotId}, which does not exist.`, ...b });
    if (!teams.has(b.teamId)) out.push({ kind: 'UNKNOWN_TEAM', message: `Slot ${b.slotId} holds team ${b.teamId}, which does not exist.`, ...b });
  }
  return [...out, ...capacityViolations(t), ...t.teams.flatMap((team) => teamViolations(team, t, slots))];
}

function capacityViolations({ bookings, slots, fields }: BookingTable): Violation[] {
  const count = new Map<string, number>();
  for (const b of bookings) count.set(b.slotId, (count.get(b.slotId) ?? 0) + 1);
  const overSlot = slots
    .filter((s) => (count.get(s.id) ?? 0) > s.capacity)
    .map((s) => ({ kind: 'OVER_CAPACITY' as const, slotId: s.id, message: `Slot ${s.id} holds ${count.get(s.id)} teams; only ${s.capacity} fit.` }));
  const overField = fieldOverloads(slots, count, fields).map((o) => ({ kind: 'OVER_FIELD' as const, fieldId: o.fieldId, message: o.message }));
  return [...overSlot, ...overField];
}

function teamViolations(team: TeamRef, t: BookingTable, slots: Map<string, WeeklySlot>): Violation[] {
  const out: Violation[] = [];
  const rows = t.bookings.filter((b) => b.teamId === team.id);
  const division = t.divisions.find((d) => d.code === team.division);
  if (!division) return rows.length ? [{ kind: 'UNKNOWN_TEAM', teamId: team.id, message: `Team ${team.id} is in division ${team.division}, which does not exist.` }] : [];
  if (rows.length > division.practice.perWeek) {
    out.push({ kind: 'OVER_ALLOTMENT', teamId: team.id, message: `Team ${team.id} has ${rows.length} practices a week; ${division.code} allows ${division.practice.perWeek}.` });
  }
  const distinct = [...new Set(rows.map((r) => r.slotId))];
  for (const slotId of distinct) {
    if (rows.filter((r) => r.slotId === slotId).length > 1) out.push({ kind: 'DUPLICATE', teamId: team.id, slotId, message: `Team ${team.id} is booked twice in slot ${slotId}.` });
  }
  if (!needsDifferentDays(division)) return out;
  const days = new Map<number, string>();
  for (const slot of distinct.map((id) => slots.get(id)).filter((s) => s !== undefined)) {
    const other = days.get(slot.weekday);
    if (other)
      out.push({ kind: 'SAME_DAY', teamId: team.id, slotId: slot.id, message: `Team ${team.id} practises twice on ${WEEKDAY_NAMES[slot.weekday]} (${other} and ${slot.id}).` });
    else days.set(slot.weekday, slot.id);
  }
  return out;
}
