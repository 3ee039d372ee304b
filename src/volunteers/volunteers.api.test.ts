import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects, type TestApp } from '../testing/harness.js';
import { makeActor, type TestActor } from '../testing/actors.js';
import { SCREENING_KEY } from './applications.store.js';
import { unsealSsn } from './screening.crypto.js';
import { adultBody, ADULT_BIRTH, ELEVEN_BIRTH, installTestKey, makeApplicant, openVolunteerApp, SEASON, SSN_DIGITS, YOUTH_BIRTH } from './volunteers.testkit.js';

describe.each(testDialects())('volunteer API on %s', (dialect) => {
  let t: TestApp;
  let key: Awaited<ReturnType<typeof installTestKey>>;
  let registrar: TestActor;
  let safety: TestActor;
  let admin: TestActor;
  beforeAll(async () => {
    t = await openVolunteerApp(dialect);
    key = await installTestKey(t.deps);
    registrar = await makeActor(t.deps, ['registrar']);
    safety = await makeActor(t.deps, ['safety-director']);
    admin = await makeActor(t.deps, ['region-administrator']);
  });
  afterAll(async () => t?.close());

  const post = (url: string, who: { bearer: object }, payload: object) => t.app.inject({ method: 'POST', url, headers: who.bearer as Record<string, string>, payload });
  const get = (url: string, who: { bearer: object }) => t.app.inject({ method: 'GET', url, headers: who.bearer as Record<string, string> });
  const apply = (personId: string, who: { bearer: object }, body: object) => post(`/api/v1/people/${personId}/applications`, who, body);

  it('creates people for the board (201 {id}, 409 EMAIL_TAKEN) and refuses volunteers', async () => {
    const body = { firstName: 'Ana', lastName: 'López', email: `ana.${dialect}@example.org`, birthDate: ADULT_BIRTH };
    const r = await post('/api/v1/people', registrar, body);
    expect(r.statusCode).toBe(201);
    expect(Object.keys(r.json())).toEqual(['id']);
    const p = await t.deps.db.selectFrom('people').selectAll().where('id', '=', r.json().id).executeTakeFirstOrThrow();
    expect(p).toMatchObject({ first_name: 'Ana', birth_date: ADULT_BIRTH, password_hash: null });
    expect((await post('/api/v1/people', admin, body)).json().error.code).toBe('EMAIL_TAKEN');
    expect((await post('/api/v1/people', admin, body)).statusCode).toBe(409);
    expect((await post('/api/v1/people', admin, { ...body, email: `x.${dialect}@example.org`, birthDate: '2031-01-01' })).statusCode).toBe(422);
    const coach = await makeActor(t.deps, ['head-coach']);
    expect((await post('/api/v1/people', coach, { ...body, email: `y.${dialect}@example.org` })).statusCode).toBe(403);
  });

  it('takes an adult application and answers it without any SSN', async () => {
    const a = await makeApplicant(t.deps, ADULT_BIRTH);
    const r = await apply(a.id, a, adultBody(a.name, { signature: { typedName: a.name } }));
    expect(r.statusCode).toBe(201);
    expect(r.json()).toEqual({
      id: expect.any(String),
      personId: a.id,
      season: SEASON,
      roles: [
        { role: 'head-coach', division: '10U' },
        { role: 'field-helper', division: '8U' },
      ],
      adult: true,
      signed: true,
      signedAt: t.clock.now().toISOString(),
      submittedAt: t.clock.now().toISOString(),
      backgroundCheck: 'pending',
    });
    expect(r.body).not.toContain('6789');
    const row = await t.deps.db.selectFrom('applications').selectAll().where('person_id', '=', a.id).executeTakeFirstOrThrow();
    expect(unsealSsn(key.privateKey, row.ssn_sealed!)).toBe(SSN_DIGITS);
    const roles = (await get('/api/v1/me', a)).json().roles;
    // The field helper role is granted at once; the head coach role waits for the board.
    expect(roles).toEqual(expect.arrayContaining([{ role: 'field-helper', season: SEASON, division: '8U' }]));
    expect(roles).not.toEqual(expect.arrayContaining([expect.objectContaining({ role: 'head-coach' })]));
  });

  it.each([
    ['an adult without SSN', ADULT_BIRTH, { ssn: undefined }, 'SSN_REQUIRED'],
    ['an adult with a malformed SSN', ADULT_BIRTH, { ssn: '123-45-678' }, 'SSN_INVALID'],
    ['an adult without signature', ADULT_BIRTH, { signature: undefined }, 'SIGNATURE_REQUIRED'],
    ['an 11-year-old', ELEVEN_BIRTH, { roles: [{ role: 'youth-volunteer', division: '6U' }], ssn: undefined, signature: undefined }, 'TOO_YOUNG'],
    ['a youth giving an SSN', YOUTH_BIRTH, { roles: [{ role: 'youth-volunteer', division: '6U' }], signature: undefined }, 'SSN_NOT_ALLOWED'],
    ['a person without a date of birth', null, {}, 'BIRTH_DATE_MISSING'],
  ])('refuses %s with 422 %s', async (_name, birth, over, code) => {
    const a = await makeApplicant(t.deps, birth);
    const r = await apply(a.id, a, adultBody(a.name, over));
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe(code);
    expect(r.body).not.toContain(SSN_DIGITS);
    expect(await t.deps.db.selectFrom('applications').select('id').where('person_id', '=', a.id).execute()).toEqual([]);
  });

  it('lists every problem in details', async () => {
    const a = await makeApplicant(t.deps, ADULT_BIRTH);
    const r = await apply(a.id, a, adultBody(a.name, { ssn: '', signature: 'Nobody', roles: [{ role: 'registrar', division: '10U' }] }));
    expect(r.json().error.details.errors).toHaveLength(3);
    expect(r.json().error.details.fields.map((f: { code: string }) => f.code)).toEqual(['SSN_REQUIRED', 'SIGNATURE_MISMATCH', 'UNKNOWN_ROLE']);
  });

  it('lets only the person, the registrar and the region administrator apply for a person', async () => {
    const a = await makeApplicant(t.deps, ADULT_BIRTH);
    const other = await makeApplicant(t.deps, ADULT_BIRTH, ['head-coach']);
    const refused = await apply(a.id, other, adultBody(a.name));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
    expect((await apply(a.id, safety, adultBody(a.name))).statusCode).toBe(403);
    expect((await apply(a.id, registrar, adultBody(a.name))).statusCode).toBe(201);
    expect((await apply(a.id, admin, adultBody(a.name, { roles: [{ role: 'assistant-coach', division: '12U' }] }))).statusCode).toBe(201);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('entity', '=', 'application')
      .where('actor_id', 'in', [registrar.id, admin.id])
      .execute();
    expect(audit.map((x) => x.action).sort()).toEqual(['application.submit', 'application.update']);
  });

  it('shows applications to the person and the board, the last four only to the safety director', async () => {
    const a = await makeApplicant(t.deps, ADULT_BIRTH);
    await apply(a.id, a, adultBody(a.name));
    const own = await get(`/api/v1/people/${a.id}/applications`, a);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toHaveLength(1);
    expect(own.json()[0]).not.toHaveProperty('ssnLast4');
    expect((await get(`/api/v1/people/${a.id}/applications`, registrar)).json()[0]).not.toHaveProperty('ssnLast4');
    expect((await get(`/api/v1/people/${a.id}/applications`, safety)).json()[0]).toMatchObject({ ssnLast4: '6789', ssnSealed: true });
    const other = await makeApplicant(t.deps, ADULT_BIRTH, ['field-helper']);
    expect((await get(`/api/v1/people/${a.id}/applications`, other)).statusCode).toBe(403);
  });

  it('lets the safety director list pending checks and record one, which erases the sealed number', async () => {
    const a = await makeApplicant(t.deps, ADULT_BIRTH);
    const id = (await apply(a.id, a, adultBody(a.name))).json().id;
    const pending = (await get('/api/v1/applications', safety)).json();
    expect(pending.find((x: { id: string }) => x.id === id)).toMatchObject({ name: a.name, ssnLast4: '6789', backgroundCheck: 'pending' });
    const put = (who: { bearer: object }, result: string) =>
      t.app.inject({ method: 'PUT', url: `/api/v1/applications/${id}/background-check`, headers: who.bearer as Record<string, string>, payload: { result } });
    expect((await put(registrar, 'clear')).statusCode).toBe(403);
    expect((await put(safety, 'maybe')).statusCode).toBe(422);
    const r = await put(safety, 'clear');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ id, backgroundCheck: 'clear', ssnSealed: false, ssnLast4: '6789' });
    const row = await t.deps.db.selectFrom('applications').select('ssn_sealed').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.ssn_sealed).toBeNull();
    expect((await get('/api/v1/applications', safety)).json().some((x: { id: string }) => x.id === id)).toBe(false);
    expect((await get('/api/v1/applications?status=all', safety)).json().some((x: { id: string }) => x.id === id)).toBe(true);
    expect((await apply(a.id, a, adultBody(a.name))).statusCode).toBe(409);
  });

  it('takes adults without the number while no key is set up, and refuses a number then with SCREENING_NOT_READY', async () => {
    const stored = await t.deps.db.selectFrom('app_meta').select('value').where('key', '=', SCREENING_KEY).executeTakeFirstOrThrow();
    await t.deps.db.deleteFrom('app_meta').where('key', '=', SCREENING_KEY).execute();
    try {
      const a = await makeApplicant(t.deps, ADULT_BIRTH);
      const r = await apply(a.id, a, adultBody(a.name));
      expect(r.statusCode).toBe(409);
      expect(r.json().error).toMatchObject({ code: 'SCREENING_NOT_READY', message: expect.stringContaining('opens when the region finishes setting up') });
      const later = await apply(a.id, a, adultBody(a.name, { ssn: undefined }));
      expect(later.statusCode).toBe(201);
      expect(later.json()).toMatchObject({ adult: true, backgroundCheck: 'pending' });
    } finally {
      await t.deps.db.insertInto('app_meta').values({ key: SCREENING_KEY, value: stored.value }).execute();
    }
  });

  it('documents the API in OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const p of ['/api/v1/people', '/api/v1/people/{id}/applications', '/api/v1/applications', '/api/v1/applications/{id}/background-check'])
      expect(Object.keys(doc.paths)).toContain(p);
    expect(doc.paths['/api/v1/people/{id}/applications'].post.responses['201']).toBeDefined();
  });
});
