import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects, type TestApp } from '../../testing/harness.js';
import { makeActor, type TestActor } from '../../testing/actors.js';
import { editRegionConfig } from '../../region/region.testkit.js';
import { waitingRolesOf } from './requests.store.js';
import { adultBody, ADULT_BIRTH, installTestKey, makeApplicant, openVolunteerApp, SEASON, YOUTH_BIRTH, type Applicant } from '../volunteers.testkit.js';

type Who = { bearer: object };

describe.each(testDialects())('role requests and the board decisions on %s', (dialect) => {
  let t: TestApp;
  let coachAdmin: TestActor;
  let registrar: TestActor;
  let admin: TestActor;
  beforeAll(async () => {
    t = await openVolunteerApp(dialect);
    await installTestKey(t.deps);
    coachAdmin = await makeActor(t.deps, ['coach-administrator']);
    registrar = await makeActor(t.deps, ['registrar']);
    admin = await makeActor(t.deps, ['region-administrator']);
  });
  afterAll(async () => t?.close());

  const headers = (who: Who) => who.bearer as Record<string, string>;
  const get = (url: string, who: Who) => t.app.inject({ method: 'GET', url, headers: headers(who) });
  const decide = (who: Who, decisions: object[]) => t.app.inject({ method: 'POST', url: '/api/v1/role-requests/decisions', headers: headers(who), payload: { decisions } });
  const grants = async (personId: string) =>
    (await t.deps.db.selectFrom('role_grants').select(['role', 'division']).where('person_id', '=', personId).orderBy('role').orderBy('division').execute()).map(
      (g) => `${g.role}/${g.division}`,
    );
  const requests = (personId: string) => t.deps.db.selectFrom('role_requests').selectAll().where('person_id', '=', personId).orderBy('role').orderBy('division').execute();
  const mails = (to: string, kind: string) => t.deps.db.selectFrom('outbox').selectAll().where('to_address', '=', to).where('kind', '=', kind).execute();
  const audits = (entityId: string) => t.deps.db.selectFrom('audit_log').selectAll().where('entity_id', '=', entityId).execute();

  async function applicant(roles: { role: string; division: string }[], birth = ADULT_BIRTH): Promise<Applicant> {
    const a = await makeApplicant(t.deps, birth);
    const body = birth === ADULT_BIRTH ? adultBody(a.name, { roles }) : { season: SEASON, roles };
    const r = await t.app.inject({ method: 'POST', url: `/api/v1/people/${a.id}/applications`, headers: headers(a), payload: body });
    expect(r.statusCode).toBe(201);
    return a;
  }
  const idOf = async (a: Applicant, role: string) => (await requests(a.id)).find((r) => r.role === role)!.id;

  it('applying no longer grants coach roles: they wait for the board; field helpers and youth volunteers are granted at once', async () => {
    const a = await applicant([
      { role: 'head-coach', division: '10U' },
      { role: 'field-helper', division: '8U' },
    ]);
    expect(await grants(a.id)).toEqual(['field-helper/8U']);
    expect((await requests(a.id)).map((r) => [r.role, r.status, r.decided_by])).toEqual([
      ['field-helper', 'granted', null],
      ['head-coach', 'requested', null],
    ]);
    const teen = await applicant([{ role: 'youth-volunteer', division: '6U' }], YOUTH_BIRTH);
    expect(await grants(teen.id)).toEqual(['youth-volunteer/6U']);
    expect(await waitingRolesOf(t.deps.db, a.id, SEASON)).toEqual([{ role: 'head-coach', division: '10U' }]);
    const home = await get('/', a);
    expect(home.body).toContain("Head coach 10U: waiting for the board's decision");
  });

  it('follows the region setting of roles granted at once', async () => {
    await editRegionConfig(t.deps.db, t.clock, { id: admin.id, name: 'test' }, null, 'test.grant-at-once', (c) => {
      c.applications = { grantAtOnce: ['assistant-coach'] };
    });
    try {
      const a = await applicant([
        { role: 'assistant-coach', division: '12U' },
        { role: 'field-helper', division: '12U' },
      ]);
      expect(await grants(a.id)).toEqual(['assistant-coach/12U']);
      expect((await requests(a.id)).map((r) => [r.role, r.status])).toEqual([
        ['assistant-coach', 'granted'],
        ['field-helper', 'requested'],
      ]);
    } finally {
      await editRegionConfig(t.deps.db, t.clock, { id: admin.id, name: 'test' }, null, 'test.grant-at-once', (c) => {
        c.applications = { grantAtOnce: ['youth-volunteer', 'field-helper'] };
      });
    }
  });

  it('grants one request through the role grant, mails and audits it; deciding it again is 409 naming the request', async () => {
    const a = await applicant([{ role: 'head-coach', division: '10U' }]);
    const id = await idOf(a, 'head-coach');
    const r = await decide(coachAdmin, [{ id, decision: 'grant' }]);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ granted: 1, declined: 0 });
    expect(await grants(a.id)).toEqual(['head-coach/10U']);
    expect((await requests(a.id))[0]).toMatchObject({ status: 'granted', decided_by: coachAdmin.id, decided_at: t.clock.now().toISOString(), reason: null });
    const [mail] = await mails(a.email, 'role-granted');
    expect(mail!.body_text).toContain('Head coach 10U');
    expect((await audits(id)).map((e) => e.action)).toEqual(['role-request.grant']);
    expect((await audits(a.id)).map((e) => e.action)).toContain('role.grant');
    const again = await decide(coachAdmin, [{ id, decision: 'decline' }]);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain(`Request ${id}`);
    expect(again.json().error.message).toContain('already granted');
    expect(await mails(a.email, 'role-declined')).toEqual([]);
  });

  it('decides many at once, a decline with its reason; the applicant stays without the declined role', async () => {
    const a = await applicant([{ role: 'head-coach', division: '8U' }]);
    const b = await applicant([{ role: 'assistant-coach', division: '8U' }]);
    const c = await applicant([{ role: 'head-coach', division: '12U' }]);
    const r = await decide(coachAdmin, [
      { id: await idOf(a, 'head-coach'), decision: 'grant' },
      { id: await idOf(b, 'assistant-coach'), decision: 'grant' },
      { id: await idOf(c, 'head-coach'), decision: 'decline', reason: 'We have enough 12U coaches this fall.' },
    ]);
    expect(r.json()).toEqual({ granted: 2, declined: 1 });
    expect(await grants(a.id)).toEqual(['head-coach/8U']);
    expect(await grants(b.id)).toEqual(['assistant-coach/8U']);
    expect(await grants(c.id)).toEqual([]);
    expect((await requests(c.id))[0]).toMatchObject({ status: 'declined', reason: 'We have enough 12U coaches this fall.' });
    const [mail] = await mails(c.email, 'role-declined');
    expect(mail!.body_text).toContain('We have enough 12U coaches this fall.');
  });

  it('lets each board role decide only its roles: 403 naming the role, and nothing written', async () => {
    const a = await applicant([
      { role: 'head-coach', division: '10U' },
      { role: 'field-helper', division: '10U' },
    ]);
    await editRegionConfig(t.deps.db, t.clock, { id: admin.id, name: 'test' }, null, 'test.grant-at-once', (c) => {
      c.applications = { grantAtOnce: [] };
    });
    let helper: Applicant;
    try {
      helper = await applicant([{ role: 'field-helper', division: '6U' }]);
    } finally {
      await editRegionConfig(t.deps.db, t.clock, { id: admin.id, name: 'test' }, null, 'test.grant-at-once', (c) => {
        delete c.applications;
      });
    }
    const coachId = await idOf(a, 'head-coach');
    const helperId = await idOf(helper, 'field-helper');
    const r = await decide(registrar, [
      { id: helperId, decision: 'grant' },
      { id: coachId, decision: 'grant' },
    ]);
    expect(r.statusCode).toBe(403);
    expect(r.json().error.message).toContain('Head coach');
    expect(r.json().error.message).toContain('coach administrator');
    expect(await grants(helper.id)).toEqual([]);
    expect((await decide(coachAdmin, [{ id: helperId, decision: 'grant' }])).statusCode).toBe(403);
    const listed = (await get(`/api/v1/role-requests?season=${SEASON}&pageSize=200`, registrar)).json();
    expect(listed.items.map((i: { role: string }) => i.role)).not.toContain('head-coach');
    expect(listed.items.map((i: { id: string }) => i.id)).toContain(helperId);
    expect((await decide(registrar, [{ id: helperId, decision: 'grant' }])).statusCode).toBe(200);
    expect((await decide(admin, [{ id: coachId, decision: 'grant' }])).statusCode).toBe(200);
    const coach = await makeActor(t.deps, ['head-coach']);
    expect((await get('/api/v1/role-requests', coach)).statusCode).toBe(403);
  });

  it('refuses a batch with bad items whole: 422 naming each, nothing granted, no mail', async () => {
    const a = await applicant([{ role: 'head-coach', division: '14U' }]);
    const id = await idOf(a, 'head-coach');
    const r = await decide(coachAdmin, [
      { id, decision: 'grant' },
      { id: 'no-such-request', decision: 'grant' },
      { id, decision: 'decline' },
    ]);
    expect(r.statusCode).toBe(422);
    const message = r.json().error.message as string;
    expect(message).toContain('decisions[1]: there is no role request "no-such-request"');
    expect(message).toContain('decisions[2]');
    expect(await grants(a.id)).toEqual([]);
    expect(await mails(a.email, 'role-granted')).toEqual([]);
    expect((await decide(coachAdmin, [{ id, decision: 'maybe' }])).statusCode).toBe(422);
    expect((await decide(coachAdmin, [])).statusCode).toBe(422);
  });

  it('queues the mails only when the decisions commit', async () => {
    const a = await applicant([{ role: 'head-coach', division: '16U' }]);
    const b = await applicant([{ role: 'head-coach', division: '19U' }]);
    // The second grant fails inside the database, after the first decision and its mail were written.
    await failGrantsOf(b.id);
    try {
      const r = await decide(coachAdmin, [
        { id: await idOf(a, 'head-coach'), decision: 'grant' },
        { id: await idOf(b, 'head-coach'), decision: 'grant' },
      ]);
      expect(r.statusCode).toBe(500);
    } finally {
      await dropFailure();
    }
    expect(await mails(a.email, 'role-granted')).toEqual([]);
    expect(await grants(a.id)).toEqual([]);
    expect((await requests(a.id))[0]!.status).toBe('requested');
    expect(await audits(await idOf(a, 'head-coach'))).toEqual([]);
  });

  it('pages the list and refuses bad filters with what to write', async () => {
    const mine = [];
    for (const d of ['6U', '7U', '8U']) mine.push(await applicant([{ role: 'assistant-coach', division: d }]));
    const all = (await get(`/api/v1/role-requests?role=assistant-coach&season=${SEASON}&pageSize=200`, coachAdmin)).json();
    const total = all.total as number;
    expect(total).toBeGreaterThanOrEqual(3);
    const page2 = await get(`/api/v1/role-requests?role=assistant-coach&season=${SEASON}&page=2&pageSize=2`, coachAdmin);
    expect(page2.statusCode).toBe(200);
    expect(page2.json()).toMatchObject({ total, page: 2, pageSize: 2 });
    expect(page2.json().items).toEqual(all.items.slice(2, 4));
    const div = (await get('/api/v1/role-requests?division=7U&role=assistant-coach', coachAdmin)).json();
    expect(div.items.map((i: { personId: string }) => i.personId)).toEqual([mine[1]!.id]);
    expect(div.items[0]).toMatchObject({ status: 'requested', season: SEASON, division: '7U', name: expect.any(String) });
    const bad = await get('/api/v1/role-requests?status=maybe&pageSize=0&division=99U', coachAdmin);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.errors).toHaveLength(3);
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    expect(Object.keys(doc.paths['/api/v1/role-requests']!.get!.responses)).toEqual(expect.arrayContaining(['200', '422']));
    expect(Object.keys(doc.paths['/api/v1/role-requests/decisions']!.post!.responses)).toEqual(expect.arrayContaining(['200', '403', '409', '422']));
  });

  async function failGrantsOf(personId: string): Promise<void> {
    if (dialect === 'sqlite') {
      await sql`create trigger test_fail_grant before insert on role_grants when new.person_id = ${sql.lit(personId)} begin select raise(abort, 'test failure'); end`.execute(
        t.deps.db,
      );
      return;
    }
    await sql`create function test_fail_grant() returns trigger language plpgsql as $$ begin raise exception 'test failure'; end $$`.execute(t.deps.db);
    await sql`create trigger test_fail_grant before insert on role_grants for each row when (new.person_id = ${sql.lit(personId)}) execute function test_fail_grant()`.execute(
      t.deps.db,
    );
  }

  async function dropFailure(): Promise<void> {
    if (dialect === 'sqlite') await sql`drop trigger test_fail_grant`.execute(t.deps.db);
    else {
      await sql`drop trigger test_fail_grant on role_grants`.execute(t.deps.db);
      await sql`drop function test_fail_grant()`.execute(t.deps.db);
    }
  }
});
