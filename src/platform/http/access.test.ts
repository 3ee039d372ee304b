import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/harness.js';
import { makeActor, type TestActor } from '../../testing/actors.js';
import { BOARD_ROLES, ROLES, type Role } from '../roles.js';
import { decideAccess, DENIED_HEADER, type Auth } from './access.js';

/**
 * The routes anyone may open without logging in. A new public route must be added here on purpose.
 */
const PUBLIC_ROUTES = new Set([
  'GET /',
  'GET /healthz',
  'GET /login',
  'POST /login',
  'POST /logout',
  'GET /signup',
  'POST /signup',
  'GET /forgot',
  'POST /forgot',
  'GET /reset/:token',
  'POST /reset/:token',
  'GET /setup/:token',
  'POST /setup/:token',
  'POST /api/v1/session',
  'GET /api/openapi.json',
  'GET /coaches',
  'GET /coaches/faq',
  'GET /coaches/resources',
  'GET /coaches/resources/files/:id',
  'GET /contact',
  'POST /contact',
  'GET /sitemap.xml',
  'GET /robots.txt',
  'GET /api/v1/site/pages/:slug',
  'GET /api/v1/site/resources',
  'GET /unsubscribe/:token',
  'POST /unsubscribe/:token',
  'POST /api/v1/unsubscribe/:token',
  'GET /verify/:token',
  'GET /verify/:token/photo',
  'GET /badges/verify.css',
  'GET /practice/feeds/:file',
  'GET /teams/draws',
  'GET /teams/draws/:season/:division/:program',
  'GET /api/v1/teams/draws',
  'GET /api/v1/teams/draws/:season/:division/:program',
]);

const isPluginRoute = (url: string) => url.startsWith('/assets/') || url.startsWith('/api/docs');

describe('every route with every role', () => {
  let t: TestApp;
  /** Every role, and 'no role': an account anyone can sign up for. */
  const actors = new Map<Role | 'no role', TestActor>();
  beforeAll(async () => {
    t = await openTestApp('sqlite');
    for (const role of ROLES) actors.set(role, await makeActor(t.deps, [role]));
    actors.set('no role', await makeActor(t.deps, []));
  });
  afterAll(async () => t.close());

  it('declares access on every route, and only the listed routes are public', () => {
    const routes = t.app.routeTable.filter((r) => !isPluginRoute(r.url));
    expect(routes.length).toBeGreaterThan(20);
    for (const r of routes) expect(r.access, `${r.method} ${r.url}`).toBeDefined();
    const publicOnes = routes.filter((r) => r.access === 'public' && r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`);
    expect(publicOnes.filter((r) => !PUBLIC_ROUTES.has(r))).toEqual([]);
  });

  it('keeps /admin pages for the board', () => {
    for (const r of t.app.routeTable.filter((x) => x.url.startsWith('/admin'))) {
      expect(Array.isArray(r.access), `${r.method} ${r.url}`).toBe(true);
      for (const role of r.access as Role[]) expect(BOARD_ROLES, `${r.method} ${r.url} lets in ${role}`).toContain(role);
    }
  });

  it('keeps who practises when from accounts anyone can make, and background checks for the safety director', () => {
    const accessOf = (route: string) => t.app.routeTable.find((r) => `${r.method} ${r.url}` === route)?.access;
    for (const route of ['GET /practice/grid', 'GET /practice/teams/:id', 'GET /api/v1/practice/bookings']) {
      const access = accessOf(route);
      expect(Array.isArray(access), route).toBe(true);
      for (const role of ['field-helper', 'youth-volunteer', 'instructor'] as const) expect(access, `${route} lets in ${role}`).not.toContain(role);
    }
    for (const route of ['GET /safety/checks', 'POST /safety/checks/:id', 'GET /api/v1/applications', 'PUT /api/v1/applications/:id/background-check']) {
      expect(accessOf(route), route).toEqual(['safety-director']);
    }
  });

  it('lets in exactly the declared roles, and nobody without login where a login is needed', { timeout: 300_000 }, async () => {
    const problems: string[] = [];
    for (const r of t.app.routeTable.filter((x) => !isPluginRoute(x.url) && x.method !== 'HEAD')) {
      const url = r.url.replace(/:(\w+)/g, 'test-$1');
      for (const role of [null, 'no role' as const, ...ROLES]) {
        const actor = role ? actors.get(role)! : null;
        const auth = role ? ({ roles: role === 'no role' ? [] : [{ role, seasonId: '', division: '' }] } as unknown as Auth) : null;
        const expected = decideAccess(r.access, auth);
        const res = await t.app.inject({
          method: r.method as 'GET',
          url,
          headers: actor ? actor.bearer : {},
          payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
        });
        const denied = res.headers[DENIED_HEADER];
        if (expected === 'allow' && denied) problems.push(`${r.method} ${r.url} refused ${role ?? 'anonymous'} (${res.statusCode})`);
        if (expected !== 'allow' && (!denied || ![401, 403, 303].includes(res.statusCode))) problems.push(`${r.method} ${r.url} let in ${role ?? 'anonymous'} (${res.statusCode})`);
      }
    }
    expect(problems).toEqual([]);
  });
});
