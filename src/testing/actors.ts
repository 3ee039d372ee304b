import type { Deps } from '../platform/feature.js';
import { newId } from '../platform/clock.js';
import { accountDeps, createApiToken, createPerson } from '../people/index.js';
import type { Role } from '../platform/roles.js';
import type { App } from '../platform/feature.js';

let counter = 0;

export interface TestActor {
  id: string;
  email: string;
  password: string;
  token: string;
  bearer: { authorization: string };
}

/** A person with the given roles (standing, or in `seasonId`) and an API token. */
export async function makeActor(deps: Deps, roles: Role[] = [], opts: { seasonId?: string; division?: string; email?: string } = {}): Promise<TestActor> {
  counter++;
  const email = opts.email ?? `person${counter}.${newId().slice(0, 6).toLowerCase()}@example.org`;
  const password = 'correct horse battery';
  const p = await createPerson(accountDeps(deps), { firstName: `Test${counter}`, lastName: 'Person', email }, password);
  for (const role of roles) {
    await deps.db
      .insertInto('role_grants')
      .values({ id: newId(), person_id: p.id, role, season_id: opts.seasonId ?? '', division: opts.division ?? '', granted_at: deps.clock.now().toISOString(), granted_by: null })
      .execute();
  }
  const { token } = await createApiToken(accountDeps(deps), p.id, 'test');
  return { id: p.id, email, password, token, bearer: { authorization: `Bearer ${token}` } };
}

/** Cookie header and CSRF token of a browser session, for form posts through app.inject. */
export async function browserSession(app: App, email?: string, password?: string): Promise<{ cookie: string; csrf: string }> {
  const jar = new Map<string, string>();
  const keep = (set: string | string[] | undefined) => {
    for (const c of [set ?? []].flat()) {
      const [pair] = c.split(';');
      const [k, v] = pair!.split('=');
      if (v === '' || c.includes('Max-Age=0') || c.includes('Expires=Thu, 01 Jan 1970')) jar.delete(k!);
      else jar.set(k!, v!);
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrfOf = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';
  let r = await app.inject({ method: 'GET', url: '/login' });
  keep(r.headers['set-cookie']);
  let csrf = csrfOf(r.body);
  if (email) {
    r = await app.inject({
      method: 'POST',
      url: '/login',
      headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf, email, password: password ?? '' }).toString(),
    });
    if (r.statusCode !== 303) throw new Error(`login failed: ${r.statusCode}`);
    keep(r.headers['set-cookie']);
    r = await app.inject({ method: 'GET', url: '/profile', headers: { cookie: cookie() } });
    csrf = csrfOf(r.body);
  }
  return { cookie: cookie(), csrf };
}

/** Posts a form as the browser would: with the session's cookie and (unless told) its CSRF token. */
export function postForm(app: App, url: string, s: { cookie: string; csrf: string }, data: Record<string, string>, withCsrf = true) {
  const body = new URLSearchParams(withCsrf ? { _csrf: s.csrf, ...data } : data).toString();
  return app.inject({ method: 'POST', url, headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: body });
}
