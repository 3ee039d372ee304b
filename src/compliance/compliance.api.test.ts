import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects, type TestApp } from '../testing/harness.js';
import { makeActor, type TestActor } from '../testing/actors.js';
import { BOARD_ROLES } from '../platform/roles.js';
import { mergeAccounts } from '../people/people.testkit.js';
import { certify, giveApplication, giveCompletions, giveRole, SAFETY } from './compliance.testkit.js';
import { openTestApp } from '../testing/harness.js';

const SEASON = '2026-fall';

describe.each(testDialects())('GET /api/v1/people/{id}/compliance (%s)', (dialect) => {
  let t: TestApp;
  let coach: TestActor;
  let newcomer: TestActor;
  const board = new Map<string, TestActor>();
  const ask = (who: TestActor, personId: string, query: string) => t.app.inject({ method: 'GET', url: `/api/v1/people/${personId}/compliance?${query}`, headers: who.bearer });

  beforeAll(async () => {
    t = await openTestApp(dialect);
    coach = await makeActor(t.deps);
    await certify(t.deps.db, coach.id, 'head-coach', SEASON, '10U');
    newcomer = await makeActor(t.deps);
    await giveRole(t.deps.db, newcomer.id, 'head-coach', SEASON, '12U');
    await giveApplication(t.deps.db, newcomer.id, SEASON, [{ role: 'head-coach', division: '12U' }], { signed: false });
    await giveCompletions(t.deps.db, newcomer.id, ['safe-haven', 'coach-12u:online']);
    for (const role of BOARD_ROLES) board.set(role, await makeActor(t.deps, [role]));
  });
  afterAll(async () => t?.close());

  it('answers certified with nothing missing for a certified coach', async () => {
    const r = await ask(coach, coach.id, `season=${SEASON}&role=head-coach&division=10U`);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ certified: true, missing: [] });
  });

  it('lists what is missing, element by element, each with how to complete it', async () => {
    const r = await ask(newcomer, newcomer.id, `season=${SEASON}&role=head-coach&division=12U`);
    expect(r.statusCode).toBe(200);
    const body = r.json() as { certified: boolean; missing: { element: number; code: string; message: string }[] };
    expect(body.certified).toBe(false);
    expect(body.missing.map((m) => `${m.element}:${m.code}`)).toEqual(['1:SIGNATURE_MISSING', '2:concussion', '2:cardiac-arrest', '2:safesport', '3:coach-12u:in-person']);
    expect(body.missing[0]!.message).toBe("Sign this season's application by typing your full name.");
    expect(body.missing.at(-1)!.message).toMatch(/^Register for an in-person session of 12U Coach/);
    for (const m of body.missing) expect(Object.keys(m).sort()).toEqual(['code', 'element', 'message']);
  });

  it('checks any role and division asked, not only those held', async () => {
    const r = await ask(coach, coach.id, `season=${SEASON}&role=assistant-coach&division=8U`);
    expect(r.json()).toEqual({
      certified: false,
      missing: [expect.objectContaining({ element: 1, code: 'ROLE_NOT_APPLIED' }), expect.objectContaining({ element: 3, code: 'coach-8u' })],
    });
  });

  it('uses the current season when none is given, and another season when asked', async () => {
    expect((await ask(coach, coach.id, 'role=head-coach&division=10U')).json()).toEqual({ certified: true, missing: [] });
    const spring = await ask(coach, coach.id, 'season=2027-spring&role=head-coach&division=10U');
    expect(spring.json()).toEqual({ certified: false, missing: [expect.objectContaining({ element: 1, code: 'APPLICATION_MISSING' })] });
  });

  it('answers the board, and refuses other volunteers', async () => {
    for (const [role, actor] of board) expect((await ask(actor, newcomer.id, `season=${SEASON}&role=head-coach&division=12U`)).statusCode, role).toBe(200);
    const r = await ask(coach, newcomer.id, `season=${SEASON}&role=head-coach&division=12U`);
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('FORBIDDEN');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/people/${coach.id}/compliance?role=head-coach&division=10U` })).statusCode).toBe(401);
  });

  it('shows a flagged background check to the person and the safety director only; the rest of the board reads "not cleared"', async () => {
    const flagged = await makeActor(t.deps);
    await certify(t.deps.db, flagged.id, 'head-coach', SEASON, '10U');
    await t.deps.db.updateTable('applications').set({ background_check: 'flagged' }).where('person_id', '=', flagged.id).execute();
    const codes = async (who: TestActor, url: string) => JSON.stringify((await t.app.inject({ method: 'GET', url, headers: who.bearer })).json());
    const one = `/api/v1/people/${flagged.id}/compliance?season=${SEASON}&role=head-coach&division=10U`;
    const list = `/api/v1/compliance?season=${SEASON}&division=10U&pageSize=500`;
    for (const who of [flagged, board.get('safety-director')!]) expect(await codes(who, one)).toContain('BACKGROUND_FLAGGED');
    expect(await codes(board.get('safety-director')!, list)).toContain('BACKGROUND_FLAGGED');
    for (const role of ['registrar', 'coach-administrator', 'region-administrator'] as const) {
      for (const url of [one, list]) {
        const body = await codes(board.get(role)!, url);
        expect(body, `${role} ${url}`).not.toContain('BACKGROUND_FLAGGED');
        expect(body, `${role} ${url}`).not.toContain('did not clear');
        expect(body, `${role} ${url}`).toContain('Not cleared by the safety director yet');
      }
    }
  });

  it('answers 404 for an unknown or merged person', async () => {
    const admin = board.get('region-administrator')!;
    expect((await ask(admin, 'nobody', 'role=head-coach&division=10U')).statusCode).toBe(404);
    const twin = await makeActor(t.deps);
    await mergeAccounts(t.deps, { id: admin.id, name: 'admin' }, coach.id, [twin.id]);
    const r = await ask(admin, twin.id, 'role=head-coach&division=10U');
    expect(r.statusCode).toBe(404);
    expect(r.json().error.message).toContain(coach.id);
  });

  it.each([
    ['an unknown season', 'season=1999-fall&role=head-coach&division=10U', /no season "1999-fall"/],
    ['an unknown division', 'role=head-coach&division=11U', /no division "11U".*6U, 7U/],
    ['an unknown role', 'role=goalkeeper&division=10U', /"goalkeeper" is not a role/],
    ['a role without division', 'role=registrar&division=10U', /registrar is not tied to a division/],
    ['a missing role', 'division=10U', /role/],
  ])('answers 422 for %s, saying what to use', async (_name, query, message) => {
    const r = await ask(coach, coach.id, query);
    expect(r.statusCode).toBe(422);
    expect(r.json().error.message).toMatch(message);
  });

  it('is documented in the OpenAPI description', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    expect(Object.keys(doc.paths['/api/v1/people/{id}/compliance']!.get!.responses).sort()).toEqual(['200', '401', '403', '404', '422']);
    expect(doc.paths['/api/v1/compliance']!.get).toBeDefined();
  });
});

describe.each(testDialects())('GET /api/v1/compliance (%s)', (dialect) => {
  let t: TestApp;
  let coachAdmin: TestActor;
  const ids: Record<string, string> = {};
  const list = (query: string, who = coachAdmin) => t.app.inject({ method: 'GET', url: `/api/v1/compliance?${query}`, headers: who.bearer });

  beforeAll(async () => {
    t = await openTestApp(dialect);
    coachAdmin = await makeActor(t.deps, ['coach-administrator']);
    const db = t.deps.db;
    for (const [key, first] of [
      ['ana', 'Ana'],
      ['ben', 'Ben'],
      ['cleo', 'Cléo'],
      ['dan', 'Dan'],
    ] as const) {
      const a = await makeActor(t.deps, [], { email: `${key}.${dialect}@example.org` });
      await db.updateTable('people').set({ first_name: first, last_name: 'Volunteer' }).where('id', '=', a.id).execute();
      ids[key] = a.id;
    }
    await certify(db, ids.ana!, 'head-coach', SEASON, '10U');
    await giveRole(db, ids.ben!, 'assistant-coach', SEASON, '10U');
    await giveApplication(db, ids.ben!, SEASON, [{ role: 'assistant-coach', division: '10U' }]);
    await giveCompletions(db, ids.ben!, [...SAFETY]);
    await giveRole(db, ids.cleo!, 'field-helper', SEASON, '8U');
    await giveRole(db, ids.dan!, 'head-coach', '2027-spring', '6U');
  });
  afterAll(async () => t?.close());

  const brief = (rows: { name: string; role: string; division: string; certified: boolean }[]) => rows.map((r) => `${r.name}|${r.role}|${r.division}|${r.certified}`);

  it('lists every division role of the season in division order, certified or not', async () => {
    const r = await list(`season=${SEASON}`);
    expect(r.statusCode).toBe(200);
    expect(brief(r.json().items)).toEqual(['Cléo Volunteer|field-helper|8U|false', 'Ana Volunteer|head-coach|10U|true', 'Ben Volunteer|assistant-coach|10U|false']);
    expect(r.json()).toMatchObject({ total: 3, page: 1, pageSize: 50 });
    const ben = (r.json().items as { personId: string; email: string; missing: { element: number; code: string }[] }[]).find((x) => x.personId === ids.ben)!;
    expect(ben.email).toBe(`ben.${dialect}@example.org`);
    expect(ben.missing.map((m) => `${m.element}:${m.code}`)).toEqual(['3:coach-10u:online', '3:coach-10u:field']);
    expect(brief((await list('season=2027-spring')).json().items)).toEqual(['Dan Volunteer|head-coach|6U|false']);
  });

  it.each([
    ['division=10U', ['Ana Volunteer|head-coach|10U|true', 'Ben Volunteer|assistant-coach|10U|false']],
    ['role=field-helper', ['Cléo Volunteer|field-helper|8U|false']],
    ['status=certified', ['Ana Volunteer|head-coach|10U|true']],
    ['status=missing&division=10U', ['Ben Volunteer|assistant-coach|10U|false']],
    ['element=1', ['Cléo Volunteer|field-helper|8U|false']],
    ['element=3', ['Cléo Volunteer|field-helper|8U|false', 'Ben Volunteer|assistant-coach|10U|false']],
    ['element=2&division=10U', []],
    ['q=cleo', ['Cléo Volunteer|field-helper|8U|false']],
    [`q=ben.${dialect}`, ['Ben Volunteer|assistant-coach|10U|false']],
  ])('filters with %s', async (query, expected) => {
    const body = (await list(`season=${SEASON}&${query}`)).json();
    expect(brief(body.items)).toEqual(expected);
    expect(body.total).toBe(expected.length);
  });

  it('refuses unknown filters with a message, and anyone outside the board', async () => {
    const r = await list('division=11U&role=referee');
    expect(r.statusCode).toBe(422);
    expect(r.json().error.message).toMatch(/no division "11U".*"referee" is not a division role/);
    expect((await list('status=done')).statusCode).toBe(422);
    const volunteer = await makeActor(t.deps, ['head-coach'], { seasonId: SEASON, division: '10U' });
    expect((await list('', volunteer)).statusCode).toBe(403);
  });
});
