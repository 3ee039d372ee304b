import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../platform/clock.js';
import { defaultRegionConfig } from '../../region/region.testkit.js';
import { bookingRefusal, type TeamBooking, type TeamRef } from './booking.rules.js';
import { bookingViolations, type BookingRow, type BookingTable } from './invariants.rules.js';
import { generateSlots, overlappingSlots, practiceGroups, type PracticeWindow } from '../slots.rules.js';
import { byFieldDay, fieldCapacity, slotPeak } from '../field-load.rules.js';

const config = defaultRegionConfig('2026-08-01');
const windows: PracticeWindow[] = [
  { fieldId: 'richmond', weekdays: [1, 3], startTime: '17:00', endTime: '19:00', divisions: ['6U', '7U', '8U', '10U', '12U'] },
  { fieldId: 'brett', weekdays: [2, 4], startTime: '17:00', endTime: '19:00', divisions: ['6U', '7U', '8U', '10U', '12U'] },
  { fieldId: 'campus-el-segundo', weekdays: [1, 2, 3, 4, 5], startTime: '16:00', endTime: '21:00' },
];
const slots = generateSlots(windows, practiceGroups(config.divisions), config.fields);
const teams: TeamRef[] = [
  { id: 'u8', division: '8U' },
  { id: 'u10', division: '10U' },
  { id: 'u14', division: '14U' },
];
const table = (bookings: BookingRow[], over: Partial<BookingTable> = {}): BookingTable => ({ bookings, slots, teams, divisions: config.divisions, fields: config.fields, ...over });
const kinds = (t: BookingTable) => bookingViolations(t).map((v) => [v.kind, v.teamId ?? v.slotId ?? v.fieldId]);

const sound: BookingRow[] = [
  { teamId: 'u8', slotId: 'richmond:1:17:00-18:00' },
  { teamId: 'u10', slotId: 'richmond:1:17:00-18:00' },
  { teamId: 'u10', slotId: 'brett:2:17:00-18:00' },
  { teamId: 'u14', slotId: 'campus-el-segundo:3:16:00-17:30' },
];

describe('bookingViolations', () => {
  it('finds nothing wrong with a sound table', () => {
    expect(bookingViolations(table(sound))).toEqual([]);
  });

  it('finds a slot over capacity', () => {
    const rows = [...sound, { teamId: 'extra', slotId: 'richmond:1:17:00-18:00' }];
    const v = bookingViolations(table(rows, { teams: [...teams, { id: 'extra', division: '6U' }] }));
    expect(v).toEqual([
      { kind: 'OVER_CAPACITY', slotId: 'richmond:1:17:00-18:00', message: 'Slot richmond:1:17:00-18:00 holds 3 teams; only 2 fit.' },
      { kind: 'OVER_FIELD', fieldId: 'richmond', message: 'Richmond holds 3 teams at once on Monday at 17:00; only 2 fit.' },
    ]);
  });

  it('finds a field holding more teams than fit at one moment through overlapping slots, each within its own capacity', () => {
    // Campus (3 teams at once): two 14U teams 16:00-17:30 and two 10U teams 17:00-18:00 share 17:00-17:30.
    const rows: BookingRow[] = [
      { teamId: 'a', slotId: 'campus-el-segundo:4:16:00-17:30' },
      { teamId: 'b', slotId: 'campus-el-segundo:4:16:00-17:30' },
      { teamId: 'c', slotId: 'campus-el-segundo:4:17:00-18:00' },
      { teamId: 'd', slotId: 'campus-el-segundo:4:17:00-18:00' },
    ];
    const four: TeamRef[] = [
      { id: 'a', division: '14U' },
      { id: 'b', division: '16U' },
      { id: 'c', division: '10U' },
      { id: 'd', division: '12U' },
    ];
    expect(bookingViolations(table(rows, { teams: four }))).toEqual([
      { kind: 'OVER_FIELD', fieldId: 'campus-el-segundo', message: 'Campus El Segundo holds 4 teams at once on Thursday at 17:00; only 3 fit.' },
    ]);
    expect(bookingViolations(table(rows.slice(1), { teams: four }))).toEqual([]);
  });

  it('finds a team above its allotment', () => {
    expect(kinds(table([...sound, { teamId: 'u8', slotId: 'brett:4:17:00-18:00' }]))).toEqual([['OVER_ALLOTMENT', 'u8']]);
  });

  it('finds a team twice in one slot', () => {
    const rows = [...sound.filter((b) => b.slotId !== 'brett:2:17:00-18:00'), { teamId: 'u10', slotId: 'richmond:1:17:00-18:00' }];
    expect(kinds(table(rows))).toEqual([
      ['OVER_CAPACITY', 'richmond:1:17:00-18:00'],
      ['OVER_FIELD', 'richmond'],
      ['DUPLICATE', 'u10'],
    ]);
  });

  it('finds two practices on one day where the division needs different days', () => {
    const rows = [...sound, { teamId: 'u14', slotId: 'campus-el-segundo:3:17:30-19:00' }];
    expect(kinds(table(rows))).toEqual([['SAME_DAY', 'u14']]);
    const relaxed = config.divisions.map((d) => (d.code === '14U' ? { ...d, practice: { ...d.practice, differentDays: false } } : d));
    expect(kinds(table(rows, { divisions: relaxed }))).toEqual([]);
  });

  it('finds bookings of unknown slots and teams', () => {
    expect(kinds(table([...sound, { teamId: 'ghost', slotId: 'nowhere' }]))).toEqual([
      ['UNKNOWN_SLOT', 'ghost'],
      ['UNKNOWN_TEAM', 'ghost'],
    ]);
  });
});

