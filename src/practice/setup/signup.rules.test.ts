import { describe, expect, it } from 'vitest';
import { instantToLocal, localToInstant, parseDateList, signupProblems } from './signup.rules.js';

const LA = 'America/Los_Angeles';
const fall = { startDate: '2026-08-01', endDate: '2026-12-31', name: 'Fall 2026' };
const divisions = ['6U', '10U', '14U'];

describe('local date-times in the region zone', () => {
  it('converts both ways on either side of daylight saving', () => {
    expect(localToInstant('2026-08-24T19:00', LA)).toBe('2026-08-25T02:00:00.000Z');
    expect(localToInstant('2026-12-01T19:00', LA)).toBe('2026-12-02T03:00:00.000Z');
    expect(instantToLocal('2026-08-25T02:00:00.000Z', LA)).toBe('2026-08-24T19:00');
    expect(instantToLocal('2026-12-02T03:00:00.000Z', LA)).toBe('2026-12-01T19:00');
    expect(instantToLocal(null, LA)).toBe('');
  });

  it('answers null for an empty field and undefined for text that is no date and time', () => {
    expect(localToInstant('  ', LA)).toBeNull();
    expect(localToInstant('2026-02-30T10:00', LA)).toBeUndefined();
    expect(localToInstant('tomorrow', LA)).toBeUndefined();
    expect(localToInstant('2026-08-24T25:00', LA)).toBeUndefined();
  });
});

describe('signupProblems', () => {
  const ok = { opensAt: '2026-08-25T02:00:00.000Z', closesAt: '2026-09-30T07:00:00.000Z', divisionOpensAt: { '14U': '2026-08-27T02:00:00.000Z' }, blackouts: ['2026-10-12'] };
  it('accepts sound settings and no settings at all', () => {
    expect(signupProblems(ok, divisions, fall)).toEqual([]);
    expect(signupProblems({ opensAt: null, closesAt: null, divisionOpensAt: {}, blackouts: [] }, divisions, fall)).toEqual([]);
  });

  it('lists every problem at once', () => {
    const problems = signupProblems(
      {
        opensAt: '2026-10-01T00:00:00Z',
        closesAt: '2026-09-30T07:00:00Z',
        divisionOpensAt: { '9U': '2026-08-27T02:00:00Z', '14U': '2026-10-27T02:00:00Z' },
        blackouts: ['2027-01-05', '2026-13-01'],
      },
      divisions,
      fall,
    );
    expect(problems).toEqual([
      'Opening for 9U: the region has no division 9U.',
      'Opening for 14U must come before the change deadline.',
      'The change deadline must come after the opening.',
      'Blackout 2027-01-05 is outside Fall 2026 (2026-08-01 to 2026-12-31).',
      'Blackout "2026-13-01" is not a date written YYYY-MM-DD.',
    ]);
    expect(signupProblems({ opensAt: null, closesAt: null, divisionOpensAt: { '10U': '2026-08-27T02:00:00Z' }, blackouts: [] }, divisions, fall)).toEqual([
      'Give the general opening time too: divisions without their own time open then.',
    ]);
    expect(signupProblems({ ...ok, opensAt: 'soon' }, divisions, fall)).toEqual(['Opens: "soon" is not a date and time.']);
  });
});

describe('parseDateList', () => {
  it('splits on lines, commas and spaces, sorted without duplicates', () => {
    expect(parseDateList('2026-11-26\r\n2026-10-12, 2026-10-12 ;\n')).toEqual(['2026-10-12', '2026-11-26']);
    expect(parseDateList('')).toEqual([]);
  });
});
