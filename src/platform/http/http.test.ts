import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, testDialects, type TestApp } from '../../testing/harness.js';
import { browserSession, makeActor, postForm } from '../../testing/actors.js';

describe.each(testDialects())('HTTP behaviour on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('answers an unknown API path with a JSON 404 and an unknown page with an HTML 404', async () => {
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.stringContaining('/api/v1/nothing-here') } });
    const pageRes = await t.app.inject({ method: 'GET', url: '/nothing-here' });
    expect(pageRes.statusCode).toBe(404);
    expect(pageRes.headers['content-type']).toContain('text/html');
    expect(pageRes.body).toContain('Page not found');
  });

  it('sends security headers and a strict content security policy', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/login' });
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(r.body).toContain('noindex');
  });

  it('answers validation errors with 422 and the field at fault', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 'a@b.c' } });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('VALIDATION');
    expect(r.json().error.message).toContain('password');
  });

  it('redirects a page that needs a login to the login page, and answers the API with 401', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/profile' });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/login?next=%2Fprofile');
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(api.statusCode).toBe(401);
    expect(api.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a role it does not give access to with 403', async () => {
    const coach = await makeActor(t.deps, ['head-coach']);
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: coach.bearer });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.code).toBe('FORBIDDEN');
  });

  it('describes the API in OpenAPI, with docs at /api/docs', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/session', '/api/v1/me', '/api/v1/region', '/healthz']));
    expect(Object.keys(doc.paths).some((p) => p.startsWith('/admin'))).toBe(false);
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('answers /healthz 200 while the database answers', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ status: 'ok' });
  });

  it('lets the administrator see the audit log of a board change', async () => {
    const admin = await makeActor(t.deps, ['region-administrator']);
    const s = await browserSession(t.app, admin.email, admin.password);
    const region = await t.app.inject({ method: 'GET', url: '/admin/region', headers: { cookie: s.cookie } });
    const version = /name="version" value="(\d+)"/.exec(region.body)![1]!;
    const saved = await postForm(t.app, '/admin/region/fields/brett', s, { version, name: 'Brett', address: 'Brett Field', capacity: '4' });
    expect(saved.statusCode).toBe(303);
    const audit = await t.app.inject({ method: 'GET', url: '/admin/audit', headers: { cookie: s.cookie } });
    expect(audit.body).toMatch(/fields\.1\.capacity<\/code>: 2 → 4/);
    expect(audit.body).toContain('region.field.update');
  });
});

describe('health when the database is gone', () => {
  it('answers 503', async () => {
    const t = await openTestApp('sqlite');
    await t.deps.database.close();
    const r = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(r.statusCode).toBe(503);
    await t.app.close();
  });
});
