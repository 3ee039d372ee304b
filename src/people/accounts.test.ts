import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestApp, testDialects, TEST_NOW, type TestApp } from '../testing/harness.js';
import { browserSession, makeActor, postForm, type TestActor } from '../testing/actors.js';
import { newId } from '../platform/clock.js';
import { getRegionConfig } from '../region/index.js';
import * as m0020 from '../../migrations/0020_email_case.js';
import { accountDeps, authenticateBearer, createSetupLink } from './accounts.service.js';
import { insertPerson, updatePerson } from './people.store.js';

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

  it('answers a wrong password with 401, then rate limits the account at that address (login-throttle.test.ts has every rule)', async () => {
    const a = await makeActor(t.deps);
    const bad = () => t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: a.email, password: 'wrong password!' } });
    for (let i = 0; i < 5; i++) {
      const r = await bad();
      expect(r.statusCode).toBe(401);
      expect(r.json().error.code).toBe('BAD_CREDENTIALS');
    }
    const limited = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: a.email, password: a.password } });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('1');
    t.clock.advance(1000);
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
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('already used');
    const againJson = await t.app.inject({ method: 'GET', url: `/reset/${link}`, headers: { accept: 'application/json' } });
    expect(againJson.json().error.code).toBe('LINK_USED');
    const reuse = await postForm(t.app, `/reset/${link}`, s, { password: 'yet another password' });
    expect(reuse.statusCode).toBe(410);
    const madeUp = await t.app.inject({ method: 'GET', url: '/reset/not-a-link' });
    expect(madeUp.statusCode).toBe(404);
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
    expect(reuse.statusCode).toBe(410);
    expect(reuse.body).toContain('already used');
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

/**
 * One account per email without regard to case: every path that writes an email stores it trimmed
 * and in lower case, and the sign-up form answers an existing account made without a password
 * (a guardian from a registration) with a link to set it, never by setting it.
 */
