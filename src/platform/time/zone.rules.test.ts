import { describe, expect, it } from 'vitest';
import { isDaylightOffset, offsetAt, zonedToEpoch, zoneTransitions } from './zone.rules.js';

const LA = 'America/Los_Angeles';

describe('zone arithmetic from Intl', () => {
  it('reads offsets on both sides of daylight saving', () => {
    expect(offsetAt(LA, Date.parse('2026-07-01T12:00:00Z'))).toBe(-420);
    expect(offsetAt(LA, Date.parse('2026-12-01T12:00:00Z'))).toBe(-480);
    expect(offsetAt('Asia/Kolkata', Date.parse('2026-07-01T12:00:00Z'))).toBe(330);
  });

  it('turns a wall-clock time into an instant, including around the changes', () => {
    expect(new Date(zonedToEpoch('2026-08-24', '17:00', LA)).toISOString()).toBe('2026-08-25T00:00:00.000Z');
    expect(new Date(zonedToEpoch('2026-11-02', '17:00', LA)).toISOString()).toBe('2026-11-03T01:00:00.000Z');
    // 02:30 does not exist on 8 March 2026 in Los Angeles: the clocks then show 03:30 PDT.
    expect(new Date(zonedToEpoch('2026-03-08', '02:30', LA)).toISOString()).toBe('2026-03-08T10:30:00.000Z');
    // 01:30 happens twice on 1 November 2026: the first (PDT) is taken.
    expect(new Date(zonedToEpoch('2026-11-01', '01:30', LA)).toISOString()).toBe('2026-11-01T08:30:00.000Z');
  });

  it('finds each change of offset to the minute', () => {
    expect(zoneTransitions(LA, 2026, 2026)).toEqual([
      { at: Date.parse('2026-03-08T10:00:00Z'), from: -480, to: -420 },
      { at: Date.parse('2026-11-01T09:00:00Z'), from: -420, to: -480 },
    ]);
    expect(zoneTransitions(LA, 2026, 2027)).toHaveLength(4);
    expect(zoneTransitions('America/Phoenix', 2026, 2027)).toEqual([]);
  });

  it('tells summer time in both hemispheres', () => {
    expect(isDaylightOffset(LA, 2026, -420)).toBe(true);
    expect(isDaylightOffset(LA, 2026, -480)).toBe(false);
    expect(isDaylightOffset('Australia/Sydney', 2026, 660)).toBe(true);
    expect(isDaylightOffset('Australia/Sydney', 2026, 600)).toBe(false);
  });
});
