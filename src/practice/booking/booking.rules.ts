import { AppError } from '../../platform/errors.js';
import type { Field } from '../../region/index.js';
import type { DivisionPractice, WeeklySlot } from '../slots.rules.js';
import { WEEKDAY_NAMES } from '../../platform/time/time.rules.js';
import { describeInstant } from '../../platform/time/zone.rules.js';

/*
 * The booking decision. Suggestions for a full slot are in alternatives.rules.ts and the checker of
 * a whole booking table in invariants.rules.ts (kept apart to keep each file short).
 */

export interface TeamRef {
  id: string;
  /** Division code, e.g. 10U. */
  division: string;
}

/** One of the team's bookings this season, with its slot. */
export interface TeamBooking {
  slotId: string;
  slot: WeeklySlot;
}

/** When coaches may pick slots: [opensAt, closesAt), ISO-8601 instants. */
export interface SignupWindow {
  /** null: sign-up has not been scheduled yet. */
  opensAt: string | null;
  /** Division code -> an opening time that replaces opensAt for that division. */
  divisionOpensAt?: Record<string, string>;
  /** The change deadline; null: none. */
  closesAt: string | null;
}

/** Everything one booking decision reads; the store counts `booked` inside the booking transaction. */
export interface BookingAttempt {
  now: string;
  /** The region's time zone, for the opening time in messages. */
  timeZone: string;
  signup: SignupWindow;
  team: TeamRef;
  division: DivisionPractice;
  slot: WeeklySlot;
  /** Bookings the slot already has. */
  booked: number;
  /** The slot's field during the slot's time (counted in the same look as `booked`). */
  field: FieldLoad;
  teamBookings: TeamBooking[];
  /** Field names for messages; ids are shown when absent. */
  fields?: Pick<Field, 'id' | 'name'>[];
}

/**
 * A field during one slot's time: how many teams fit on it at once, and the most teams already on
 * it at any moment of that time, in this slot and in the slots that overlap it (field-load.rules).
 */
export interface FieldLoad {
  capacity: number;
  peak: number;
}

export type PlacementInput = Omit<BookingAttempt, 'now' | 'timeZone' | 'signup'>;

const instant = (iso: string, what: string) => {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new AppError('VALIDATION', `${what} "${iso}" is not an ISO-8601 instant.`);
  return t;
};

/** The opening time that applies to a division: its own when the region set one, else the region's. */
export function opensAtFor(signup: SignupWindow, division: string): string | null {
  return signup.divisionOpensAt?.[division] ?? signup.opensAt;
}

/**
 * Why sign-up is shut for a division at `now`, or null when it is open. Open from the opening
 * instant itself (first come, first served starts on the second announced) up to, not including,
 * the change deadline; after it only the coach administrator changes slots.
 */
export function signupRefusal(now: string, signup: SignupWindow, division: string, timeZone: string): AppError | null {
  const t = instant(now, 'now');
  const opensAt = opensAtFor(signup, division);
  if (opensAt === null) return new AppError('SIGNUP_CLOSED', 'Practice sign-up has not been scheduled yet. The region will announce when it opens.', { opensAt: null });
  if (t < instant(opensAt, 'opensAt')) {
    return new AppError('SIGNUP_CLOSED', `Practice sign-up for ${division} opens ${describeInstant(opensAt, timeZone)}. Come back then to pick your slots.`, { opensAt });
  }
  if (signup.closesAt !== null && t >= instant(signup.closesAt, 'closesAt')) {
    return new AppError('SIGNUP_CLOSED', `Practice sign-up closed ${describeInstant(signup.closesAt, timeZone)}. Ask the coach administrator to change your practice slots.`, {
      closesAt: signup.closesAt,
    });
  }
  return null;
}

/** True when the division's weekly practices must fall on different days (only with 2 or more). */
export const needsDifferentDays = (d: DivisionPractice) => d.practice.differentDays && d.practice.perWeek >= 2;

