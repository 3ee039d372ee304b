import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { accountDeps, createPerson } from '../../people/index.js';
import { makeActor } from '../../testing/actors.js';
import { testDialects, type TestApp } from '../../testing/harness.js';
import { importLegacyCertifications, reportSummary } from './import.service.js';
import { multipartBody, openTrainingApp } from '../training.testkit.js';

const sample = readFileSync(new URL('./fixtures/legacy-certifications.csv', import.meta.url));

/**
 * People of the sample file: lines 2-17 by their email; lines 21, 24 and 26 by name and date of
 * birth (other email, no accents, other case); line 27's name with another birth date matches
 * nobody. Lines 18, 22, 27, 28, 30 and 31 match nobody.
 */
async function seedPeople(t: TestApp): Promise<Record<string, string>> {
  const acc = accountDeps(t.deps);
  const ids: Record<string, string> = {};
  const names = [
    'Lucía Park',
    'Jonah Hernández',
    'Ezra Johnson',
    'Nora Martínez',
    'Harper Williams',
    'Liam Chen',
    'Leo Kim',
    'Lucía García',
    'Olivia Smith',
    'Aiden Nguyen',
    'Olivia Nguyen',
    'Sebastian Chen',
    'Liam Patel',
    'Sofía Patel',
    'Olivia Martínez',
    'Lucas García',
  ];
  for (const [i, name] of names.entries()) {
    const [firstName, lastName] = name.split(' ') as [string, string];
    ids[`coach${i}`] = (await createPerson(acc, { firstName, lastName, email: `coach${i}@example.org` }, null)).id;
  }
  const byName: [string, string, string, string][] = [
    ['line21', 'olivia', 'SMITH', '1977-12-26'],
    ['line24', 'MILES', 'Rodriguez', '1983-04-26'],
    ['line26', 'Chloe', 'Park', '1984-06-25'],
    ['line27', 'Miles', 'García', '1972-08-10'],
  ];
  for (const [key, firstName, lastName, birthDate] of byName) ids[key] = (await createPerson(acc, { firstName, lastName, email: `${key}@other.example.org`, birthDate }, null)).id;
  return ids;
}

