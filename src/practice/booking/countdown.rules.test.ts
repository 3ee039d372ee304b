import { describe, expect, it } from 'vitest';
import { signupState, timeUntil } from './countdown.rules.js';

const at = (iso: string) => Date.parse(iso);

describe('timeUntil', () => {
  it('says days and hours, hours and minutes, or minutes, rounded down', () => {
    expect(timeUntil(at('2026-08-21T22:00:00Z'), at('2026-08-25T02:00:00Z'))).toBe('3 days 4 hours');
    expect(timeUntil(at('2026-08-21T22:00:00Z'), at('2026-08-22T22:59:59Z'))).toBe('1 day');
    expect(timeUntil(at('2026-08-21T22:00:00Z'), at('2026-08-22T03:01:00Z'))).toBe('5 hours 1 minute');
    expect(timeUntil(at('2026-08-21T22:00:00Z'), at('2026-08-21T23:00:30Z'))).toBe('1 hour');
    expect(timeUntil(at('2026-08-21T22:00:00Z'), at('2026-08-21T22:07:59Z'))).toBe('7 minutes');
    expect(timeUntil(at('2026-08-21T22:00:00Z'), at('2026-08-21T22:00:59Z'))).toBe('less than a minute');
    expect(timeUntil(at('2026-08-21T22:00:00Z'), at('2026-08-21T21:00:00Z'))).toBe('less than a minute');
  });
});

describe('signupState', () => {
  const signup = { opensAt: '2026-08-25T02:00:00Z', divisionOpensAt: { '14U': '2026-08-27T02:00:00Z' }, closesAt: '2026-09-30T07:00:00Z' };
  it('follows a division from unscheduled to not yet, open (from the second it opens) and closed', () => {
    expect(signupState('2026-08-20T00:00:00Z', { opensAt: null, closesAt: null }, '10U')).toEqual({ state: 'unscheduled' });
    expect(signupState('2026-08-24T02:00:00Z', signup, '10U')).toEqual({ state: 'not-yet', opensAt: '2026-08-25T02:00:00Z', countdown: '1 day' });
    expect(signupState('2026-08-25T02:00:00Z', signup, '10U')).toMatchObject({ state: 'open', closesAt: '2026-09-30T07:00:00Z' });
    expect(signupState('2026-08-25T02:00:00Z', signup, '14U')).toMatchObject({ state: 'not-yet', countdown: '2 days' });
    expect(signupState('2026-09-30T07:00:00Z', signup, '10U')).toEqual({ state: 'closed', closesAt: '2026-09-30T07:00:00Z' });
    expect(signupState('2026-09-01T00:00:00Z', { opensAt: '2026-08-25T02:00:00Z', closesAt: null }, '10U')).toEqual({ state: 'open', closesAt: null, countdown: null });
  });
});
