import { describe, expect, it } from 'vitest';
import { defaultRegionConfig } from '../../region/region.testkit.js';
import { nearestAlternatives, slotChoices, type AlternativesQuery } from './alternatives.rules.js';
import { slotId, type WeeklySlot } from '../slots.rules.js';
import { fieldPeaks } from '../field-load.rules.js';

const config = defaultRegionConfig('2026-08-01');
const tenU = config.divisions.find((d) => d.code === '10U')!;

function s(fieldId: string, weekday: number, start: string, end: string, divisions = ['10U', '12U'], capacity = 2): WeeklySlot {
  return { id: slotId(fieldId, weekday, start, end), fieldId, weekday, start, end, minutes: 60, capacity, divisions };
}

const wanted = s('richmond', 1, '17:00', '18:00');
const sameFieldLater = s('richmond', 1, '19:00', '20:00');
const sameDayNow = s('campus-el-segundo', 1, '17:00', '18:00', undefined, 3);
const sameDayEarlier = s('campus-el-segundo', 1, '16:00', '17:00', undefined, 3);
const tuesday = s('brett', 2, '17:00', '18:00');
const sunday = s('brett', 0, '17:00', '18:00');
const wednesday = s('richmond', 3, '17:00', '18:00');
const fullToo = s('richmond', 1, '18:00', '19:00');
const olderOnly = { ...s('campus-el-segundo', 1, '18:00', '19:30', ['14U']), minutes: 90 };
const thursdayHeld = s('brett', 4, '17:00', '18:00');
const thursdayOther = s('brett', 4, '18:00', '19:00');
const all = [wednesday, olderOnly, thursdayOther, tuesday, wanted, sameDayEarlier, sunday, fullToo, thursdayHeld, sameFieldLater, sameDayNow];

/** The query of the tests; the field peaks come from its slots and bookings unless given. */
const query = (over: Partial<AlternativesQuery> = {}): AlternativesQuery => {
  const q = {
    team: { id: 'team-1', division: '10U' },
    division: tenU,
    slot: wanted,
    slots: all,
    booked: new Map([
      [wanted.id, 2],
      [fullToo.id, 2],
      [thursdayHeld.id, 1],
    ]),
    fields: config.fields,
    teamBookings: [{ slotId: thursdayHeld.id, slot: thursdayHeld }],
    limit: 10,
    ...over,
  };
  return { peaks: fieldPeaks(q.slots, q.booked), ...q };
};

describe('nearestAlternatives', () => {
  it('offers the same field and day, then the same day by start time, then the nearest other days', () => {
    expect(nearestAlternatives(query()).map((x) => x.id)).toEqual([sameFieldLater.id, sameDayNow.id, sameDayEarlier.id, sunday.id, tuesday.id, wednesday.id]);
  });

  it('keeps to the limit, 3 by default', () => {
    expect(nearestAlternatives(query({ limit: 2 })).map((x) => x.id)).toEqual([sameFieldLater.id, sameDayNow.id]);
    expect(nearestAlternatives(query({ limit: undefined }))).toHaveLength(3);
  });

  it('offers only slots the team may book', () => {
    const ids = nearestAlternatives(query()).map((x) => x.id);
    for (const never of [wanted, fullToo, olderOnly, thursdayHeld, thursdayOther]) expect(ids).not.toContain(never.id);
  });

  it('never offers a slot whose field is full at some moment of its time, through a slot that overlaps it', () => {
    // Campus (3 teams at once) on Monday 16:00-17:30 holds three 14U teams: its 60-minute slots have no room left.
    const campusLong = { ...s('campus-el-segundo', 1, '16:00', '17:30', ['14U'], 3), minutes: 90 };
    const booked = new Map([...query().booked, [campusLong.id, 3]]);
    const q = query({ slots: [...all, campusLong], booked });
    const ids = nearestAlternatives(q).map((x) => x.id);
    expect(ids).not.toContain(sameDayEarlier.id);
    expect(ids).not.toContain(sameDayNow.id);
    expect(ids).toContain(sameFieldLater.id);
    const choice = slotChoices(q).find((c) => c.slot.id === sameDayNow.id)!;
    expect([choice.booked, choice.free, choice.refusal]).toEqual([0, 0, 'SLOT_FULL']);
  });

  it('offers nothing once the team has its practices', () => {
    expect(
      nearestAlternatives(
        query({
          teamBookings: [
            { slotId: thursdayHeld.id, slot: thursdayHeld },
            { slotId: tuesday.id, slot: tuesday },
          ],
        }),
      ),
    ).toEqual([]);
  });
});

describe('slotChoices', () => {
  it('lists every slot in order with places left and the reason it is closed to the team', () => {
    const rows = slotChoices(query()).map((c) => [c.slot.id, c.free, c.refusal]);
    expect(rows).toEqual([
      [sunday.id, 2, null],
      [sameDayEarlier.id, 3, null],
      [sameDayNow.id, 3, null],
      [wanted.id, 0, 'SLOT_FULL'],
      [olderOnly.id, 2, 'FIELD_NOT_ALLOWED'],
      [fullToo.id, 0, 'SLOT_FULL'],
      [sameFieldLater.id, 2, null],
      [tuesday.id, 2, null],
      [wednesday.id, 2, null],
      [thursdayHeld.id, 1, 'ALREADY_BOOKED'],
      [thursdayOther.id, 2, 'SAME_DAY'],
    ]);
  });
});
