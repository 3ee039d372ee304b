import type { RegionConfig } from '../../region/index.js';
import type { TeamForBooking } from './bookings.store.js';
import type { StoredSlot } from '../slots.store.js';
import type { WeeklySlot } from '../slots.rules.js';
import { fieldNameOf } from '../practice.rules.js';
import { fieldCapacity, placesLeft } from '../field-load.rules.js';

/** A booking as the API and pages show it. */
export interface BookingView {
  id: string;
  teamId: string;
  slotId: string;
  season: string;
  field: string;
  fieldName: string;
  weekday: number;
  start: string;
  end: string;
  via: 'coach' | 'admin';
}

/** A slot as the API shows it, with the places left. */
export interface SlotView {
  id: string;
  field: string;
  fieldName: string;
  weekday: number;
  start: string;
  end: string;
  minutes: number;
  capacity: number;
  remaining: number;
  divisions: string[];
}

/**
 * A slot with its places left: its own, and its field's at the busiest moment of its time (`peak`,
 * field-load.rules; its own bookings when absent, as where no slot overlaps it).
 */
export const slotView = (config: RegionConfig, s: WeeklySlot, booked: number, peak = booked): SlotView => ({
  id: s.id,
  field: s.fieldId,
  fieldName: fieldNameOf(config, s.fieldId),
  weekday: s.weekday,
  start: s.start,
  end: s.end,
  minutes: s.minutes,
  capacity: s.capacity,
  remaining: placesLeft(s, booked, peak, fieldCapacity(config.fields, s.fieldId)),
  divisions: s.divisions,
});

export const bookingView = (config: RegionConfig, id: string, team: TeamForBooking, slot: StoredSlot, via: 'coach' | 'admin'): BookingView => ({
  id,
  teamId: team.id,
  slotId: slot.id,
  season: team.seasonId,
  field: slot.fieldId,
  fieldName: fieldNameOf(config, slot.fieldId),
  weekday: slot.weekday,
  start: slot.start,
  end: slot.end,
  via,
});
