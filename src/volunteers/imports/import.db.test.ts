import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { accountDeps, createPerson } from '../../people/index.js';
import { personCompliance } from '../../compliance/index.js';
import { openTestApp, testDialects, type TestApp } from '../../testing/harness.js';
import { importVolunteers, summaryText } from './import.service.js';

const sample = readFileSync(new URL('./fixtures/volunteers-export.csv', import.meta.url));
const HEADER = 'AYSO Volunteer ID,Volunteer First Name,Volunteer Last Name,Volunteer Email,Volunteer Date Of Birth,Volunteer Role:(44102),Division Name,Program Name';

describe.each(testDialects())('volunteer import on %s', (dialect) => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await openTestApp(dialect);
    const acc = accountDeps(t.deps);
    // 40 volunteer ids, 3 of them only as Team Parent. Sofia Rossi (line 4) is found by her email, Aiko Kim
    // (line 20) by name and birth date, Liam Ortiz (line 3) by his id: 34 people are new.
    ids.byEmail = (await createPerson(acc, { firstName: 'Sofia', lastName: 'Rossi', email: 'sofia.rossi.2@example.org' }, null)).id;
    ids.byName = (await createPerson(acc, { firstName: 'AIKO', lastName: 'kim', email: 'aiko@elsewhere.example.org', birthDate: '1980-05-22' }, null)).id;
    ids.byId = (await createPerson(acc, { firstName: 'Liam', lastName: 'Ortiz', email: 'liam@elsewhere.example.org' }, null)).id;
    await t.deps.db.updateTable('people').set({ association_id: '90100001' }).where('id', '=', ids.byId).execute();
  });
  afterAll(async () => t.close());

  const person = (associationId: string) => t.deps.db.selectFrom('people').selectAll().where('association_id', '=', associationId).executeTakeFirst();
  const count = async (table: 'people' | 'applications' | 'role_grants' | 'application_imports' | 'audit_log' | 'role_requests') =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('imports the sample: people created or matched, applied roles for the season, Team Parent lines listed', async () => {
    const s = await importVolunteers(t.deps, CLI_ACTOR, sample, { fileName: 'volunteers-export.csv' });
    expect(s.skipped.filter((x) => !x.reason.includes('"Team Parent"'))).toEqual([]);
    expect(s.skipped.map((x) => x.row)).toEqual([5, 7, 25, 33]);
    expect(s).toMatchObject({ created: 34, updated: 3, unchanged: 0 });
    expect(summaryText('volunteers-export.csv', s).split('\n')[0]).toBe('Imported volunteers-export.csv: 34 created, 3 updated, 0 unchanged, 4 lines skipped.');
    expect((await person('90100002'))!.id).toBe(ids.byEmail);
    expect(await person('90100013')).toMatchObject({ id: ids.byName, email: 'aiko@elsewhere.example.org' });
    expect(await person('90100001')).toMatchObject({ id: ids.byId, phone: '310-555-0416', birth_date: '1979-12-26' });
    const fatima = (await person('90100006'))!;
    expect(fatima).toMatchObject({ first_name: 'Fatima', email: 'fatima.martin.6@example.org', birth_date: '1971-08-09', password_hash: null });
    const app = await t.deps.db.selectFrom('applications').selectAll().where('person_id', '=', fatima.id).executeTakeFirstOrThrow();
    expect(app).toMatchObject({ season_id: '2026-fall', is_adult: 1, ssn_sealed: null, signature_name: null, background_check: 'pending' });
    expect(JSON.parse(app.roles_json)).toEqual([
      { role: 'head-coach', division: '7U' },
      { role: 'assistant-coach', division: '16U' },
    ]);
    const grants = await t.deps.db.selectFrom('role_grants').select(['role', 'division', 'season_id']).where('person_id', '=', fatima.id).orderBy('role').execute();
    expect(grants).toEqual([
      { role: 'assistant-coach', division: '16U', season_id: '2026-fall' },
      { role: 'head-coach', division: '7U', season_id: '2026-fall' },
    ]);
    expect(await count('application_imports')).toBe(await count('applications'));
    const requests = await t.deps.db
      .selectFrom('role_requests')
      .select(['application_id', 'role', 'division', 'season_id', 'status', 'decided_by', 'reason'])
      .where('person_id', '=', fatima.id)
      .orderBy('role')
      .execute();
    expect(requests).toEqual([
      {
        application_id: app.id,
        role: 'assistant-coach',
        division: '16U',
        season_id: '2026-fall',
        status: 'granted',
        decided_by: null,
        reason: "Imported from the association's export (volunteers-export.csv).",
      },
      {
        application_id: app.id,
        role: 'head-coach',
        division: '7U',
        season_id: '2026-fall',
        status: 'granted',
        decided_by: null,
        reason: "Imported from the association's export (volunteers-export.csv).",
      },
    ]);
    expect(await count('role_requests')).toBe(await count('role_grants'));
    expect(await t.deps.db.selectFrom('role_requests').select('id').where('status', '!=', 'granted').execute()).toEqual([]);
    const youth = (await person('90100000'))!;
    expect(await t.deps.db.selectFrom('applications').select(['is_adult', 'background_check']).where('person_id', '=', youth.id).executeTakeFirst()).toEqual({
      is_adult: 0,
      background_check: 'not-started',
    });
  });

  it('leaves compliance to say what an imported adult still has to give', async () => {
    const fatima = (await person('90100006'))!;
    const answer = await personCompliance(t.deps, { personId: fatima.id, seasonId: '2026-fall', role: 'head-coach', division: '7U' });
    expect(answer.certified).toBe(false);
    expect(answer.missing.map((m) => m.code)).toEqual(expect.arrayContaining(['SSN_MISSING', 'SIGNATURE_MISSING']));
  });

  it('changes nothing when the same file is imported again', async () => {
    const tables = ['people', 'applications', 'role_grants', 'application_imports', 'role_requests'] as const;
    const before = await Promise.all(tables.map(count));
    const s = await importVolunteers(t.deps, CLI_ACTOR, sample, { fileName: 'volunteers-export.csv' });
    expect(s).toMatchObject({ created: 0, updated: 0, unchanged: 37 });
    expect(s.skipped.map((x) => x.row)).toEqual([5, 7, 25, 33]);
    expect(await Promise.all(tables.map(count))).toEqual(before);
  });

  it('refuses a file without the needed columns whole, naming them, and writes nothing', async () => {
    const before = await count('people');
    const audits = await count('audit_log');
    const err = await importVolunteers(t.deps, CLI_ACTOR, 'Volunteer First Name,Volunteer Last Name\r\nAna,New\r\n', { fileName: 'short.csv' }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.message).toContain('short.csv cannot be imported: Missing columns: AYSO Volunteer ID; Volunteer Date Of Birth; Volunteer Role; Division Name');
    expect(err.details.missingColumns).toContain('Volunteer Role');
    expect(await count('people')).toBe(before);
    expect(await count('audit_log')).toBe(audits);
  });

  it('adds a later role to an existing application, and refuses an unknown season before writing anything', async () => {
    const file = [HEADER, '90100006,Fatima,Martin,fatima.martin.6@example.org,08/09/1971,Field Helper,10U Girls,Fall 2026 Core'].join('\r\n');
    expect(await importVolunteers(t.deps, CLI_ACTOR, file, { fileName: 'more.csv' })).toMatchObject({ created: 0, updated: 1, unchanged: 0, skipped: [] });
    const fatima = (await person('90100006'))!;
    const app = await t.deps.db.selectFrom('applications').select('roles_json').where('person_id', '=', fatima.id).executeTakeFirstOrThrow();
    expect(JSON.parse(app.roles_json)).toContainEqual({ role: 'field-helper', division: '10U' });
    const added = await t.deps.db.selectFrom('role_requests').select(['status', 'decided_by']).where('person_id', '=', fatima.id).where('role', '=', 'field-helper').execute();
    expect(added).toEqual([{ status: 'granted', decided_by: null }]);
    const people = await count('people');
    const broken = [
      HEADER,
      '90300001,Nina,First,nina@example.org,01/01/1980,Head Coach,10U Boys,Fall 2026 Core',
      '90300002,Omar,Second,omar@example.org,01/01/1980,Head Coach,10U Boys,Fall 2026 Core',
    ].join('\r\n');
    await expect(importVolunteers(t.deps, CLI_ACTOR, broken, { fileName: 'broken.csv', season: 'no-such-season' })).rejects.toThrow('There is no season "no-such-season"');
    expect(await count('people')).toBe(people);
  });
});
