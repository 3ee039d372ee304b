import { describe, expect, it } from 'vitest';
import { dateInZone } from './clock.js';

describe('the date of an instant in a zone', () => {
  it('turns at midnight in the zone, not in UTC, also when asked again and again around it', () => {
    const zone = 'America/Los_Angeles';
    // 2026-09-16 06:59:59.999Z is 23:59:59.999 PDT on the 15th; a millisecond later it is the 16th.
    for (let round = 0; round < 2; round++) {
      expect(dateInZone(new Date('2026-09-16T06:59:59.000Z'), zone)).toBe('2026-09-15');
      expect(dateInZone(new Date('2026-09-16T06:59:59.999Z'), zone)).toBe('2026-09-15');
      expect(dateInZone(new Date('2026-09-16T07:00:00.000Z'), zone)).toBe('2026-09-16');
    }
  });

  it('keeps zones apart when they are asked about the same second', () => {
    const at = new Date('2026-09-16T03:30:00.000Z');
    expect([dateInZone(at, 'America/Los_Angeles'), dateInZone(at, 'Europe/Berlin'), dateInZone(at, 'America/Los_Angeles')]).toEqual(['2026-09-15', '2026-09-16', '2026-09-15']);
  });
});
