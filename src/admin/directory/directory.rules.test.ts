import { describe, expect, it } from 'vitest';
import { byName, checkPatch, grantableBy, matcher, pageOf, planRoles, readQuery, rightsOf, selectPeople, type Candidate } from './directory.rules.js';

const ctx = { seasons: ['2026-fall', '2027-spring'], divisions: ['8U', '10U'] };
const person = (id: string, firstName: string, lastName: string, over: Partial<Candidate> = {}): Candidate => ({
  id,
  firstName,
  lastName,
  email: `${id}@example.org`,
  associationId: null,
  hasAccount: true,
  ...over,
});

describe('readQuery', () => {
  it('defaults to the first page of 50', () => {
    expect(readQuery({}, ctx)).toEqual({ query: { q: '', role: '', division: '', team: '', season: '', missing: 0, noAccount: false, page: 1, pageSize: 50 }, errors: [] });
  });
  it('lists every bad value with what to write', () => {
    const { errors } = readQuery({ page: '0', pageSize: '201', role: 'boss', division: '9U', season: '1999', missing: '4', noAccount: 'maybe' }, ctx);
    expect(errors).toEqual([
      '"boss" is not a role: use one of head-coach, assistant-coach, field-helper, youth-volunteer, instructor, mentor, registrar, coach-administrator, safety-director, region-administrator.',
      'There is no division "9U": use one of 8U, 10U.',
      'There is no season "1999": use one of 2026-fall, 2027-spring.',
      'missing is 1 (application), 2 (safety trainings) or 3 (age-level certification).',
      'noAccount is 1 (only people without an account) or 0.',
      'page must be a whole number from 1 to 999999 (got "0").',
      'pageSize must be a whole number from 1 to 200 (got "201").',
    ]);
  });
  it('refuses page sizes that are not whole numbers', () => {
    expect(readQuery({ pageSize: '2.5' }, ctx).errors).toEqual(['pageSize must be a whole number from 1 to 200 (got "2.5").']);
    expect(readQuery({ pageSize: 'ten' }, ctx).errors).toHaveLength(1);
    expect(readQuery({ page: '3', pageSize: '200', missing: '2', noAccount: '1' }, ctx)).toMatchObject({
      query: { page: 3, pageSize: 200, missing: 2, noAccount: true },
      errors: [],
    });
  });
});

describe('matching and order', () => {
  it('matches every word without case or accents, in names, email and association id', () => {
    const ana = person('a', 'Ana María', 'Núñez', { associationId: '90100001' });
    expect(matcher('nunez')(ana)).toBe(true);
    expect(matcher('ANA nÚÑEZ')(ana)).toBe(true);
    expect(matcher('maria a@example')(ana)).toBe(true);
    expect(matcher('9010000')(ana)).toBe(true);
    expect(matcher('ana smith')(ana)).toBe(false);
    expect(matcher('   ')(ana)).toBe(true);
  });
  it('sorts by last name, first name (folded), then id, so equal names keep one order', () => {
    const rows = [person('c', 'Ana', 'smith'), person('b', 'Ana', 'Smith'), person('a', 'Zoe', 'Álvarez'), person('d', 'Ámy', 'Smith')];
    expect(rows.sort(byName).map((r) => r.id)).toEqual(['a', 'd', 'b', 'c']);
  });
  it('keeps the allowed, the matching and (when asked) those without an account', () => {
    const rows = [person('a', 'Ana', 'Smith'), person('b', 'Bo', 'Smith', { hasAccount: false }), person('c', 'Cy', 'Jones')];
    const q = readQuery({ q: 'smith' }, ctx).query;
    expect(selectPeople(rows, q, null).map((r) => r.id)).toEqual(['a', 'b']);
    expect(selectPeople(rows, q, new Set(['b', 'c'])).map((r) => r.id)).toEqual(['b']);
    expect(selectPeople(rows, { ...q, q: '', noAccount: true }, null).map((r) => r.id)).toEqual(['b']);
  });
  it('pages without overlap or gap', () => {
    const all = Array.from({ length: 11 }, (_, i) => i);
    expect([1, 2, 3, 4].flatMap((p) => pageOf(all, p, 3))).toEqual(all);
    expect(pageOf(all, 5, 3)).toEqual([]);
  });
});

