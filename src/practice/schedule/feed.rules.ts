import type { Field } from '../../region/index.js';
import type { IcalEvent } from '../../platform/time/ical.js';
import { slotRecurrence, type SeasonDates, type WeeklySlot } from '../slots.rules.js';
import { WEEKDAY_NAMES } from '../../platform/time/time.rules.js';

export interface PracticeEventInput {
  bookingId: string;
  /** The host part of the UID (RFC 5545 suggests a domain); 'touchline' when absent. */
  uidDomain?: string;
  teamName: string;
  division: string;
  slot: WeeklySlot;
  field: Pick<Field, 'name' | 'address'>;
  season: SeasonDates;
  blackouts: readonly string[];
}

/**
 * The calendar event of one booking: the weekly slot from its first practice date to the season's
 * end, blackout dates excluded. The UID comes from the booking id, so a refreshed feed updates the
 * same event. Null when no practice date is left in the season on that weekday.
 */
export function practiceEvent(i: PracticeEventInput): IcalEvent | null {
  const recurrence = slotRecurrence(i.slot.weekday, i.season, i.blackouts);
  if (!recurrence) return null;
  const { slot, field } = i;
  const when = `${WEEKDAY_NAMES[slot.weekday]}s ${slot.start}-${slot.end}`;
  return {
    uid: `practice-${i.bookingId}@${i.uidDomain ?? 'touchline'}`,
    summary: `${i.teamName} practice`,
    location: field.address ? `${field.name}, ${field.address}` : field.name,
    description: `${i.division} practice, ${when} at ${field.name}. Teams practise only in their registered slots.`,
    weekday: slot.weekday,
    start: slot.start,
    end: slot.end,
    ...recurrence,
  };
}
