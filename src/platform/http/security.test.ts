import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/harness.js';
import { browserSession, makeActor } from '../../testing/actors.js';
import { safeNext } from './security.js';

/** Values of `next` that must never leave the site (or break the Location header). */
const HOSTILE = [
  '//evil.invalid',
  '///evil.invalid',
  '/\t/evil.invalid',
  '/%09/evil.invalid',
  '/\n/evil.invalid',
  '/%0a/evil.invalid',
  '/%0d%0a/evil.invalid',
  '/\r\nSet-Cookie: x=y',
  '/%0d%0aSet-Cookie:%20x=y',
  '/\\evil.invalid',
  '\\\\evil.invalid',
  '/%5cevil.invalid',
  '/%5C%5Cevil.invalid',
  '/%2F/evil.invalid',
  '/%2f%2fevil.invalid',
  '/ /evil.invalid',
  '/\u0000',
  '/%00',
  '/\u2028/evil.invalid',
  '/%E2%80%A8/evil.invalid',
  '/\u00a0/evil.invalid',
  '/%zz',
  'https://evil.invalid/',
  'http:/evil.invalid',
  '//evil.invalid/%2e%2e',
  'javascript:alert(1)',
  ' /profile',
  '',
  `/${'a'.repeat(2001)}`,
  undefined,
  null,
  42,
  ['/profile'],
];

const SAME_SITE = ['/', '/profile', '/practice?season=2026-fall&day=2', '/coaches#steps', '/teams/abc%20def', '/people?q=Jos%C3%A9', '/a/b/../c'];

describe('safeNext: the one decision on a path to return to', () => {
  it.each(HOSTILE.map((v) => [JSON.stringify(v), v]))('falls back to / for %s', (_, v) => {
    expect(safeNext(v)).toBe('/');
  });

  it.each(SAME_SITE)('keeps the same-site path %s', (v) => {
    expect(safeNext(v)).toBe(v);
  });
});

describe('/login?next= over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp('sqlite');
  });
  afterAll(async () => t.close());

  const logIn = async (nextQuery: string) => {
    const a = await makeActor(t.deps);
    const s = await browserSession(t.app);
    return t.app.inject({
      method: 'POST',
      url: `/login?next=${nextQuery}`,
      headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: s.csrf, email: a.email, password: a.password }).toString(),
    });
  };

  it.each(['/%09/evil.invalid', '%2F%09%2Fevil.invalid', '/%0d%0aSet-Cookie:%20x=y', '%2F%5Cevil.invalid', '//evil.invalid', '/%5C/evil.invalid', '%2F%252F%2Fevil.invalid'])(
    'sends the person home after login for next=%s, never elsewhere and never a 500',
    async (q) => {
      const page = await t.app.inject({ method: 'GET', url: `/login?next=${q}` });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('action="/login?next=%2F"');
      const r = await logIn(q);
      expect(r.statusCode).toBe(303);
      expect(r.headers.location).toBe('/');
    },
  );

  it('returns to a same-site path', async () => {
    const r = await logIn(encodeURIComponent('/practice?day=2'));
    expect(r.headers.location).toBe('/practice?day=2');
  });
});
