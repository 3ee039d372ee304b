import { placementCode, type TeamBooking, type TeamRef } from './booking.rules.js';
import { compareSlots, type DivisionPractice, type WeeklySlot } from '../slots.rules.js';
import { toMinutes } from '../../platform/time/time.rules.js';
import type { Field } from '../../region/index.js';
import { fieldCapacity, placesLeft } from '../field-load.rules.js';

export interface AlternativesQuery {
  team: TeamRef;
  division: DivisionPractice;
  /** The slot the team wanted (usually a full one). */
  slot: WeeklySlot;
  /** Every slot of the season. */
  slots: WeeklySlot[];
  /** Slot id -> bookings it has; a missing id has none. */
  booked: ReadonlyMap<string, number>;
  /** Slot id -> the most teams on its field at once during its time (field-load.rules); a missing id: its own bookings. */
  peaks: ReadonlyMap<string, number>;
  /** The region's fields: how many teams each holds at once. */
  fields: readonly Pick<Field, 'id' | 'capacity'>[];
  teamBookings: TeamBooking[];
  /** How many to return; 3 when absent. */
  limit?: number;
}

export interface SlotChoice {
  slot: WeeklySlot;
  booked: number;
  free: number;
  /** Why the team may not take it (an AppError code), or null when it may. */
  refusal: string | null;
}

/**
 * Every slot with its places left and whether this team may take it, in slot order: what the
 * sign-up page lists for a coach (sign-up window aside, which is one answer for the whole page).
 * A slot's places left are its own and its field's at the busiest moment of its time.
 */
export function slotChoices(q: Omit<AlternativesQuery, 'slot' | 'limit'>): SlotChoice[] {
  return [...q.slots].sort(compareSlots).map((slot) => {
    const booked = q.booked.get(slot.id) ?? 0;
    const field = { capacity: fieldCapacity(q.fields, slot.fieldId), peak: q.peaks.get(slot.id) ?? booked };
    const refusal = placementCode({ team: q.team, division: q.division, slot, booked, field, teamBookings: q.teamBookings });
    return { slot, booked, free: placesLeft(slot, booked, field.peak, field.capacity), refusal };
  });
}

const dayDistance = (a: number, b: number) => Math.min((a - b + 7) % 7, (b - a + 7) % 7);

/**
 * The slots nearest to one a team could not get, that the team may book: the same field and day
 * first, then the same day by nearest start time, then other days (nearest day, then nearest
 * time). A coach who lost a race for a slot gets the closest thing to what they wanted.
 */
export function nearestAlternatives(q: AlternativesQuery): WeeklySlot[] {
  const want = q.slot;
  const wantStart = toMinutes(want.start);
  const rank = (s: WeeklySlot) => [
    s.weekday === want.weekday ? (s.fieldId === want.fieldId ? 0 : 1) : 2,
    dayDistance(s.weekday, want.weekday),
    Math.abs(toMinutes(s.start) - wantStart),
    s.fieldId === want.fieldId ? 0 : 1,
  ];
  const ranked = slotChoices(q)
    .filter((c) => c.refusal === null && c.slot.id !== want.id)
    .map((c) => ({ slot: c.slot, key: rank(c.slot) }));
  ranked.sort((a, b) => {
    const i = a.key.findIndex((v, k) => v !== b.key[k]);
    return i >= 0 ? a.key[i]! - b.key[i]! : compareSlots(a.slot, b.slot);
  });
  return ranked.slice(0, q.limit ?? 3).map((r) => r.slot);
}