describe.each(testDialects())('legacy certification import on %s', (dialect) => {
  let t: TestApp;
  let ids: Record<string, string>;
  beforeAll(async () => {
    t = await openTrainingApp(dialect);
    ids = await seedPeople(t);
  });
  afterAll(async () => t.close());

  const completionsOf = (personId: string) =>
    t.deps.db.selectFrom('completions').select(['training', 'part', 'completed_on', 'source']).where('person_id', '=', personId).orderBy('part').execute();

  it('lands good lines, reports the others by line number, and fills empty association ids', async () => {
    const r = await importLegacyCertifications(t.deps, CLI_ACTOR, sample, 'legacy.csv');
    expect({ rows: r.rows, added: r.added, alreadyPresent: r.alreadyPresent, completionsAdded: r.completionsAdded, associationIdsSet: r.associationIdsSet }).toEqual({
      rows: 30,
      added: 19,
      alreadyPresent: 0,
      completionsAdded: 22,
      associationIdsSet: 19,
    });
    expect(r.unmatched.map((e) => e.row)).toEqual([18, 22, 27, 28, 30, 31]);
    expect(r.unknownTraining.map((e) => e.row)).toEqual([19, 23, 25, 29]);
    expect(r.invalid.map((e) => e.row)).toEqual([20]);
    expect(r.unmatched[0]!.message).toContain('Lucas Patel');
    expect(r.unknownTraining[0]!.message).toContain('Regional Referee');
    expect(reportSummary(r)).toBe('30 lines: 19 added, 0 already present, 6 unmatched, 4 unknown training, 1 with other problems.');
    expect(await completionsOf(ids.coach6!)).toEqual([
      { training: 'coach-10u', part: 'field', completed_on: '2017-06-25', source: 'import' },
      { training: 'coach-10u', part: 'online', completed_on: '2017-06-25', source: 'import' },
    ]);
    expect(await completionsOf(ids.line24!)).toEqual([{ training: 'coach-advanced', part: 'in-person', completed_on: '2025-03-03', source: 'import' }]);
    expect(await completionsOf(ids.line27!)).toEqual([]);
    const person = await t.deps.db.selectFrom('people').select(['association_id']).where('id', '=', ids.coach0!).executeTakeFirstOrThrow();
    expect(person.association_id).toBe('97000000');
    const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'training.import').execute();
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ file: 'legacy.csv', added: 19, unmatched: 6, unknownTraining: 4 });
  });

  it('adds nothing when the same file comes again', async () => {
    const before = await t.deps.db
      .selectFrom('completions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const r = await importLegacyCertifications(t.deps, CLI_ACTOR, sample, 'legacy.csv');
    expect({
      added: r.added,
      alreadyPresent: r.alreadyPresent,
      completionsAdded: r.completionsAdded,
      associationIdsSet: r.associationIdsSet,
      unmatched: r.unmatched.length,
    }).toEqual({ added: 0, alreadyPresent: 19, completionsAdded: 0, associationIdsSet: 0, unmatched: 6 });
    const after = await t.deps.db
      .selectFrom('completions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('matches emails whatever their case, and a known association id, and keeps an id already on file', async () => {
    await t.deps.db.updateTable('people').set({ association_id: 'KEEP-ME' }).where('id', '=', ids.coach1!).execute();
    const csv = [
      'AYSO ID,First Name,Last Name,Email,DOB,Certification,Completed',
      '555,Jonah,Hernandez,COACH1@Example.ORG,,SafeSport,1/2/2024',
      '97000000,Someone,Else,unknown@example.org,,SafeSport,1/3/2024',
    ].join('\n');
    const r = await importLegacyCertifications(t.deps, CLI_ACTOR, Buffer.from(csv), 'small.csv');
    expect(r.added).toBe(2);
    expect((await completionsOf(ids.coach1!)).map((c) => c.training)).toContain('safesport');
    expect((await completionsOf(ids.coach0!)).map((c) => c.completed_on)).toContain('2024-01-03');
    const kept = await t.deps.db.selectFrom('people').select('association_id').where('id', '=', ids.coach1!).executeTakeFirstOrThrow();
    expect(kept.association_id).toBe('KEEP-ME');
  });

  it('reports a line whose association id another account holds, writing nothing of it', async () => {
    const acc = accountDeps(t.deps);
    const db = t.deps.db;
    const holder = (await createPerson(acc, { firstName: 'Ivy', lastName: 'Holder', email: 'ivy.holder@example.org' }, null)).id;
    const tomb = (await createPerson(acc, { firstName: 'Old', lastName: 'Tomb', email: 'old.tomb@example.org' }, null)).id;
    await db.updateTable('people').set({ association_id: '98000001' }).where('id', '=', holder).execute();
    await db.updateTable('people').set({ association_id: '98000002', merged_into: holder, email: null }).where('id', '=', tomb).execute();
    const a = (await createPerson(acc, { firstName: 'Ann', lastName: 'Newid', email: 'ann.newid@example.org' }, null)).id;
    const b = (await createPerson(acc, { firstName: 'Ben', lastName: 'Newid', email: 'ben.newid@example.org' }, null)).id;
    const c = (await createPerson(acc, { firstName: 'Cal', lastName: 'Newid', email: 'cal.newid@example.org' }, null)).id;
    const csv = [
      'AYSO ID,First Name,Last Name,Email,DOB,Certification,Completed',
      '98000001,Ann,Newid,ann.newid@example.org,,SafeSport,1/2/2024',
      '98000002,Ben,Newid,ben.newid@example.org,,10U Coach,1/2/2024',
      '98000003,Cal,Newid,cal.newid@example.org,,SafeSport,1/2/2024',
      '98000003,Ann,Newid,ann.newid@example.org,,Concussion Awareness,1/3/2024',
    ].join('\n');
    const r = await importLegacyCertifications(t.deps, CLI_ACTOR, Buffer.from(csv), 'taken.csv');
    expect(r.invalid.map((e) => e.row)).toEqual([2, 3, 5]);
    expect(r.invalid[0]!.message).toBe(
      'AYSO ID 98000001 belongs to another account (Ivy Holder), not to Ann Newid (ann.newid@example.org): correct the id in the file, or merge the two accounts first. Nothing of this line was imported.',
    );
    expect(r.invalid[1]!.message).toContain('(Old Tomb, merged into another account)');
    expect({ added: r.added, associationIdsSet: r.associationIdsSet }).toEqual({ added: 1, associationIdsSet: 1 });
    expect(await completionsOf(a)).toEqual([]);
    expect(await completionsOf(b)).toEqual([]);
    expect((await completionsOf(c)).map((x) => x.training)).toEqual(['safesport']);
    const idsNow = await db.selectFrom('people').select(['id', 'association_id']).where('id', 'in', [a, b, c]).execute();
    expect(Object.fromEntries(idsNow.map((p) => [p.id, p.association_id]))).toEqual({ [a]: null, [b]: null, [c]: '98000003' });
  });

  it('refuses a file it cannot read at all, naming what is missing', async () => {
    await expect(importLegacyCertifications(t.deps, CLI_ACTOR, Buffer.from('Name,Date\nx,1/1/2020\n'), 'wrong.csv')).rejects.toSatisfy(
      (e: unknown) => e instanceof AppError && e.code === 'VALIDATION' && e.message.includes('wrong.csv'),
    );
  });

  it('is available to the registrar through the API as a multipart upload', async () => {
    const registrar = await makeActor(t.deps, ['registrar']);
    const body = multipartBody({}, { fileName: 'legacy.csv', contentType: 'text/csv', data: sample });
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/certifications',
      headers: { ...registrar.bearer, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ added: 0, alreadyPresent: 19, unknownTraining: expect.arrayContaining([{ row: 19, message: expect.any(String) }]) });
    const coach = await makeActor(t.deps, ['coach-administrator']);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/imports/certifications', headers: { ...coach.bearer, 'content-type': body.contentType }, payload: body.payload }))
        .statusCode,
    ).toBe(403);
  });
});
