import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, testDialects, type TestApp } from '../testing/harness.js';
import { browserSession, makeActor, type TestActor } from '../testing/actors.js';
import { THROTTLE } from './login-throttle.rules.js';

/** The login throttling policy (login-throttle.rules.ts) through the real application, rule by rule. */
describe.each(testDialects())('login throttling on %s', (dialect) => {
  let t: TestApp;
  let n = 0;
  beforeAll(async () => {
    t = await openTestApp(dialect);
  });
  afterAll(async () => t.close());

  /** A fresh address per use, so that tests do not share counts. */
  const address = () => `198.51.100.${++n}`;
  const apiLogin = (email: string, password: string, remoteAddress: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password }, remoteAddress });
  const formLogin = (s: { cookie: string; csrf: string }, email: string, password: string, remoteAddress: string) =>
    t.app.inject({
      method: 'POST',
      url: '/login?next=%2Fprofile',
      headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: s.csrf, email, password }).toString(),
      remoteAddress,
    });
  const fail = async (a: TestActor, from: string, times: number) => {
    for (let i = 0; i < times; i++) expect((await apiLogin(a.email, 'a wrong password', from)).statusCode).toBe(401);
  };

  it('counts 200 wrong guesses sent at once to the API as a sequence: the right password after them is refused with Retry-After, and accepted from elsewhere', async () => {
    const a = await makeActor(t.deps);
    const from = address();
    const burst = await Promise.all(Array.from({ length: 200 }, () => apiLogin(a.email, 'a wrong password', from)));
    const codes = burst.map((r) => r.json().error.code);
    expect(codes.filter((c) => c === 'BAD_CREDENTIALS')).toHaveLength(THROTTLE.pairFree);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(200 - THROTTLE.pairFree);
    const right = await apiLogin(a.email, a.password, from);
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('RATE_LIMITED');
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    expect(right.json().error.message).toMatch(/Try again in \d+ seconds?/);
    expect((await apiLogin(a.email, a.password, address())).statusCode).toBe(201);
    // The refused guesses were taken back: once the first grown wait is over, the right password works.
    t.clock.advance(THROTTLE.firstStepMs);
    expect((await apiLogin(a.email, a.password, from)).statusCode).toBe(201);
  });

  it('does the same for 200 wrong guesses sent at once to the login form', async () => {
    const a = await makeActor(t.deps);
    const from = address();
    const s = await browserSession(t.app);
    const burst = await Promise.all(Array.from({ length: 200 }, () => formLogin(s, a.email, 'a wrong password', from)));
    expect(burst.filter((r) => r.statusCode === 401)).toHaveLength(THROTTLE.pairFree);
    expect(burst.filter((r) => r.statusCode === 429)).toHaveLength(200 - THROTTLE.pairFree);
    const right = await formLogin(s, a.email, a.password, from);
    expect(right.statusCode).toBe(429);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    expect(right.body).toContain('Too many failed logins from here. Try again in');
    expect(right.body).toContain(`value="${a.email}"`);
    const elsewhere = await formLogin(s, a.email, a.password, address());
    expect(elsewhere.statusCode).toBe(303);
    expect(elsewhere.headers.location).toBe('/profile');
  });

  it('lets a pair fail freely a few times, then makes each next try wait twice as long', async () => {
    const a = await makeActor(t.deps);
    const from = address();
    await fail(a, from, THROTTLE.pairFree);
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await apiLogin(a.email, 'a wrong password', from);
      expect(r.statusCode).toBe(429);
      const s = Number(r.headers['retry-after']);
      waits.push(s);
      t.clock.advance(s * 1000);
      expect((await apiLogin(a.email, 'a wrong password', from)).statusCode).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8]);
  });

  it('clears the pair on a success', async () => {
    const a = await makeActor(t.deps);
    const from = address();
    await fail(a, from, THROTTLE.pairFree - 1);
    expect((await apiLogin(a.email, a.password, from)).statusCode).toBe(201);
    await fail(a, from, THROTTLE.pairFree);
  });

  it("does not refuse the right person for someone else's wrong guesses at another address", async () => {
    const a = await makeActor(t.deps);
    const attacker = address();
    await fail(a, attacker, THROTTLE.pairFree);
    expect((await apiLogin(a.email, a.password, attacker)).statusCode).toBe(429);
    const home = address();
    expect((await apiLogin(a.email, a.password, home)).statusCode).toBe(201);
    // One typo at home does not lock the person either.
    await fail(a, home, 1);
    expect((await apiLogin(a.email, a.password, home)).statusCode).toBe(201);
  });

  it('caps one address over every account it tries (spraying)', async () => {
    const from = address();
    for (let i = 0; i < THROTTLE.addressFree; i++) expect((await apiLogin(`sprayed${i}.${from}@example.org`, 'a wrong password', from)).statusCode).toBe(401);
    const victim = await makeActor(t.deps);
    const r = await apiLogin(victim.email, victim.password, from);
    expect(r.statusCode).toBe(429);
    expect(r.headers['retry-after']).toBe('1');
    expect((await apiLogin(victim.email, victim.password, address())).statusCode).toBe(201);
    // Refused attempts at ever new emails leave no rows behind.
    const rows = async () =>
      Number(
        (
          await t.deps.db
            .selectFrom('login_throttle')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await rows();
    for (let i = 0; i < 20; i++) expect((await apiLogin(`made-up${i}.${from}@example.org`, 'a wrong password', from)).statusCode).toBe(429);
    expect(await rows()).toBe(before);
  });

  it('locks an account failed from many addresses only for those addresses, until a reset link lifts it', async () => {
    const a = await makeActor(t.deps);
    const attackers = Array.from({ length: THROTTLE.accountCap / THROTTLE.pairFree + 1 }, address);
    for (const from of attackers.slice(0, -1)) await fail(a, from, THROTTLE.pairFree);
    await fail(a, attackers.at(-1)!, 1); // one failure past the cap
    expect((await apiLogin(a.email, 'a wrong password', attackers.at(-1)!)).json().error.message).toContain('for this account');
    t.clock.advance(60_000); // past every pair's first grown wait: what refuses now is the account's lock
    const locked = await apiLogin(a.email, a.password, attackers[0]!);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toContain('Too many failed logins for this account. Reset your password');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(3600);
    // An address that never failed for the account is still checked.
    expect((await apiLogin(a.email, a.password, address())).statusCode).toBe(201);
    // A reset link lifts the account's limits.
    const s = await browserSession(t.app);
    await t.app.inject({
      method: 'POST',
      url: '/forgot',
      headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: s.csrf, email: a.email }).toString(),
    });
    const mail = await t.deps.db.selectFrom('outbox').select('body_text').where('to_address', '=', a.email).executeTakeFirstOrThrow();
    const link = /\/reset\/([\w-]+)/.exec(mail.body_text)![1]!;
    const reset = await t.app.inject({
      method: 'POST',
      url: `/reset/${link}`,
      headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: s.csrf, password: 'a brand new password' }).toString(),
    });
    expect(reset.statusCode).toBe(303);
    expect((await apiLogin(a.email, 'a brand new password', attackers[0]!)).statusCode).toBe(201);
  });

  it('throttles an email without an account exactly like one with, so refusals reveal nothing', async () => {
    const from = address();
    for (let i = 0; i < THROTTLE.pairFree; i++) expect((await apiLogin(`nobody.${from}@example.org`, 'a wrong password', from)).json().error.code).toBe('BAD_CREDENTIALS');
    expect((await apiLogin(`nobody.${from}@example.org`, 'a wrong password', from)).json().error.code).toBe('RATE_LIMITED');
  });

  it('starts counts again after the window, and keeps no email in clear', async () => {
    const a = await makeActor(t.deps);
    const from = address();
    await fail(a, from, THROTTLE.pairFree);
    expect((await apiLogin(a.email, a.password, from)).statusCode).toBe(429);
    t.clock.advance(THROTTLE.windowMs);
    await fail(a, from, THROTTLE.pairFree);
    t.clock.advance(THROTTLE.windowMs);
    expect((await apiLogin(a.email, a.password, from)).statusCode).toBe(201);
    const keys = await t.deps.db.selectFrom('login_throttle').select('key').execute();
    expect(keys.some((k) => k.key.includes('@'))).toBe(false);
  });
});
