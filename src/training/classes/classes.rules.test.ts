import { describe, expect, it } from 'vitest';
import { defaultRegionConfig } from '../../region/region.testkit.js';
import { catalogOf } from '../catalog.rules.js';
import { canCreditOn, checkSession, hasStarted, notRegistered, seatsLeft } from './classes.rules.js';

const catalog = catalogOf(defaultRegionConfig('2026-09-15'));

describe('class rules', () => {
  const form = { code: 'coach-12u:in-person', date: '2026-10-03', startTime: '09:00', endTime: '15:00', place: ' Brett ', capacity: '12' };

  it('accepts a session of an in-person part and trims the place', () => {
    expect(checkSession(catalog, form, '2026-09-15')).toEqual({
      ok: true,
      value: { training: 'coach-12u', part: 'in-person', date: '2026-10-03', startTime: '09:00', endTime: '15:00', place: 'Brett', capacity: 12 },
    });
  });

  it('lists every problem of a bad session', () => {
    const r = checkSession(catalog, { code: 'safe-haven', date: '2026-13-01', startTime: '9am', endTime: '25:00', place: '', capacity: '1.5' }, '2026-09-15');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toHaveLength(6);
    const bare = checkSession(catalog, { ...form, code: 'coach-12u' }, '2026-09-15');
    expect(!bare.ok && bare.errors[0]).toContain('coach-12u:online or coach-12u:in-person');
    const past = checkSession(catalog, { ...form, date: '2026-09-14' }, '2026-09-15');
    expect(!past.ok && past.errors).toEqual(['The date 2026-09-14 has passed: schedule the class for today (2026-09-15) or later.']);
  });

  it('closes registration at the start, credits from the class day, and counts seats', () => {
    const s = { date: '2026-09-15', startTime: '18:00' };
    expect(hasStarted(s, { date: '2026-09-15', time: '17:59' })).toBe(false);
    expect(hasStarted(s, { date: '2026-09-15', time: '18:00' })).toBe(true);
    expect(hasStarted(s, { date: '2026-09-16', time: '00:00' })).toBe(true);
    expect([canCreditOn(s, '2026-09-14'), canCreditOn(s, '2026-09-15')]).toEqual([false, true]);
    expect([seatsLeft(10, 3), seatsLeft(2, 5)]).toEqual([7, 0]);
    expect(notRegistered(new Set(['a', 'b']), ['a', 'c', 'c', 'd'])).toEqual(['c', 'd']);
  });
});
