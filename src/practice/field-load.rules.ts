import type { Field } from '../region/index.js';
import { toMinutes, WEEKDAY_NAMES } from '../platform/time/time.rules.js';
import type { WeeklySlot } from './slots.rules.js';

/*
 * A field holds at most its capacity of teams at any moment, whatever the lengths of the slots cut
 * from its time: a 60- and a 90-minute slot that overlap share the field's places. These rules
 * count the teams on a field moment by moment; the booking decision, the sign-up page and the
 * invariant checker all read them.
 */

/** Teams booked in one stretch of a field's time on one weekday (a slot and its count). */
export interface SlotLoad {
  id?: string;
  start: string;
  end: string;
  booked: number;
}

/** The most teams on a field at once during [start, end) and the first moment it is reached. */
export interface Peak {
  teams: number;
  at: string;
}

/**
 * The busiest moment of [start, end) on a field, from the slots of that field and weekday with
 * their bookings (slots outside the stretch are ignored). The count only rises where a slot
 * starts, so the stretch's start and the starts inside it are the moments to look at.
 */
export function peakLoad(start: string, end: string, loads: readonly SlotLoad[]): Peak {
  const from = toMinutes(start);
  const to = toMinutes(end);
  const spans = loads.map((l) => ({ s: toMinutes(l.start), e: toMinutes(l.end), n: l.booked, at: l.start })).filter((l) => l.n > 0 && l.s < to && l.e > from);
  const moments = [{ m: from, at: start }, ...spans.filter((l) => l.s > from).map((l) => ({ m: l.s, at: l.at }))].sort((a, b) => a.m - b.m);
  let best: Peak = { teams: 0, at: start };
  for (const { m, at } of moments) {
    const teams = spans.reduce((sum, l) => (l.s <= m && m < l.e ? sum + l.n : sum), 0);
    if (teams > best.teams) best = { teams, at };
  }
  return best;
}

const dayKey = (s: Pick<WeeklySlot, 'fieldId' | 'weekday'>) => `${s.fieldId}\u0000${s.weekday}`;

/** The slots of a list grouped by field and weekday (the slots that can share a moment). */
export function byFieldDay<S extends WeeklySlot>(slots: readonly S[]): Map<string, S[]> {
  const out = new Map<string, S[]>();
  for (const s of slots) {
    const key = dayKey(s);
    const list = out.get(key);
    if (list) list.push(s);
    else out.set(key, [s]);
  }
  return out;
}

const loadsOf = (slots: readonly WeeklySlot[], booked: ReadonlyMap<string, number>): SlotLoad[] =>
  slots.map((s) => ({ id: s.id, start: s.start, end: s.end, booked: booked.get(s.id) ?? 0 }));

/** The most teams on a slot's field at once during the slot's time, its own teams included. */
export function slotPeak(slot: WeeklySlot, groups: ReadonlyMap<string, readonly WeeklySlot[]>, booked: ReadonlyMap<string, number>): number {
  return peakLoad(slot.start, slot.end, loadsOf(groups.get(dayKey(slot)) ?? [slot], booked)).teams;
}

/** Every slot's peak (slotPeak), from a whole season's slots and their bookings. */
export function fieldPeaks(slots: readonly WeeklySlot[], booked: ReadonlyMap<string, number>): Map<string, number> {
  const groups = byFieldDay(slots);
  return new Map(slots.map((s) => [s.id, slotPeak(s, groups, booked)]));
}

/**
 * Why a window or a slot holding `capacity` teams asks more than its field holds at once, or null:
 * a window or slot may hold fewer teams than its field, never more.
 */
export function aboveField(field: Pick<Field, 'name' | 'capacity'>, capacity: number, what: 'window' | 'slot'): string | null {
  if (capacity <= field.capacity) return null;
  const fix = what === 'window' ? "Lower its capacity, or leave it empty to use the field's." : 'Lower its capacity.';
  return `${field.name} holds ${field.capacity} team${field.capacity === 1 ? '' : 's'} at once, so a ${what} on it may hold at most ${field.capacity} (this one says ${capacity}). ${fix}`;
}

/** How many teams fit on a field at once; unlimited for a field the region no longer lists (its slots' own capacities still hold). */
export function fieldCapacity(fields: readonly Pick<Field, 'id' | 'capacity'>[], fieldId: string): number {
  return fields.find((f) => f.id === fieldId)?.capacity ?? Number.POSITIVE_INFINITY;
}

/** Places left in a slot: its own, and the field's at the busiest moment of the slot's time. */
export function placesLeft(slot: Pick<WeeklySlot, 'capacity'>, booked: number, peak: number, fieldCap: number): number {
  return Math.max(0, Math.min(slot.capacity - booked, fieldCap - peak));
}

/** A field holding more teams at once than fit on it. */
export interface FieldOverload {
  fieldId: string;
  weekday: number;
  at: string;
  teams: number;
  capacity: number;
  message: string;
}

/**
 * Every field and weekday whose busiest moment holds more teams than the field's capacity, from a
 * season's slots and their bookings: the per-moment invariant that overlapping slots must keep.
 */
export function fieldOverloads(slots: readonly WeeklySlot[], booked: ReadonlyMap<string, number>, fields: readonly Pick<Field, 'id' | 'name' | 'capacity'>[]): FieldOverload[] {
  const out: FieldOverload[] = [];
  for (const group of byFieldDay(slots).values()) {
    const first = group[0]!;
    const capacity = fieldCapacity(fields, first.fieldId);
    const peak = peakLoad('00:00', '23:59', loadsOf(group, booked));
    if (peak.teams <= capacity) continue;
    const name = fields.find((f) => f.id === first.fieldId)?.name ?? first.fieldId;
    out.push({
      fieldId: first.fieldId,
      weekday: first.weekday,
      at: peak.at,
      teams: peak.teams,
      capacity,
      message: `${name} holds ${peak.teams} teams at once on ${WEEKDAY_NAMES[first.weekday]} at ${peak.at}; only ${capacity} fit.`,
    });
  }
  return out.sort((a, b) => a.weekday - b.weekday || a.fieldId.localeCompare(b.fieldId));
}