describe.each(testDialects())('emails without regard to case, and sign-up for an account made from a registration (%s)', (dialect) => {
  let t: TestApp;
  let registrar: TestActor;
  beforeAll(async () => {
    t = await openTestApp(dialect);
    registrar = await makeActor(t.deps, ['registrar']);
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => t?.close());

  const row = (email: string | null, password_hash: string | null = null) => ({
    id: newId(),
    email,
    first_name: 'Pat',
    last_name: 'Guardian',
    birth_date: null,
    phone: null,
    password_hash,
    created_at: TEST_NOW,
    updated_at: TEST_NOW,
    merged_into: null,
    association_id: null,
  });
  const emailOf = async (id: string) => (await t.deps.db.selectFrom('people').select('email').where('id', '=', id).executeTakeFirstOrThrow()).email;
  const count = async (email: string) => (await t.deps.db.selectFrom('people').select('id').where('email', '=', email).execute()).length;
  const signup = async (email: string, password = 'a long enough password') =>
    postForm(t.app, '/signup', await browserSession(t.app), { firstName: 'Pat', lastName: 'Guardian', email, password });
  const mailsTo = (to: string) => t.deps.db.selectFrom('outbox').select(['subject', 'body_text']).where('kind', '=', 'password-reset').where('to_address', '=', to).execute();

  it('stores the email in lower case, trimmed, on sign-up, through the store (insert and update), PATCH /api/v1/people/{id} and a player registered by hand', async () => {
    const s = await signup('  Pat.Signup@Example.ORG ');
    expect(s.statusCode).toBe(303);
    expect(await count('pat.signup@example.org')).toBe(1);

    const stored = row(' Pat.Store@Example.org');
    await insertPerson(t.deps.db, stored);
    expect(await emailOf(stored.id)).toBe('pat.store@example.org');
    await updatePerson(t.deps.db, stored.id, { email: 'Pat.Moved@EXAMPLE.org ' });
    expect(await emailOf(stored.id)).toBe('pat.moved@example.org');

    const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/people/${stored.id}`, headers: registrar.bearer, payload: { email: 'Pat.Patched@Example.org' } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(await emailOf(stored.id)).toBe('pat.patched@example.org');

    const player = await t.app.inject({
      method: 'POST',
      url: '/api/v1/players',
      headers: registrar.bearer,
      payload: {
        season: '2026-fall',
        firstName: 'Kim',
        lastName: 'Guardian',
        birthDate: '2016-03-03',
        gender: 'F',
        parent: { firstName: 'Pat', lastName: 'Guardian', email: 'Pat.Player@Example.org' },
      },
    });
    expect(player.statusCode, player.body).toBe(201);
    expect(await count('pat.player@example.org')).toBe(1);
  });

  it('refuses a second account whose email differs only in case, whichever path writes it', async () => {
    const first = row('case.twin@example.org', 'scrypt$x');
    await insertPerson(t.deps.db, first);
    await expect(insertPerson(t.deps.db, row('Case.Twin@Example.org'))).rejects.toThrow();
    const other = row('someone.else@example.org');
    await insertPerson(t.deps.db, other);
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/people/${other.id}`, headers: registrar.bearer, payload: { email: 'CASE.TWIN@example.org' } });
    expect(patched.statusCode).toBe(409);
    expect(patched.json().error.code).toBe('EMAIL_TAKEN');
    const again = await signup('Case.Twin@EXAMPLE.org');
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('An account with case.twin@example.org already exists. Log in, or reset its password.');
    expect(await count('case.twin@example.org')).toBe(1);
    expect(await mailsTo('case.twin@example.org')).toEqual([]);
  });

  it('answers the sign-up of an account without a password with a link to set it, and sets nothing itself', async () => {
    const guardian = row('Parent.Imported@Example.org');
    await insertPerson(t.deps.db, guardian);
    const r = await signup('parent.IMPORTED@example.org', 'the password typed here');
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('We sent a link to parent.imported@example.org to set your password');
    expect(String(r.headers['set-cookie'] ?? '')).not.toMatch(/tl_session=[^;]/);
    const person = await t.deps.db.selectFrom('people').select(['password_hash']).where('id', '=', guardian.id).executeTakeFirstOrThrow();
    expect(person.password_hash).toBeNull();
    expect(await count('parent.imported@example.org')).toBe(1);
    const [mail, ...more] = await mailsTo('parent.imported@example.org');
    expect(more).toEqual([]);
    expect(mail!.subject).toBe('Set your Touchline password');
    const token = /\/reset\/([\w-]+)/.exec(mail!.body_text)![1]!;
    // The typed password logs nobody in; the one chosen through the link does.
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 'parent.imported@example.org', password: 'the password typed here' } })).statusCode,
    ).toBe(401);
    expect((await postForm(t.app, `/reset/${token}`, await browserSession(t.app), { password: 'the password chosen by mail' })).statusCode).toBe(303);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 'Parent.Imported@example.org', password: 'the password chosen by mail' } })).statusCode,
    ).toBe(201);
    // Now the account has a password: signing up again gets the usual answer.
    const later = await signup('parent.imported@example.org');
    expect(later.statusCode).toBe(409);
    expect(later.body).toContain('already exists. Log in, or reset its password.');
  });

  it('stores the link only with the mail that carries it: when queuing the mail fails, the sign-up answers an error and no link is left', async () => {
    const guardian = row('parent.nolink@example.org');
    await insertPerson(t.deps.db, guardian);
    vi.spyOn(t.deps.mailer, 'queue').mockRejectedValueOnce(new Error('injected: the outbox cannot be written'));
    expect((await signup('parent.nolink@example.org')).statusCode).toBe(500);
    expect(await t.deps.db.selectFrom('one_time_links').select('purpose').where('person_id', '=', guardian.id).execute()).toEqual([]);
    expect(await mailsTo('parent.nolink@example.org')).toEqual([]);
  });

  it('migration 0020 puts emails written otherwise in that form, and stops, naming them, on two accounts that differ only in case', async () => {
    const raw = async (email: string | null) => {
      const r = row(email);
      await t.deps.db.insertInto('people').values(r).execute();
      return r.id;
    };
    const mixed = await raw(' Old.Mixed@Example.org ');
    const blank = await raw('   ');
    await m0020.up(t.deps.db);
    expect([await emailOf(mixed), await emailOf(blank)]).toEqual(['old.mixed@example.org', null]);

    const twin = await raw('OLD.MIXED@example.org');
    await expect(m0020.up(t.deps.db)).rejects.toThrow(
      new RegExp(
        `Migration 0020: 1 email address\\(es\\) are used by more than one account when case and spaces are ignored \\(old\\.mixed@example\\.org: accounts (${mixed} and ${twin}|${twin} and ${mixed})\\)`,
      ),
    );
    expect(await emailOf(twin)).toBe('OLD.MIXED@example.org');
    await t.deps.db.deleteFrom('people').where('id', '=', twin).execute();
  });
});
