import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, testDialects, type TestApp } from '../../testing/harness.js';
import { browserSession, makeActor, postForm, type TestActor } from '../../testing/actors.js';

/** PATCH /api/v1/people/{id}, PUT /api/v1/people/{id}/roles, the CSV and the pages' forms. */

const SEASON = '2026-fall';

describe.each(testDialects())('changing people in the directory (%s)', (dialect) => {
  let t: TestApp;
  const as: Record<string, TestActor> = {};
  let target: TestActor;
  let other: TestActor;

  const patch = (who: string, id: string, payload: object) => t.app.inject({ method: 'PATCH', url: `/api/v1/people/${id}`, headers: as[who]!.bearer, payload });
  const put = (who: string, id: string, payload: object) => t.app.inject({ method: 'PUT', url: `/api/v1/people/${id}/roles`, headers: as[who]!.bearer, payload });
  const audit = (id: string, action: string) =>
    t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'before_json', 'after_json'])
      .where('entity_id', '=', id)
      .where('action', '=', action)
      .orderBy('at')
      .orderBy('id')
      .execute();
  const grants = async (id: string) =>
    (await t.deps.db.selectFrom('role_grants').select(['role', 'season_id', 'division']).where('person_id', '=', id).execute())
      .map((g) => `${g.role}/${g.season_id}/${g.division}`)
      .sort();

  beforeAll(async () => {
    t = await openTestApp(dialect);
    as.admin = await makeActor(t.deps, ['region-administrator']);
    as.registrar = await makeActor(t.deps, ['registrar']);
    as.coachAdmin = await makeActor(t.deps, ['coach-administrator']);
    as.safety = await makeActor(t.deps, ['safety-director']);
    target = await makeActor(t.deps, [], { email: `target.${dialect}@example.org` });
    other = await makeActor(t.deps, [], { email: `taken.${dialect}@example.org` });
  });
  afterAll(async () => t?.close());

  it('lets the registrar change contact details and the association id, audited', async () => {
    const r = await patch('registrar', target.id, { firstName: ' Zoë ', phone: '310-555-0100', associationId: '90100001', email: `Target.New.${dialect}@Example.org` });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ id: target.id, firstName: 'Zoë', lastName: 'Person', email: `target.new.${dialect}@example.org`, phone: '310-555-0100', associationId: '90100001' });
    const [a] = await audit(target.id, 'person.update');
    expect(a!.actor_id).toBe(as.registrar!.id);
    expect(JSON.parse(a!.after_json!)).toMatchObject({ firstName: 'Zoë', associationId: '90100001' });
    expect(JSON.parse(a!.before_json!)).toMatchObject({ associationId: null, email: `target.${dialect}@example.org` });
    // Nothing changed: nothing audited.
    expect((await patch('admin', target.id, { phone: '310-555-0100' })).statusCode).toBe(200);
    expect(await audit(target.id, 'person.update')).toHaveLength(1);
  });

  it('refuses bad values (422), a taken email or id (409), and editors other than the registrar and administrator (403)', async () => {
    const long = `${'a'.repeat(64)}@${'b'.repeat(186)}.org`;
    let r = await patch('registrar', target.id, { email: long });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.message).toBe('An email address is at most 254 characters.');
    r = await patch('registrar', target.id, { associationId: 'AB-12' });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.message).toContain('The association id is 6 to 12 digits');
    r = await patch('registrar', target.id, { ssn: '123456789' });
    expect(r.statusCode).toBe(422);
    r = await patch('registrar', target.id, { email: `TAKEN.${dialect}@example.org` });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('EMAIL_TAKEN');
    r = await patch('registrar', other.id, { associationId: '90100001' });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toContain('Another account already holds association id 90100001');
    for (const who of ['coachAdmin', 'safety']) expect((await patch(who, target.id, { phone: '310 555 0199' })).statusCode, who).toBe(403);
    expect((await patch('registrar', '00000000-none', { phone: '310 555 0199' })).statusCode).toBe(404);
  });

  it('keeps association ids unique in the database too', async () => {
    await expect(t.deps.db.updateTable('people').set({ association_id: '90100001' }).where('id', '=', other.id).execute()).rejects.toThrow();
    await t.deps.db.updateTable('people').set({ association_id: null }).where('id', '=', other.id).execute();
  });

  it('grants and removes only the roles each board member may, audited', async () => {
    let r = await put('coachAdmin', target.id, { season: SEASON, roles: [{ role: 'head-coach', division: '10U' }] });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ season: SEASON, roles: [{ season: SEASON, role: 'head-coach', division: '10U' }] });
    r = await put('registrar', target.id, {
      season: SEASON,
      roles: [
        { role: 'head-coach', division: '10U' },
        { role: 'field-helper', division: '8U' },
      ],
    });
    expect(r.statusCode).toBe(200);
    // The registrar may not remove the head coach role, nor grant a coaching one.
    r = await put('registrar', target.id, { season: SEASON, roles: [{ role: 'field-helper', division: '8U' }] });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.message).toBe('You may not remove Head coach (10U).');
    r = await put('coachAdmin', target.id, { season: '', roles: [{ role: 'registrar' }] });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.message).toBe('You may not grant Registrar.');
    r = await put('safety', target.id, { season: SEASON, roles: [] });
    expect(r.statusCode).toBe(403);
    expect(await grants(target.id)).toEqual([`field-helper/${SEASON}/8U`, `head-coach/${SEASON}/10U`]);
    r = await put('admin', target.id, { season: '', roles: [{ role: 'registrar' }] });
    expect(r.statusCode).toBe(200);
    const granted = await audit(target.id, 'role.grant');
    // One instant (the test clock) for all: compared without order.
    expect(granted.map((a) => [a.actor_id, JSON.parse(a.after_json!)])).toHaveLength(3);
    expect(granted.map((a) => [a.actor_id, JSON.parse(a.after_json!)])).toEqual(
      expect.arrayContaining([
        [as.coachAdmin!.id, { role: 'head-coach', season: SEASON, division: '10U' }],
        [as.registrar!.id, { role: 'field-helper', season: SEASON, division: '8U' }],
        [as.admin!.id, { role: 'registrar', season: '', division: '' }],
      ]),
    );
    r = await put('coachAdmin', target.id, { season: SEASON, roles: [{ role: 'field-helper', division: '8U' }] });
    expect(r.statusCode).toBe(200);
    const [revoked] = await audit(target.id, 'role.revoke');
    expect([revoked!.actor_id, JSON.parse(revoked!.before_json!)]).toEqual([as.coachAdmin!.id, { role: 'head-coach', season: SEASON, division: '10U' }]);
  });

  it('refuses bad role lists (422) and removing the last region administrator (409)', async () => {
    let r = await put('admin', target.id, { season: 'someday', roles: [] });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.message).toContain('There is no season "someday"');
    r = await put('admin', target.id, { season: SEASON, roles: [{ role: 'head-coach' }, { role: 'boss' }] });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.details.errors).toHaveLength(2);
    r = await put('admin', as.admin!.id, { season: '', roles: [] });
    expect(r.statusCode).toBe(409);
    expect(await grants(as.admin!.id)).toEqual(['region-administrator//']);
  });

  it('exports the result as CSV, every match', async () => {
    for (let i = 0; i < 60; i++) await makeActor(t.deps, [], { email: `csv${i}.${dialect}@example.org` });
    const r = await t.app.inject({ method: 'GET', url: '/admin/people.csv?q=csv', headers: as.coachAdmin!.bearer });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/csv');
    expect(r.headers['cache-control']).toBe('private, no-store');
    const lines = r.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Last name,First name,Email,Association id,Roles,Person id');
    expect(lines).toHaveLength(61);
    expect((await t.app.inject({ method: 'GET', url: '/admin/people.csv', headers: (await makeActor(t.deps, ['head-coach'])).bearer })).statusCode).toBe(403);
  });

  it('pages: the search shows the total, the person page has unique ids and its forms work', async () => {
    const s = await browserSession(t.app, as.admin!.email, as.admin!.password);
    let r = await t.app.inject({ method: 'GET', url: '/admin/people?q=csv', headers: { cookie: s.cookie } });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('Showing 1–50 of 60 people.');
    expect(r.body).toContain('href="/admin/people?q=csv&amp;page=2"');
    r = await t.app.inject({ method: 'GET', url: '/admin/people?pageSize=500', headers: { cookie: s.cookie } });
    expect(r.statusCode).toBe(422);
    expect(r.body).toContain('pageSize must be a whole number from 1 to 200');
    r = await t.app.inject({ method: 'GET', url: `/admin/people/${target.id}`, headers: { cookie: s.cookie } });
    expect(r.statusCode).toBe(200);
    const ids = [...r.body.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(5);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of [...r.body.matchAll(/<label for="([^"]+)"/g)].map((m) => m[1])) expect(ids, f).toContain(f);
    r = await postForm(t.app, `/admin/people/${target.id}`, s, {
      firstName: 'Zoë',
      lastName: 'Quinn',
      email: `target.new.${dialect}@example.org`,
      phone: '',
      associationId: '123',
    });
    expect(r.statusCode).toBe(422);
    expect(r.body).toContain('The association id is 6 to 12 digits');
    r = await postForm(t.app, `/admin/people/${target.id}`, s, {
      firstName: 'Zoë',
      lastName: 'Quinn',
      email: `target.new.${dialect}@example.org`,
      phone: '',
      associationId: '90100002',
    });
    expect(r.statusCode).toBe(303);
    r = await postForm(t.app, `/admin/people/${target.id}/roles`, s, { role: 'mentor', season: SEASON, division: '' });
    expect(r.statusCode).toBe(303);
    expect(await grants(target.id)).toContain(`mentor/${SEASON}/`);
    const grant = await t.deps.db.selectFrom('role_grants').select('id').where('person_id', '=', target.id).where('role', '=', 'mentor').executeTakeFirstOrThrow();
    r = await postForm(t.app, `/admin/people/${target.id}/roles/${grant.id}/revoke`, s, {});
    expect(r.statusCode).toBe(303);
    expect(await grants(target.id)).not.toContain(`mentor/${SEASON}/`);
    const coach = await makeActor(t.deps, ['head-coach'], { seasonId: SEASON, division: '10U' });
    const cs = await browserSession(t.app, coach.email, coach.password);
    expect((await t.app.inject({ method: 'GET', url: '/admin/people', headers: { cookie: cs.cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/admin/people/${target.id}`, headers: { cookie: cs.cookie } })).statusCode).toBe(403);
  });
});
