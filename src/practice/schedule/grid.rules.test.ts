import { describe, expect, it } from 'vitest';
import { isNow, practiceDay, regionClock } from './grid.rules.js';

describe('regionClock', () => {
  it('gives the date, weekday and time the region reads on its clocks', () => {
    expect(regionClock('2026-09-17T00:30:00.000Z', 'America/Los_Angeles')).toEqual({ date: '2026-09-16', weekday: 3, time: '17:30' });
    expect(regionClock('2026-12-01T01:05:00.000Z', 'America/Los_Angeles')).toEqual({ date: '2026-11-30', weekday: 1, time: '17:05' });
    expect(regionClock('2026-09-17T00:30:00.000Z', 'Europe/Berlin')).toEqual({ date: '2026-09-17', weekday: 4, time: '02:30' });
  });
});

describe('isNow', () => {
  const slot = { weekday: 3, start: '17:00', end: '18:00' };
  it('holds from the start minute up to, not including, the end', () => {
    expect(isNow(slot, { weekday: 3, time: '16:59' })).toBe(false);
    expect(isNow(slot, { weekday: 3, time: '17:00' })).toBe(true);
    expect(isNow(slot, { weekday: 3, time: '17:59' })).toBe(true);
    expect(isNow(slot, { weekday: 3, time: '18:00' })).toBe(false);
    expect(isNow(slot, { weekday: 4, time: '17:30' })).toBe(false);
  });
});

describe('practiceDay', () => {
  const fall = { startDate: '2026-08-01', endDate: '2026-12-31' };
  it('tells practice days from blackouts and days outside the season', () => {
    expect(practiceDay('2026-09-16', fall, ['2026-10-12'])).toBe('practice');
    expect(practiceDay('2026-10-12', fall, ['2026-10-12'])).toBe('blackout');
    expect(practiceDay('2027-01-04', fall, [])).toBe('off-season');
  });
});
