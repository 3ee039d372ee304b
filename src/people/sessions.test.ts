import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, testDialects, type TestApp } from '../testing/harness.js';
import { browserSession, makeActor, postForm } from '../testing/actors.js';

/** What a password change and a reset link do to a person's other sessions and API tokens. */
describe.each(testDialects())('sessions and tokens on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(dialect);
  });
  afterAll(async () => t.close());

  const profile = (cookie: string) => t.app.inject({ method: 'GET', url: '/profile', headers: { cookie } });
  /** The flash message a form answer leaves for the next page. */
  const flashOf = (r: { headers: Record<string, unknown> }) => decodeURIComponent(/tl_flash=([^;]*)/.exec(String(r.headers['set-cookie']))?.[1] ?? '');
  const me = (bearer: { authorization: string }) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer });

  it('ends every other session on a password change, and keeps the tokens unless the checkbox says so', async () => {
    const a = await makeActor(t.deps);
    const here = await browserSession(t.app, a.email, a.password);
    const there = await browserSession(t.app, a.email, a.password);
    const page = await profile(here.cookie);
    expect(page.body).toContain('Also revoke my API token');
    const r = await postForm(t.app, '/profile/password', here, { current: a.password, password: 'a brand new password' });
    expect(r.statusCode).toBe(303);
    expect(flashOf(r)).toBe('Your password is changed. One other browser was logged out.');
    expect((await profile(here.cookie)).statusCode).toBe(200);
    expect((await profile(there.cookie)).statusCode).toBe(303);
    expect((await me(a.bearer)).statusCode).toBe(200);
  });

  it('revokes every API token too when the person confirms it', async () => {
    const a = await makeActor(t.deps);
    const second = await t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: a.bearer, payload: { name: 'spreadsheet' } });
    const here = await browserSession(t.app, a.email, a.password);
    expect((await profile(here.cookie)).body).toContain('Also revoke my 2 API tokens');
    const r = await postForm(t.app, '/profile/password', here, { current: a.password, password: 'a brand new password', revokeTokens: 'yes' });
    expect(r.statusCode).toBe(303);
    expect(flashOf(r)).toBe('Your password is changed. Your 2 API tokens are revoked.');
    const after = await profile(here.cookie);
    expect(after.body).not.toContain('Also revoke my');
    expect((await me(a.bearer)).statusCode).toBe(401);
    expect((await me({ authorization: `Bearer ${second.json().token}` })).statusCode).toBe(401);
  });

  it('refuses a wrong current password and changes nothing', async () => {
    const a = await makeActor(t.deps);
    const here = await browserSession(t.app, a.email, a.password);
    const there = await browserSession(t.app, a.email, a.password);
    const r = await postForm(t.app, '/profile/password', here, { current: 'not my password', password: 'a brand new password', revokeTokens: 'yes' });
    expect(r.statusCode).toBe(401);
    expect(r.body).toContain('Your current password is not right.');
    expect((await profile(there.cookie)).statusCode).toBe(200);
    expect((await me(a.bearer)).statusCode).toBe(200);
  });

  it('asks the API for an explicit revokeTokens, and ends the browser sessions', async () => {
    const a = await makeActor(t.deps);
    const browser = await browserSession(t.app, a.email, a.password);
    const missing = await t.app.inject({ method: 'PUT', url: '/api/v1/me/password', headers: a.bearer, payload: { current: a.password, password: 'a brand new password' } });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.message).toContain('revokeTokens');
    const keep = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/password',
      headers: a.bearer,
      payload: { current: a.password, password: 'a brand new password', revokeTokens: false },
    });
    expect(keep.statusCode).toBe(200);
    expect(keep.json()).toEqual({ sessionsEnded: 1, tokensRevoked: 0 });
    expect((await profile(browser.cookie)).statusCode).toBe(303);
    const revoke = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/password',
      headers: a.bearer,
      payload: { current: 'a brand new password', password: 'a third password!', revokeTokens: true },
    });
    expect(revoke.json()).toEqual({ sessionsEnded: 0, tokensRevoked: 1 });
    expect((await me(a.bearer)).statusCode).toBe(401);
  });

  it('revokes every API token and ends every session when a reset link is used', async () => {
    const a = await makeActor(t.deps);
    const browser = await browserSession(t.app, a.email, a.password);
    const s = await browserSession(t.app);
    await postForm(t.app, '/forgot', s, { email: a.email });
    const mail = await t.deps.db.selectFrom('outbox').select('body_text').where('to_address', '=', a.email).executeTakeFirstOrThrow();
    const link = /\/reset\/([\w-]+)/.exec(mail.body_text)![1]!;
    expect((await postForm(t.app, `/reset/${link}`, s, { password: 'a brand new password' })).statusCode).toBe(303);
    expect((await me(a.bearer)).statusCode).toBe(401);
    expect((await profile(browser.cookie)).statusCode).toBe(303);
    const used = await postForm(t.app, `/reset/${link}`, s, { password: 'another new password' });
    expect(used.statusCode).toBe(410);
    expect(used.body).toContain('already used');
  });
});
