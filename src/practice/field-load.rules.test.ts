import { describe, expect, it } from 'vitest';
import { defaultRegionConfig } from '../region/region.testkit.js';
import { fieldCapacity, fieldOverloads, fieldPeaks, peakLoad, placesLeft } from './field-load.rules.js';
import { generateSlots, practiceGroups, type WeeklySlot } from './slots.rules.js';

const config = defaultRegionConfig('2026-08-01');
// Richmond (2 teams at once) on Fridays 17:00-20:00, open to every division: 60- and 90-minute cuts overlap.
const friday = generateSlots([{ fieldId: 'richmond', weekdays: [5], startTime: '17:00', endTime: '20:00' }], practiceGroups(config.divisions), config.fields);
const id = (start: string, end: string) => `richmond:5:${start}-${end}`;

describe('peakLoad', () => {
  it('counts the teams on the field at its busiest moment of a stretch', () => {
    const loads = [
      { start: '17:00', end: '18:00', booked: 1 },
      { start: '17:00', end: '18:30', booked: 1 },
      { start: '18:00', end: '19:00', booked: 2 },
      { start: '18:30', end: '20:00', booked: 1 },
    ];
    expect(peakLoad('17:00', '18:30', loads)).toEqual({ teams: 3, at: '18:00' });
    expect(peakLoad('17:00', '18:00', loads)).toEqual({ teams: 2, at: '17:00' });
    expect(peakLoad('18:30', '20:00', loads)).toEqual({ teams: 3, at: '18:30' });
    expect(peakLoad('19:00', '20:00', loads)).toEqual({ teams: 1, at: '19:00' });
  });

  it('treats slots as [start, end): one ending as another starts never share a moment', () => {
    expect(peakLoad('18:00', '19:00', [{ start: '17:00', end: '18:00', booked: 2 }]).teams).toBe(0);
    expect(peakLoad('17:00', '18:00', [{ start: '18:00', end: '19:30', booked: 2 }]).teams).toBe(0);
  });
});

describe('fieldPeaks and placesLeft', () => {
  it('let overlapping slots share the field: a full 90-minute slot leaves no room in the 60-minute ones it covers', () => {
    const booked = new Map([[id('17:00', '18:30'), 2]]);
    const peaks = fieldPeaks(friday, booked);
    const left = (s: WeeklySlot) => placesLeft(s, booked.get(s.id) ?? 0, peaks.get(s.id)!, fieldCapacity(config.fields, s.fieldId));
    expect(Object.fromEntries(friday.map((s) => [`${s.start}-${s.end}`, left(s)]))).toEqual({
      '17:00-18:00': 0,
      '17:00-18:30': 0,
      '18:00-19:00': 0,
      '18:30-20:00': 2,
      '19:00-20:00': 2,
    });
  });

  it('keeps a slot to its own capacity when it is lower than the field', () => {
    expect(placesLeft({ capacity: 1 }, 0, 0, 3)).toBe(1);
    expect(placesLeft({ capacity: 3 }, 1, 2, 3)).toBe(1);
    expect(placesLeft({ capacity: 2 }, 2, 2, 3)).toBe(0);
  });

  it('does not limit a field the region no longer lists beyond its slots', () => {
    expect(fieldCapacity(config.fields, 'gone')).toBe(Number.POSITIVE_INFINITY);
    expect(fieldCapacity(config.fields, 'campus-el-segundo')).toBe(3);
  });
});

describe('fieldOverloads', () => {
  it('finds the moment a field holds more teams than fit, however the slots are cut', () => {
    const booked = new Map([
      [id('17:00', '18:30'), 1],
      [id('18:00', '19:00'), 2],
    ]);
    expect(fieldOverloads(friday, booked, config.fields)).toEqual([
      { fieldId: 'richmond', weekday: 5, at: '18:00', teams: 3, capacity: 2, message: 'Richmond holds 3 teams at once on Friday at 18:00; only 2 fit.' },
    ]);
    expect(fieldOverloads(friday, new Map([[id('17:00', '18:30'), 2]]), config.fields)).toEqual([]);
  });
});