describe('bookings decided one by one by the rules', () => {
  const codes = config.divisions.map((d) => d.code);
  const many: TeamRef[] = Array.from({ length: 60 }, (_, i) => ({ id: `team-${i}`, division: codes[i % codes.length]! }));
  const groups = byFieldDay(slots);

  /** 600 random picks decided by the rules; `countField: false` leaves the field's count out, as the rules once did. */
  function pick(countField: boolean): BookingRow[] {
    const random = seededRandom(20260825);
    const rows: BookingRow[] = [];
    const counts = new Map<string, number>();
    for (let i = 0; i < 600; i++) {
      const team = many[Math.floor(random() * many.length)]!;
      const slot = slots[Math.floor(random() * slots.length)]!;
      const teamBookings: TeamBooking[] = rows.filter((r) => r.teamId === team.id).map((r) => ({ slotId: r.slotId, slot: slots.find((x) => x.id === r.slotId)! }));
      const division = config.divisions.find((d) => d.code === team.division)!;
      const booked = counts.get(slot.id) ?? 0;
      const field = countField ? { capacity: fieldCapacity(config.fields, slot.fieldId), peak: slotPeak(slot, groups, counts) } : { capacity: slot.capacity, peak: booked };
      const now = '2026-08-25T02:00:00Z';
      if (bookingRefusal({ now, timeZone: 'America/Los_Angeles', signup: { opensAt: now, closesAt: null }, team, division, slot, booked, field, teamBookings })) continue;
      rows.push({ teamId: team.id, slotId: slot.id });
      counts.set(slot.id, booked + 1);
    }
    return rows;
  }

  it('never break an invariant, however the coaches pick, where 60- and 90-minute slots overlap on a field too', () => {
    expect(overlappingSlots(slots).length).toBeGreaterThan(0);
    const rows = pick(true);
    expect(rows.length).toBeGreaterThan(30);
    expect(bookingViolations({ bookings: rows, slots, teams: many, divisions: config.divisions, fields: config.fields })).toEqual([]);
  });

  it('would put more teams on a field than fit if each slot were counted alone', () => {
    const rows = pick(false);
    expect(bookingViolations({ bookings: rows, slots, teams: many, divisions: config.divisions, fields: config.fields }).map((v) => v.kind)).toContain('OVER_FIELD');
  });
});
