import { describe, expect, it } from 'vitest';
import { matchGroups, planImport, type KnownApplication, type KnownPerson } from './import-plan.rules.js';
import type { VolunteerRow } from './volunteer-export.rules.js';

const row = (over: Partial<VolunteerRow>): VolunteerRow => ({
  row: 2,
  volunteerId: '900',
  firstName: 'Ana',
  lastName: 'Núñez',
  email: 'ana@example.org',
  phone: '310-555-0000',
  birthDate: '1985-04-09',
  role: 'head-coach',
  division: '10U',
  program: 'boys',
  team: '',
  seasonId: '2026-fall',
  applicationDate: '2026-08-10',
  ...over,
});
const person = (over: Partial<KnownPerson>): KnownPerson => ({
  id: 'p1',
  email: null,
  firstName: 'Ana',
  lastName: 'Nunez',
  birthDate: null,
  phone: null,
  associationId: null,
  mergedInto: null,
  ...over,
});
let n = 0;
const ids = () => `new${++n}`;
const plan = (rows: VolunteerRow[], people: KnownPerson[], apps: KnownApplication[] = []) => {
  const m = matchGroups(rows, people);
  return { ...m, plan: planImport(m.groups, apps, { today: '2026-09-15', newId: ids }) };
};

describe('matching people', () => {
  it('finds a person by volunteer id first, even with another email', () => {
    const { groups } = plan([row({})], [person({ id: 'byEmail', email: 'ana@example.org' }), person({ id: 'byId', associationId: '900', email: 'other@example.org' })]);
    expect(groups[0]!.person?.id).toBe('byId');
  });

  it('then by email, filling the blank volunteer id', () => {
    const r = plan([row({})], [person({ id: 'p1', email: 'ana@example.org', birthDate: '1985-04-09' })]);
    expect(r.groups[0]!.person?.id).toBe('p1');
    expect(r.plan.patches).toEqual([{ personId: 'p1', patch: { association_id: '900', phone: '310-555-0000' } }]);
  });

  it('then by name (accents and case ignored) and date of birth', () => {
    const r = plan([row({ email: '' })], [person({ id: 'p1', birthDate: '1985-04-09', email: 'ana.n@example.org' })]);
    expect(r.groups[0]!.person?.id).toBe('p1');
    expect(r.plan.patches[0]!.patch).not.toHaveProperty('email');
  });

  it('creates a person nobody matches', () => {
    const r = plan([row({})], [person({ id: 'p1', birthDate: '1990-01-01' })]);
    expect(r.plan.newPeople).toMatchObject([{ firstName: 'Ana', email: 'ana@example.org', associationId: '900', birthDate: '1985-04-09' }]);
    expect(r.plan.newApplications).toMatchObject([{ seasonId: '2026-fall', roles: [{ role: 'head-coach', division: '10U' }], adult: true }]);
    expect(r.plan.summary).toMatchObject({ created: 1, updated: 0, unchanged: 0 });
  });

  it('skips a person whose email belongs to someone with another volunteer id', () => {
    const r = plan([row({ row: 7 })], [person({ email: 'ana@example.org', associationId: '111' })]);
    expect(r.skipped).toEqual([{ row: 7, message: expect.stringContaining("that person's volunteer id is 111") }]);
    expect(r.plan.newPeople).toEqual([]);
  });

  it('skips a name and birth date that match two people', () => {
    const twins = [person({ id: 'a', birthDate: '1985-04-09' }), person({ id: 'b', birthDate: '1985-04-09' })];
    expect(plan([row({ email: '' })], twins).skipped[0]!.message).toContain('matches 2 people');
  });
});

describe('applied roles', () => {
  it('adds only the roles the application does not have, and plans nothing the second time', () => {
    const p = person({ id: 'p1', associationId: '900', email: 'ana@example.org', birthDate: '1985-04-09', phone: '1' });
    const app: KnownApplication = { id: 'a1', personId: 'p1', seasonId: '2026-fall', roles: [{ role: 'head-coach', division: '10U' }], adult: true };
    const first = plan([row({}), row({ row: 3, role: 'assistant-coach', division: '12U' })], [p], [app]);
    expect(first.plan.roleAdditions).toEqual([
      {
        applicationId: 'a1',
        personId: 'p1',
        seasonId: '2026-fall',
        roles: [...app.roles, { role: 'assistant-coach', division: '12U' }],
        added: [{ role: 'assistant-coach', division: '12U' }],
      },
    ]);
    expect(first.plan.summary).toMatchObject({ updated: 1, unchanged: 0 });
    const again = plan([row({}), row({ row: 3, role: 'assistant-coach', division: '12U' })], [p], [{ ...app, roles: first.plan.roleAdditions[0]!.roles }]);
    expect(again.plan).toMatchObject({ newPeople: [], patches: [], newApplications: [], roleAdditions: [], summary: { created: 0, updated: 0, unchanged: 1 } });
  });

  it('keeps the age rules of applying: youth volunteers 12 to 17, adults not youth volunteers', () => {
    const r = plan(
      [
        row({ row: 2, volunteerId: '1', email: 'a@x.org', birthDate: '2015-01-01', role: 'youth-volunteer' }),
        row({ row: 3, volunteerId: '2', email: 'b@x.org', birthDate: '2012-01-01', role: 'assistant-coach' }),
        row({ row: 4, volunteerId: '3', email: 'c@x.org', role: 'youth-volunteer' }),
        row({ row: 5, volunteerId: '4', email: 'd@x.org', birthDate: '2012-01-01', role: 'youth-volunteer' }),
      ],
      [],
    );
    expect(r.plan.summary.skipped.map((s) => s.row)).toEqual([2, 3, 4]);
    expect(r.plan.summary.skipped[0]!.reason).toContain('must be at least 12');
    expect(r.plan.summary.skipped[1]!.reason).toContain('under 18 can only be youth volunteers');
    expect(r.plan.summary.skipped[2]!.reason).toContain('youth volunteer is for ages 12 to 17');
    expect(r.plan.newPeople.map((p) => p.associationId)).toEqual(['4']);
  });

  it('takes the latest phone of a person whose lines disagree', () => {
    const r = plan([row({ phone: 'late', applicationDate: '2026-08-20' }), row({ row: 3, phone: 'early', role: 'assistant-coach', applicationDate: '2026-08-01' })], []);
    expect(r.plan.newPeople[0]!.phone).toBe('late');
    expect(r.plan.newApplications[0]!.roles).toHaveLength(2);
  });
});

describe('merged accounts', () => {
  it('find the account they were merged into by their volunteer id, and keep their id and email taken', () => {
    const kept = person({ id: 'kept', email: 'kept@example.org', birthDate: '1985-04-09', phone: '1' });
    const gone = person({ id: 'gone', email: 'ana@example.org', associationId: '900', mergedInto: 'kept' });
    const r = plan([row({})], [kept, gone]);
    expect(r.groups[0]).toMatchObject({ person: { id: 'kept' }, volunteerId: '', email: null });
    expect(r.plan.patches).toEqual([]);
    expect(r.plan.newApplications).toMatchObject([{ personId: 'kept' }]);
  });
});

describe('an email left on a merged account', () => {
  it('finds nobody by that email, and is not given to the new person', () => {
    const gone = person({ id: 'gone', email: 'ana@example.org', mergedInto: 'kept' });
    const r = plan([row({})], [person({ id: 'kept', email: 'kept@example.org' }), gone]);
    expect(r.groups[0]).toMatchObject({ person: null, email: null, volunteerId: '900' });
    expect(r.plan.newPeople).toMatchObject([{ email: null, associationId: '900' }]);
  });
});
