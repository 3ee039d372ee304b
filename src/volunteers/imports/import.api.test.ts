import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSession, makeActor, type TestActor } from '../../testing/actors.js';
import { openTestApp, testDialects, type TestApp } from '../../testing/harness.js';
import { multipartBody } from '../../training/training.testkit.js';

const sample = readFileSync(new URL('./fixtures/volunteers-export.csv', import.meta.url));

describe.each(testDialects())('POST /api/v1/people/import on %s', (dialect) => {
  let t: TestApp;
  let registrar: TestActor;
  beforeAll(async () => {
    t = await openTestApp(dialect);
    registrar = await makeActor(t.deps, ['registrar']);
  });
  afterAll(async () => t.close());

  const post = (actor: TestActor, data: Uint8Array | string, fields: Record<string, string> = {}, fileName = 'volunteers.csv') => {
    const body = multipartBody(fields, { fileName, contentType: 'text/csv', data: typeof data === 'string' ? Buffer.from(data) : data });
    return t.app.inject({ method: 'POST', url: '/api/v1/people/import', headers: { ...actor.bearer, 'content-type': body.contentType }, payload: body.payload });
  };

  it('imports the sample (201 with the summary), then finds everything unchanged (200)', async () => {
    const first = await post(registrar, sample);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ created: 37, updated: 0, unchanged: 0 });
    expect(first.json().skipped).toEqual([5, 7, 25, 33].map((row) => ({ row, reason: expect.stringContaining('"Team Parent"') })));
    const again = await post(registrar, sample);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ created: 0, updated: 0, unchanged: 37, skipped: first.json().skipped });
  });

  it('answers 422 naming the missing columns', async () => {
    const r = await post(registrar, 'Volunteer First Name,Volunteer Last Name,Volunteer Role:(44102)\r\nAna,Núñez,Head Coach\r\n', {}, 'short.csv');
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('VALIDATION');
    expect(r.json().error.message).toContain('Missing columns: AYSO Volunteer ID; Volunteer Date Of Birth; Division Name');
    expect(r.json().error.details.missingColumns).toEqual([
      'AYSO Volunteer ID',
      'Volunteer Date Of Birth',
      'Division Name',
      'Program Name or Application Date (or choose the season)',
    ]);
  });

  it('takes the season from the form field, and refuses an unknown one', async () => {
    const file = 'AYSO Volunteer ID,First Name,Last Name,DOB,Role,Division\r\n91000001,Ana,Núñez,04/09/1985,Head Coach,10U Boys\r\n';
    expect((await post(registrar, file, { season: 'winter' })).json().error).toMatchObject({ code: 'UNKNOWN_SEASON', message: expect.stringContaining('2026-fall') });
    const r = await post(registrar, file, { season: '2027-spring' });
    expect(r.statusCode).toBe(201);
    const app = await t.deps.db
      .selectFrom('applications')
      .innerJoin('people', 'people.id', 'applications.person_id')
      .select('season_id')
      .where('people.association_id', '=', '91000001')
      .executeTakeFirstOrThrow();
    expect(app.season_id).toBe('2027-spring');
    const requests = await t.deps.db
      .selectFrom('role_requests')
      .innerJoin('people', 'people.id', 'role_requests.person_id')
      .select(['role', 'division', 'season_id', 'status', 'decided_by'])
      .where('people.association_id', '=', '91000001')
      .execute();
    expect(requests).toEqual([{ role: 'head-coach', division: '10U', season_id: '2027-spring', status: 'granted', decided_by: registrar.id }]);
  });

  it('is for the registrar and the region administrator only', async () => {
    const admin = await makeActor(t.deps, ['region-administrator']);
    expect((await post(admin, sample)).statusCode).toBe(200);
    const coachAdmin = await makeActor(t.deps, ['coach-administrator']);
    expect((await post(coachAdmin, sample)).statusCode).toBe(403);
    expect((await post(registrar, Buffer.from(''), {}, 'empty.csv')).statusCode).toBe(422);
  });

  it('shows the report on the page, with the skipped lines', async () => {
    const s = await browserSession(t.app, registrar.email, registrar.password);
    const form = await t.app.inject({ method: 'GET', url: '/people/import', headers: { cookie: s.cookie } });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Import volunteers');
    const body = multipartBody({}, { fileName: 'volunteers-export.csv', contentType: 'text/csv', data: sample });
    const r = await t.app.inject({
      method: 'POST',
      url: `/people/import?_csrf=${encodeURIComponent(s.csrf)}`,
      headers: { cookie: s.cookie, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('37 people unchanged');
    expect(r.body).toContain('<td>33</td>');
  });
});
