import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, testDialects, type TestApp } from '../testing/harness.js';
import { browserSession, makeActor, postForm } from '../testing/actors.js';
import { newId } from '../platform/clock.js';
import { getRegionConfig } from '../region/index.js';
import { accountDeps, authenticateBearer, createSetupLink } from './accounts.service.js';

describe.each(testDialects())('accounts on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(dialect);
  });
  afterAll(async () => t.close());

  const signup = async (email: string, password = 'a long enough password') => {
    const s = await browserSession(t.app);
    return postForm(t.app, '/signup', s, { firstName: 'Ana', lastName: 'Park', email, password });
  };

  it('signs a person up and logs them in', async () => {
    const r = await signup('Ana.Park@Example.org');
    expect(r.statusCode).toBe(303);
    expect(String(r.headers['set-cookie'])).toMatch(/tl_session=/);
    const row = await t.deps.db.selectFrom('people').selectAll().where('email', '=', 'ana.park@example.org').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$/);
  });

  it('refuses a taken email with 409 and a message, writing nothing', async () => {
    const before = await t.deps.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const r = await signup('ana.park@example.org');
    expect(r.statusCode).toBe(409);
    expect(r.body).toContain('already exists');
    const after = await t.deps.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('refuses a short password and keeps what was typed', async () => {
    const r = await signup('short@example.org', 'short');
    expect(r.statusCode).toBe(422);
    expect(r.body).toContain('at least 10 characters');
    expect(r.body).toContain('value="short@example.org"');
  });

  it('answers a wrong password with 401, then rate limits the account', async () => {
    const a = await makeActor(t.deps);
    const bad = () => t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: a.email, password: 'wrong password!' } });
    for (let i = 0; i < 5; i++) {
      const r = await bad();
      expect(r.statusCode).toBe(401);
      expect(r.json().error.code).toBe('BAD_CREDENTIALS');
    }
    const limited = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: a.email, password: a.password } });
    expect(limited.statusCode).toBe(429);
    t.clock.advance(16 * 60_000);
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: a.email, password: a.password } });
    expect(ok.statusCode).toBe(201);
  });

  it('gives API clients a bearer token that works until revoked', async () => {
    const a = await makeActor(t.deps);
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: a.email, password: a.password } });
    const { token } = r.json();
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.json().email).toBe(a.email);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/me/tokens', headers: { authorization: `Bearer ${token}` } });
    const id = list.json().find((x: { name: string }) => x.name === 'API session').id;
    expect(JSON.stringify(list.json())).not.toContain(token);
    const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/me/tokens/${id}`, headers: { authorization: `Bearer ${token}` } });
    expect(del.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('knows who holds a token: the person, the roles in force today, and the configuration read with them', async () => {
    const a = await makeActor(t.deps, ['registrar']);
    const grant = (role: string, seasonId: string, division = '') =>
      t.deps.db.insertInto('role_grants').values({ id: newId(), person_id: a.id, role, season_id: seasonId, division, granted_at: 'x', granted_by: null }).execute();
    await grant('head-coach', '2026-fall', '10U');
    await grant('referee', '2024-fall');
    const who = await authenticateBearer(accountDeps(t.deps), a.token);
    const roles = (r: { role: string; seasonId: string }[]) => r.map((x) => `${x.role} ${x.seasonId}`).sort();
    expect(roles(who!.auth.roles)).toEqual(['head-coach 2026-fall', 'registrar ']);
    expect(who!.auth).toMatchObject({ personId: a.id, email: a.email, via: 'token' });
    expect(who!.config).toBe(await getRegionConfig(t.deps.db));
    // A grant counts from the next request on; a person merged into another is nobody.
    await grant('assistant-coach', '2026-fall');
    expect(roles((await authenticateBearer(accountDeps(t.deps), a.token))!.auth.roles)).toContain('assistant-coach 2026-fall');
    await t.deps.db
      .updateTable('people')
      .set({ merged_into: (await makeActor(t.deps)).id })
      .where('id', '=', a.id)
      .execute();
    expect(await authenticateBearer(accountDeps(t.deps), a.token)).toBeNull();
    expect(await authenticateBearer(accountDeps(t.deps), 'tl_not-a-token')).toBeNull();
  });

  it('resets a password by a one-time link that expires', async () => {
    const a = await makeActor(t.deps);
    const s = await browserSession(t.app);
    await postForm(t.app, '/forgot', s, { email: a.email });
    const mail = await t.deps.db.selectFrom('outbox').selectAll().where('to_address', '=', a.email).executeTakeFirstOrThrow();
    const link = /\/reset\/([\w-]+)/.exec(mail.body_text)![1]!;
    const page = await t.app.inject({ method: 'GET', url: `/reset/${link}` });
    expect(page.statusCode).toBe(200);
    const done = await postForm(t.app, `/reset/${link}`, s, { password: 'a brand new password' });
    expect(done.statusCode).toBe(303);
    const again = await t.app.inject({ method: 'GET', url: `/reset/${link}` });
    expect(again.statusCode).toBe(404);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: a.email, password: 'a brand new password' } });
    expect(login.statusCode).toBe(201);
    await postForm(t.app, '/forgot', s, { email: a.email });
    const second = await t.deps.db.selectFrom('outbox').selectAll().where('to_address', '=', a.email).orderBy('created_at', 'desc').execute();
    const link2 = /\/reset\/([\w-]+)/.exec(second.find((m) => !m.body_text.includes(link))!.body_text)![1]!;
    t.clock.advance(61 * 60_000);
    const expired = await t.app.inject({ method: 'GET', url: `/reset/${link2}` });
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('expired');
  });

  it('does not reveal whether an email has an account', async () => {
    const s = await browserSession(t.app);
    const r = await postForm(t.app, '/forgot', s, { email: 'nobody@example.org' });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('If an account uses that address');
    const mails = await t.deps.db.selectFrom('outbox').selectAll().where('to_address', '=', 'nobody@example.org').execute();
    expect(mails).toHaveLength(0);
  });

  it('makes the first administrator through the setup link, once', async () => {
    const url = await createSetupLink(accountDeps(t.deps));
    const path = new URL(url).pathname;
    const s = await browserSession(t.app);
    const r = await postForm(t.app, path, s, { firstName: 'Jordan', lastName: 'Stewart', email: 'jordan@example.org', password: 'administrator pass' });
    expect(r.statusCode).toBe(303);
    const me = await browserSession(t.app, 'jordan@example.org', 'administrator pass');
    const region = await t.app.inject({ method: 'GET', url: '/admin/region', headers: { cookie: me.cookie } });
    expect(region.statusCode).toBe(200);
    const reuse = await t.app.inject({ method: 'GET', url: path });
    expect(reuse.statusCode).toBe(404);
  });

  it('refuses a form post without a CSRF token', async () => {
    const a = await makeActor(t.deps);
    const s = await browserSession(t.app, a.email, a.password);
    const r = await postForm(t.app, '/profile', s, { firstName: 'X', lastName: 'Y' }, false);
    expect(r.statusCode).toBe(403);
    expect(r.body).toContain('This form has expired');
    const ok = await postForm(t.app, '/profile', s, { firstName: 'X', lastName: 'Y' });
    expect(ok.statusCode).toBe(303);
  });
});
