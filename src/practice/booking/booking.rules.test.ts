import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { defaultRegionConfig } from '../../region/region.testkit.js';
import { assertCanBook, bookingRefusal, needsDifferentDays, signupRefusal, type BookingAttempt, type SignupWindow, type TeamBooking } from './booking.rules.js';
import { generateSlots, practiceGroups, type DivisionPractice, type PracticeWindow, type WeeklySlot } from '../slots.rules.js';
import { fieldCapacity } from '../field-load.rules.js';

const config = defaultRegionConfig('2026-08-01');
const TZ = config.region.timeZone;
const YOUNG = ['6U', '7U', '8U', '10U', '12U'];
const OLD = ['14U', '16U', '19U'];
const windows: PracticeWindow[] = [
  { fieldId: 'richmond', weekdays: [1, 3], startTime: '17:00', endTime: '19:00', divisions: YOUNG },
  { fieldId: 'brett', weekdays: [2, 4], startTime: '17:00', endTime: '19:00', divisions: YOUNG },
  { fieldId: 'campus-el-segundo', weekdays: [1, 2, 3, 4], startTime: '16:00', endTime: '18:00', divisions: YOUNG },
  { fieldId: 'campus-el-segundo', weekdays: [1, 2, 3, 4], startTime: '18:00', endTime: '21:00', divisions: OLD },
  { fieldId: 'brett', weekdays: [5], startTime: '17:00', endTime: '20:00', divisions: OLD },
  { fieldId: 'richmond', weekdays: [6], startTime: '09:00', endTime: '12:00', divisions: OLD },
];
const slots = generateSlots(windows, practiceGroups(config.divisions), config.fields);
const slot = (id: string) => slots.find((s) => s.id === id) ?? fail(`no slot ${id}`);
const division = (code: string) => config.divisions.find((d) => d.code === code) ?? fail(`no division ${code}`);
const signup: SignupWindow = { opensAt: '2026-08-25T02:00:00.000Z', closesAt: '2026-09-15T07:00:00.000Z' };
const OPEN = '2026-08-25T02:00:00.000Z';

function fail(message: string): never {
  throw new Error(message);
}

const held = (...ids: string[]): TeamBooking[] => ids.map((id) => ({ slotId: id, slot: slot(id) }));

/** An attempt on a slot; unless `over.field` says otherwise, no other slot overlaps it on its field. */
function attempt(code: string, slotId: string, over: Partial<BookingAttempt> = {}): BookingAttempt {
  const s = over.slot ?? slot(slotId);
  return {
    field: { capacity: fieldCapacity(config.fields, s.fieldId), peak: over.booked ?? 0 },
    now: OPEN,
    timeZone: TZ,
    signup,
    team: { id: `t-${code}`, division: code },
    division: division(code),
    slot: slot(slotId),
    booked: 0,
    teamBookings: [],
    fields: config.fields,
    ...over,
  };
}

const codeOf = (a: BookingAttempt) => bookingRefusal(a)?.code ?? null;

/** The practice table of rules.md, restated here so a change to the defaults is caught. */
const TABLE: Record<string, { perWeek: number; minutes: number; fields: string[] }> = {
  '6U': { perWeek: 1, minutes: 60, fields: ['brett', 'richmond'] },
  '7U': { perWeek: 1, minutes: 60, fields: ['brett', 'richmond'] },
  '8U': { perWeek: 1, minutes: 60, fields: ['brett', 'richmond'] },
  '10U': { perWeek: 2, minutes: 60, fields: ['brett', 'campus-el-segundo', 'richmond'] },
  '12U': { perWeek: 2, minutes: 60, fields: ['brett', 'campus-el-segundo', 'richmond'] },
  '14U': { perWeek: 2, minutes: 90, fields: ['brett', 'campus-el-segundo', 'richmond'] },
  '16U': { perWeek: 2, minutes: 90, fields: ['brett', 'campus-el-segundo', 'richmond'] },
  '19U': { perWeek: 2, minutes: 90, fields: ['brett', 'campus-el-segundo', 'richmond'] },
};

/** Bookable slots for a team with no bookings, one per weekday, in slot order. */
function onePerDay(code: string): WeeklySlot[] {
  const open = slots.filter((s) => bookingRefusal(attempt(code, s.id)) === null);
  return open.filter((s, i) => open.findIndex((o) => o.weekday === s.weekday) === i);
}