const slotWhen = (s: WeeklySlot) => `${WEEKDAY_NAMES[s.weekday]} ${s.start}-${s.end}`;
const fieldName = (id: string, fields?: Pick<Field, 'id' | 'name'>[]) => fields?.find((f) => f.id === id)?.name ?? id;
const list = (names: string[]) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`);

/** The reasons a slot is refused before the sign-up window is even looked at. */
export type PlacementCode = 'VALIDATION' | 'FIELD_NOT_ALLOWED' | 'ALREADY_BOOKED' | 'ALLOTMENT_USED' | 'SAME_DAY' | 'SLOT_FULL';
type MismatchReason = 'field' | 'length' | 'divisions';

function mismatchReason(division: DivisionPractice, slot: WeeklySlot): MismatchReason | null {
  if (division.practice.fieldIds && !division.practice.fieldIds.includes(slot.fieldId)) return 'field';
  if (slot.minutes !== division.practice.minutes) return 'length';
  return slot.divisions.includes(division.code) ? null : 'divisions';
}

/** Why a division may not use a slot at all (field, length, or the slot is for other divisions), or null. */
export function slotMismatch(division: DivisionPractice, slot: WeeklySlot, fields?: Pick<Field, 'id' | 'name'>[]): AppError | null {
  const { code, practice } = division;
  const details = { slotId: slot.id, division: code };
  switch (mismatchReason(division, slot)) {
    case 'field':
      return new AppError(
        'FIELD_NOT_ALLOWED',
        `${code} teams practise only at ${list(practice.fieldIds!.map((id) => fieldName(id, fields)))}. Pick a slot on one of those fields.`,
        details,
      );
    case 'length':
      return new AppError('FIELD_NOT_ALLOWED', `${code} practices are ${practice.minutes} minutes; this slot is ${slot.minutes}. Pick a ${practice.minutes}-minute slot.`, details);
    case 'divisions':
      return new AppError('FIELD_NOT_ALLOWED', `This slot is kept for ${list(slot.divisions)}. Pick a slot open to ${code}.`, details);
    default:
      return null;
  }
}

/**
 * Why a team may not take a slot, sign-up window aside, as a code only (no message is built, so
 * listing every slot's state for a page stays cheap). Checked from the most lasting reason to
 * the most passing one, so a full slot (the only one another slot fixes) comes last.
 */
export function placementCode(p: Omit<PlacementInput, 'fields'>): PlacementCode | null {
  const { team, division, slot, teamBookings } = p;
  if (team.division !== division.code) return 'VALIDATION';
  if (mismatchReason(division, slot)) return 'FIELD_NOT_ALLOWED';
  if (teamBookings.some((b) => b.slotId === slot.id)) return 'ALREADY_BOOKED';
  if (teamBookings.length >= division.practice.perWeek) return 'ALLOTMENT_USED';
  if (needsDifferentDays(division) && teamBookings.some((b) => b.slot.weekday === slot.weekday)) return 'SAME_DAY';
  return p.booked >= slot.capacity || p.field.peak >= p.field.capacity ? 'SLOT_FULL' : null;
}

/** The refusal of a slot whose own places, or its field's at some moment of its time, are all taken. */
function fullRefusal(p: PlacementInput, where: string, details: Record<string, string>): AppError {
  const { slot, field } = p;
  const figures = { ...details, capacity: slot.capacity, booked: p.booked, fieldCapacity: field.capacity, fieldBooked: field.peak };
  if (p.booked >= slot.capacity) return new AppError('SLOT_FULL', `${where} is full. Pick another slot.`, figures);
  const name = fieldName(slot.fieldId, p.fields);
  return new AppError(
    'SLOT_FULL',
    `${where} is full: ${name} holds ${field.capacity} team${field.capacity === 1 ? '' : 's'} at once, and slots that overlap this one already put ${field.peak} there. Pick another slot.`,
    figures,
  );
}

/** The refusal of `placementCode` as an error with a message that says what to do, or null. */
export function placementRefusal(p: PlacementInput): AppError | null {
  const code = placementCode(p);
  if (code === null) return null;
  const { team, division, slot, teamBookings } = p;
  const details = { slotId: slot.id, teamId: team.id };
  const where = `${slotWhen(slot)} at ${fieldName(slot.fieldId, p.fields)}`;
  switch (code) {
    case 'VALIDATION':
      return new AppError('VALIDATION', `Team ${team.id} plays in ${team.division}, not ${division.code}.`);
    case 'FIELD_NOT_ALLOWED':
      return slotMismatch(division, slot, p.fields);
    case 'ALREADY_BOOKED':
      return new AppError('ALREADY_BOOKED', `Your team already practises ${where}.`, details);
    case 'ALLOTMENT_USED': {
      const perWeek = division.practice.perWeek;
      const n = perWeek === 1 ? 'one practice' : `${perWeek} practices`;
      return new AppError('ALLOTMENT_USED', `${division.code} teams have ${n} a week and yours are all booked. Cancel one to pick another slot.`, { ...details, perWeek });
    }
    case 'SAME_DAY': {
      const other = teamBookings.find((b) => b.slot.weekday === slot.weekday)!;
      return new AppError(
        'SAME_DAY',
        `${division.code} practices must be on different days, and your team already practises on ${WEEKDAY_NAMES[slot.weekday]}. Pick a slot on another day.`,
        { ...details, otherSlotId: other.slotId },
      );
    }
    default:
      return fullRefusal(p, where, details);
  }
}

/**
 * Whether a team may book a slot now: null when it may, else the refusal (SIGNUP_CLOSED,
 * FIELD_NOT_ALLOWED, ALREADY_BOOKED, ALLOTMENT_USED, SAME_DAY, SLOT_FULL: the slot's places, or its
 * field's at some moment of its time, are taken). Run it inside the booking transaction with
 * `booked` and `field` counted there, so two coaches racing for the last place cannot both win.
 */
export function bookingRefusal(a: BookingAttempt): AppError | null {
  return signupRefusal(a.now, a.signup, a.team.division, a.timeZone) ?? placementRefusal(a);
}

/** Throws the refusal of `bookingRefusal`, for services that decide and write in one go. */
export function assertCanBook(a: BookingAttempt): void {
  const refusal = bookingRefusal(a);
  if (refusal) throw refusal;
}
