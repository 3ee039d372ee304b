import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects, type TestApp } from '../testing/harness.js';
import { browserSession, makeActor, postForm } from '../testing/actors.js';
import { SCREENING_KEY } from './applications.store.js';
import { ADULT_BIRTH, installTestKey, makeApplicant, openVolunteerApp, SEASON, SSN, SSN_DIGITS } from './volunteers.testkit.js';

/** Form posts through app.inject, as a browser sends them (cookie + CSRF token). */
describe.each(testDialects())('volunteer pages on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openVolunteerApp(dialect);
    await installTestKey(t.deps);
  });
  afterAll(async () => t?.close());

  // postForm takes a flat record; repeated checkboxes need the raw body.
  const post = (s: { cookie: string; csrf: string }, url: string, roles: string[], rest: Record<string, string>) => {
    const body = new URLSearchParams({ _csrf: s.csrf, ...rest });
    for (const r of roles) body.append('roles', r);
    return t.app.inject({ method: 'POST', url, headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() });
  };

  it('shows the form with role and division choices and a protected SSN field', async () => {
    const a = await makeApplicant(t.deps, ADULT_BIRTH);
    const s = await browserSession(t.app, a.email, a.password);
    const r = await t.app.inject({ method: 'GET', url: '/volunteer', headers: { cookie: s.cookie } });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('<h1>Volunteer for Fall 2026</h1>');
    expect(r.body).toMatch(/<input[^>]*type="checkbox"[^>]*name="roles"[^>]*value="head-coach:10U"/);
    expect(r.body).not.toContain('value="youth-volunteer:');
    const ssn = /<input[^>]*name="ssn"[^>]*>/.exec(r.body)?.[0] ?? '';
    expect(ssn).toContain('type="password"');
    expect(ssn).toContain('inputmode="numeric"');
    expect(ssn).toContain('autocomplete="off"');
    expect(r.body).toContain('sealed with a key only the region');
  });

  it('shows every problem at once and never gives the typed SSN back', async () => {
    const a = await makeApplicant(t.deps, ADULT_BIRTH);
    const s = await browserSession(t.app, a.email, a.password);
    const r = await post(s, '/volunteer', ['registrar:10U'], { ssn: '123-45-678', signature: 'Someone Else', phone: '310-555-0199' });
    expect(r.statusCode).toBe(422);
    expect(r.body).toContain('Please fix these 3 problems');
    expect(r.body).toContain('nine digits');
    expect(r.body).toContain('Type your full name');
    expect(r.body).toContain('Choose a volunteer role');
    expect(r.body).toContain('value="310-555-0199"');
    expect(r.body).not.toContain('123-45-678');
  });

  it('submits, redirects and shows the application with its status', async () => {
    const a = await makeApplicant(t.deps, ADULT_BIRTH);
    const s = await browserSession(t.app, a.email, a.password);
    const r = await post(s, '/volunteer', ['head-coach:10U', 'assistant-coach:12U'], { ssn: SSN, signature: a.name, phone: '' });
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe('/volunteer');
    const cookie = [s.cookie, ...[r.headers['set-cookie'] ?? []].flat().map((c) => c.split(';')[0])].join('; ');
    const shown = await t.app.inject({ method: 'GET', url: '/volunteer', headers: { cookie } });
    expect(shown.body).toContain('Your application for Fall 2026 is received');
    expect(shown.body).toContain('Head coach 10U: <span class="status-warn">waiting for the board\'s decision</span>');
    expect(shown.body).toContain('Assistant coach 12U: <span class="status-warn">waiting for the board\'s decision</span>');
    expect(shown.body).toContain('Background check: <span class="status-warn">pending');
    expect(shown.body).toMatch(/value="head-coach:10U"[^>]*checked/);
    expect(shown.body).not.toContain(SSN_DIGITS);
    expect(shown.body).not.toContain('6789');
    const home = await t.app.inject({ method: 'GET', url: '/', headers: { cookie } });
    expect(home.body).toContain(`Your volunteer application (Fall 2026)`);
  });

  it('lets the safety director record a check on the page, and nobody else', async () => {
    const a = await makeApplicant(t.deps, ADULT_BIRTH);
    const sa = await browserSession(t.app, a.email, a.password);
    await post(sa, '/volunteer', ['field-helper:8U'], { ssn: SSN, signature: a.name });
    const id = (await t.deps.db.selectFrom('applications').select('id').where('person_id', '=', a.id).executeTakeFirstOrThrow()).id;
    const director = await makeActor(t.deps, ['safety-director']);
    const s = await browserSession(t.app, director.email, director.password);
    const list = await t.app.inject({ method: 'GET', url: '/safety/checks', headers: { cookie: s.cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('<caption>Applications waiting for the background check</caption>');
    expect(list.body).toContain(`Record clear for ${a.name}`);
    expect(list.body).toMatch(/<td data-sealed-ssn="[A-Za-z0-9+/=]+" data-last4="6789">6789<\/td>/);
    const refused = await postForm(t.app, `/safety/checks/${id}`, sa, { result: 'clear' });
    expect(refused.statusCode).toBe(403);
    const r = await postForm(t.app, `/safety/checks/${id}`, s, { result: 'clear', back: `status=all&season=${SEASON}` });
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe(`/safety/checks?status=all&season=${SEASON}`);
    const row = await t.deps.db.selectFrom('applications').select(['background_check', 'ssn_sealed']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ background_check: 'clear', ssn_sealed: null });
  });

  it('lets adults apply without the number while there is no screening key, saying the step opens later, and shows the safety director how to set it up (the administrator through the set-up checklist)', async () => {
    const stored = await t.deps.db.selectFrom('app_meta').select('value').where('key', '=', SCREENING_KEY).executeTakeFirstOrThrow();
    await t.deps.db.deleteFrom('app_meta').where('key', '=', SCREENING_KEY).execute();
    try {
      const a = await makeApplicant(t.deps, ADULT_BIRTH);
      const s = await browserSession(t.app, a.email, a.password);
      const form = await t.app.inject({ method: 'GET', url: '/volunteer', headers: { cookie: s.cookie } });
      expect(form.body).toContain('This step opens when the region finishes setting up background checks');
      expect(form.body).not.toContain('name="ssn"');
      const r = await post(s, '/volunteer', ['head-coach:10U'], { ssn: SSN, signature: a.name });
      expect(r.statusCode).toBe(409);
      expect(r.body).toContain('The social security number step opens when the region finishes setting up');
      const ok = await post(s, '/volunteer', ['head-coach:10U'], { signature: a.name });
      expect(ok.statusCode).toBe(303);
      const shown = await t.app.inject({ method: 'GET', url: '/volunteer', headers: { cookie: s.cookie } });
      expect(shown.body).toContain('Social security number: not given yet: that step opens when the region finishes setting up background checks, and you will get a mail');
      const safety = await makeActor(t.deps, ['safety-director']);
      const sSafety = await browserSession(t.app, safety.email, safety.password);
      const home = await t.app.inject({ method: 'GET', url: '/', headers: { cookie: sSafety.cookie } });
      expect(home.body).toContain('Background checks: set up the screening key');
      expect(home.body).toContain('touchline screening keygen --out');
      expect(home.body).toContain('href="/safety/key"');
      // The region administrator has it once: the set-up checklist's step, linking to the same page.
      const admin = await makeActor(t.deps, ['region-administrator']);
      const sAdmin = await browserSession(t.app, admin.email, admin.password);
      const adminHome = await t.app.inject({ method: 'GET', url: '/', headers: { cookie: sAdmin.cookie } });
      expect(adminHome.body).not.toContain('Background checks: set up the screening key');
      expect(adminHome.body).toContain('href="/safety/key"');
    } finally {
      await t.deps.db.insertInto('app_meta').values({ key: SCREENING_KEY, value: stored.value }).execute();
    }
  });
});