describe.each(Object.entries(TABLE))('division %s of the default region', (code, rule) => {
  it('has the practice rule of rules.md', () => {
    const p = division(code).practice;
    expect([p.perWeek, p.minutes]).toEqual([rule.perWeek, rule.minutes]);
    expect(needsDifferentDays(division(code))).toBe(rule.perWeek >= 2);
  });

  it('may book exactly the slots of its length on its fields', () => {
    const open = slots.filter((s) => bookingRefusal(attempt(code, s.id)) === null);
    expect([...new Set(open.map((s) => s.fieldId))].sort()).toEqual(rule.fields);
    expect(open.every((s) => s.minutes === rule.minutes)).toBe(true);
    const refused = slots.filter((s) => !open.includes(s)).map((s) => codeOf(attempt(code, s.id)));
    expect(refused.length).toBeGreaterThan(0);
    expect(new Set(refused)).toEqual(new Set(['FIELD_NOT_ALLOWED']));
  });

  it(`books ${rule.perWeek} practice(s) a week on different days, then no more`, () => {
    const days = onePerDay(code);
    const mine = days.slice(0, rule.perWeek);
    for (let i = 0; i < mine.length; i++) expect(codeOf(attempt(code, mine[i]!.id, { teamBookings: held(...mine.slice(0, i).map((s) => s.id)) }))).toBeNull();
    const extra = days[rule.perWeek] ?? fail('not enough days');
    expect(codeOf(attempt(code, extra.id, { teamBookings: held(...mine.map((s) => s.id)) }))).toBe('ALLOTMENT_USED');
  });
});

describe('refusals', () => {
  it('SAME_DAY: a 10U team may not take a second Monday practice', () => {
    const refusal = bookingRefusal(attempt('10U', 'campus-el-segundo:1:16:00-17:00', { teamBookings: held('richmond:1:17:00-18:00') }));
    expect(refusal?.code).toBe('SAME_DAY');
    expect(refusal?.message).toContain('Monday');
    expect(codeOf(attempt('10U', 'campus-el-segundo:2:16:00-17:00', { teamBookings: held('richmond:1:17:00-18:00') }))).toBeNull();
  });

  it('SAME_DAY is a region setting: without differentDays two practices may share a day', () => {
    const relaxed: DivisionPractice = { code: '14U', practice: { ...division('14U').practice, differentDays: false } };
    const a = attempt('14U', 'campus-el-segundo:1:19:30-21:00', { division: relaxed, teamBookings: held('campus-el-segundo:1:18:00-19:30') });
    expect(codeOf(a)).toBeNull();
  });

  it('SLOT_FULL when the slot holds its capacity, not one below', () => {
    const s = 'richmond:1:17:00-18:00';
    expect(slot(s).capacity).toBe(2);
    expect(codeOf(attempt('8U', s, { booked: 1 }))).toBeNull();
    const full = bookingRefusal(attempt('8U', s, { booked: 2 }));
    expect(full?.code).toBe('SLOT_FULL');
    expect(full?.message).toBe('Monday 17:00-18:00 at Richmond is full. Pick another slot.');
    expect(full?.details).toMatchObject({ slotId: s, capacity: 2, booked: 2 });
  });

  it('SLOT_FULL when slots overlapping this one already hold the field at some moment of its time', () => {
    const s = 'brett:5:17:00-18:30';
    expect(slot(s).capacity).toBe(2);
    expect(codeOf(attempt('14U', s, { booked: 0, field: { capacity: 2, peak: 1 } }))).toBeNull();
    const full = bookingRefusal(attempt('14U', s, { booked: 1, field: { capacity: 2, peak: 2 } }));
    expect(full?.code).toBe('SLOT_FULL');
    expect(full?.message).toBe('Friday 17:00-18:30 at Brett is full: Brett holds 2 teams at once, and slots that overlap this one already put 2 there. Pick another slot.');
    expect(full?.details).toMatchObject({ slotId: s, capacity: 2, booked: 1, fieldCapacity: 2, fieldBooked: 2 });
  });

  it('ALREADY_BOOKED when the team holds the slot, before the allotment or capacity', () => {
    const s = 'brett:2:17:00-18:00';
    expect(codeOf(attempt('6U', s, { teamBookings: held(s), booked: 2 }))).toBe('ALREADY_BOOKED');
  });

  it('FIELD_NOT_ALLOWED names the allowed fields, the length, or the divisions of the slot', () => {
    const campus6U = { ...slot('campus-el-segundo:1:16:00-17:00'), divisions: ['6U'] };
    expect(bookingRefusal(attempt('6U', campus6U.id, { slot: campus6U }))?.message).toBe('6U teams practise only at Richmond or Brett. Pick a slot on one of those fields.');
    expect(bookingRefusal(attempt('14U', 'richmond:1:17:00-18:00'))?.message).toContain('14U practices are 90 minutes; this slot is 60');
    const kept = { ...slot('richmond:1:17:00-18:00'), divisions: ['6U', '7U'] };
    const refusal = bookingRefusal(attempt('10U', kept.id, { slot: kept }));
    expect([refusal?.code, refusal?.message]).toEqual(['FIELD_NOT_ALLOWED', 'This slot is kept for 6U or 7U. Pick a slot open to 10U.']);
  });

  it('checks the lasting reasons before a full slot', () => {
    const mon = 'richmond:1:17:00-18:00';
    expect(codeOf(attempt('6U', 'brett:2:17:00-18:00', { teamBookings: held(mon), booked: 5 }))).toBe('ALLOTMENT_USED');
    expect(codeOf(attempt('10U', 'campus-el-segundo:1:16:00-17:00', { teamBookings: held(mon), booked: 5 }))).toBe('SAME_DAY');
    expect(codeOf(attempt('6U', 'campus-el-segundo:1:16:00-17:00', { booked: 5 }))).toBe('FIELD_NOT_ALLOWED');
    expect(codeOf(attempt('6U', mon, { now: '2026-08-01T00:00:00Z', booked: 5 }))).toBe('SIGNUP_CLOSED');
  });

  it('assertCanBook throws the refusal as an AppError', () => {
    expect(() => assertCanBook(attempt('6U', 'richmond:1:17:00-18:00'))).not.toThrow();
    expect(() => assertCanBook(attempt('6U', 'richmond:1:17:00-18:00', { booked: 2 }))).toThrow(expect.objectContaining({ code: 'SLOT_FULL' }));
  });

  it('refuses a team checked against another division rule', () => {
    expect(codeOf(attempt('6U', 'richmond:1:17:00-18:00', { division: division('8U') }))).toBe('VALIDATION');
  });
});