describe('checkPatch', () => {
  it('cleans what it keeps', () => {
    expect(checkPatch({ firstName: ' Ana ', email: ' Ana@Example.ORG ', phone: '', associationId: ' 90100001 ' }, true)).toEqual({
      patch: { firstName: 'Ana', email: 'ana@example.org', phone: null, associationId: '90100001' },
      errors: [],
    });
  });
  it('refuses an email over 254 characters, a bad email, a bad id and an empty name', () => {
    const long = `${'a'.repeat(64)}@${'b'.repeat(186)}.org`;
    expect(long.length).toBe(255);
    expect(checkPatch({ email: long }, true).errors).toEqual(['An email address is at most 254 characters.']);
    expect(checkPatch({ email: `${'a'.repeat(64)}@${'b'.repeat(185)}.org` }, true).errors).toEqual([]);
    expect(checkPatch({ email: 'ana at home' }, true).errors).toEqual(['"ana at home" is not an email address: write it as name@example.org.']);
    expect(checkPatch({ associationId: '12ab' }, true).errors).toEqual(['The association id is 6 to 12 digits, as on the association\'s records (got "12ab").']);
    expect(checkPatch({ associationId: '12345' }, true).errors).toHaveLength(1);
    expect(checkPatch({ lastName: ' ' }, true).errors).toEqual(['Last name cannot be empty.']);
  });
  it('keeps the email of someone who logs in; clears it for a record without an account', () => {
    expect(checkPatch({ email: '' }, true).errors).toHaveLength(1);
    expect(checkPatch({ email: null }, false)).toEqual({ patch: { email: null }, errors: [] });
  });
});

describe('who grants which role', () => {
  it('follows the region rules: coach administrator coaching roles, registrar the others, administrator all', () => {
    expect([...grantableBy(['coach-administrator'])].sort()).toEqual(['assistant-coach', 'head-coach', 'instructor', 'mentor']);
    expect([...grantableBy(['registrar'])].sort()).toEqual(['field-helper', 'youth-volunteer']);
    expect(grantableBy(['region-administrator']).size).toBe(10);
    expect(grantableBy(['safety-director', 'head-coach']).size).toBe(0);
  });
  it('shows background checks to the safety director and mentoring to the coach administrator only', () => {
    expect(rightsOf(['safety-director'])).toEqual({ edit: false, grant: [], backgroundCheck: true, mentoring: false });
    expect(rightsOf(['coach-administrator'])).toMatchObject({ edit: false, backgroundCheck: false, mentoring: true });
    expect(rightsOf(['registrar'])).toMatchObject({ edit: true, backgroundCheck: false, mentoring: false });
    expect(rightsOf(['region-administrator'])).toMatchObject({ edit: true, backgroundCheck: false, mentoring: false });
  });
});

describe('planRoles', () => {
  const held = [
    { id: 'g1', role: 'head-coach', division: '10U' },
    { id: 'g2', role: 'field-helper', division: '8U' },
  ];
  const coachAdmin = grantableBy(['coach-administrator']);
  it('adds and removes only what changes', () => {
    const plan = planRoles(
      held,
      [
        { role: 'head-coach', division: '10U' },
        { role: 'field-helper', division: '8U' },
        { role: 'assistant-coach', division: '8U' },
      ],
      ctx.divisions,
      coachAdmin,
    );
    expect(plan).toEqual({ add: [{ role: 'assistant-coach', division: '8U' }], remove: [], errors: [], forbidden: [] });
  });
  it('names each change the actor may not make', () => {
    const plan = planRoles(held, [{ role: 'registrar', division: '' }], ctx.divisions, coachAdmin);
    expect(plan.forbidden).toEqual(['You may not grant Registrar.', 'You may not remove Field helper (8U).']);
    expect(plan.remove.map((g) => g.id)).toEqual(['g1', 'g2']);
  });
  it('refuses unknown roles, missing or needless divisions and repeats', () => {
    const plan = planRoles(
      [],
      [
        { role: 'captain', division: '' },
        { role: 'head-coach', division: '' },
        { role: 'mentor', division: '10U' },
        { role: 'assistant-coach', division: '9U' },
        { role: 'mentor', division: '' },
        { role: 'mentor', division: '' },
      ],
      ctx.divisions,
      coachAdmin,
    );
    expect(plan.errors).toEqual([
      '"captain" is not a role: use one of head-coach, assistant-coach, field-helper, youth-volunteer, instructor, mentor, registrar, coach-administrator, safety-director, region-administrator.',
      'Head coach is held in a division: name one of 8U, 10U.',
      'Coach mentor is not tied to a division: leave the division out.',
      'There is no division "9U": use one of 8U, 10U.',
      'Coach mentor is listed twice.',
    ]);
  });
});
