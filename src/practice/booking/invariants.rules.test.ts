import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../platform/clock.js';
import { defaultRegionConfig } from '../../region/region.testkit.js';
import { bookingRefusal, type TeamBooking, type TeamRef } from './booking.rules.js';
import { bookingViolations, type BookingRow, type BookingTable } from './invariants.rules.js';
import { generateSlots, practiceGroups, type PracticeWindow } from '../slots.rules.js';

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
const table = (bookings: BookingRow[], over: Partial<BookingTable> = {}): BookingTable => ({ bookings, slots, teams, divisions: config.divisions, ...over });
const kinds = (t: BookingTable) => bookingViolations(t).map((v) => [v.kind, v.teamId ?? v.slotId]);

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
    expect(v).toEqual([{ kind: 'OVER_CAPACITY', slotId: 'richmond:1:17:00-18:00', message: 'Slot richmond:1:17:00-18:00 holds 3 teams; only 2 fit.' }]);
  });

  it('finds a team above its allotment', () => {
    expect(kinds(table([...sound, { teamId: 'u8', slotId: 'brett:4:17:00-18:00' }]))).toEqual([['OVER_ALLOTMENT', 'u8']]);
  });

  it('finds a team twice in one slot', () => {
    const rows = [...sound.filter((b) => b.slotId !== 'brett:2:17:00-18:00'), { teamId: 'u10', slotId: 'richmond:1:17:00-18:00' }];
    expect(kinds(table(rows))).toEqual([
      ['OVER_CAPACITY', 'richmond:1:17:00-18:00'],
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
  it('never break an invariant, however the coaches pick', () => {
    const random = seededRandom(20260825);
    const codes = config.divisions.map((d) => d.code);
    const many: TeamRef[] = Array.from({ length: 60 }, (_, i) => ({ id: `team-${i}`, division: codes[i % codes.length]! }));
    const rows: BookingRow[] = [];
    let accepted = 0;
    for (let i = 0; i < 600; i++) {
      const team = many[Math.floor(random() * many.length)]!;
      const slot = slots[Math.floor(random() * slots.length)]!;
      const teamBookings: TeamBooking[] = rows.filter((r) => r.teamId === team.id).map((r) => ({ slotId: r.slotId, slot: slots.find((x) => x.id === r.slotId)! }));
      const division = config.divisions.find((d) => d.code === team.division)!;
      const booked = rows.filter((r) => r.slotId === slot.id).length;
      const now = '2026-08-25T02:00:00Z';
      const refusal = bookingRefusal({ now, timeZone: 'America/Los_Angeles', signup: { opensAt: now, closesAt: null }, team, division, slot, booked, teamBookings });
      if (!refusal) {
        rows.push({ teamId: team.id, slotId: slot.id });
        accepted++;
      }
    }
    expect(accepted).toBeGreaterThan(30);
    expect(bookingViolations({ bookings: rows, slots, teams: many, divisions: config.divisions })).toEqual([]);
  });
});