describe('sign-up window', () => {
  const at = (now: string, w: SignupWindow = signup, code = '10U', tz = TZ) => signupRefusal(now, w, code, tz);

  it('is open from exactly the opening instant', () => {
    expect(at('2026-08-25T02:00:00.000Z')).toBeNull();
    expect(at('2026-08-25T02:00:00Z')).toBeNull();
    expect(at('2026-08-24T19:00:00-07:00')).toBeNull();
    expect(at('2026-08-25T01:59:59.999Z')?.code).toBe('SIGNUP_CLOSED');
  });

  it('gives the opening time in the region time zone', () => {
    const early = at('2026-08-20T00:00:00Z');
    expect(early).toBeInstanceOf(AppError);
    expect(early?.message).toBe('Practice sign-up for 10U opens Monday, August 24, 2026 at 7:00 PM PDT. Come back then to pick your slots.');
    expect(early?.details).toEqual({ opensAt: signup.opensAt });
    expect(at('2026-08-20T00:00:00Z', signup, '10U', 'America/New_York')?.message).toContain('August 24, 2026 at 10:00 PM EDT');
  });

  it('closes at the change deadline', () => {
    expect(at('2026-09-15T06:59:59.999Z')).toBeNull();
    const late = at('2026-09-15T07:00:00.000Z');
    expect(late?.code).toBe('SIGNUP_CLOSED');
    expect(late?.message).toContain('closed Tuesday, September 15, 2026 at 12:00 AM PDT');
    expect(at('2027-01-01T00:00:00Z', { ...signup, closesAt: null })).toBeNull();
  });

  it('is closed while no opening is scheduled', () => {
    expect(at('2030-01-01T00:00:00Z', { opensAt: null, closesAt: null })?.message).toContain('has not been scheduled');
  });

  it('uses a division opening time when the region sets one', () => {
    const staggered: SignupWindow = { ...signup, divisionOpensAt: { '14U': '2026-08-26T02:00:00Z' } };
    expect(at(OPEN, staggered, '10U')).toBeNull();
    expect(at(OPEN, staggered, '14U')?.message).toContain('opens Tuesday, August 25, 2026 at 7:00 PM PDT');
    expect(at('2026-08-26T02:00:00Z', staggered, '14U')).toBeNull();
  });

  it('refuses a malformed instant as a validation error', () => {
    expect(() => at('yesterday')).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});
