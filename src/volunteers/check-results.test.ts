import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects, type TestApp } from '../testing/harness.js';
import { browserSession, makeActor, type TestActor } from '../testing/actors.js';
import { adultBody, ADULT_BIRTH, installTestKey, makeApplicant, openVolunteerApp } from './volunteers.testkit.js';

/** A background check's result is for the safety director (and the person checked) alone. */
describe.each(testDialects())('background-check results on %s', (dialect) => {
  let t: TestApp;
  let safety: TestActor;
  let board: TestActor[];
  let applicant: TestActor & { name: string };
  let applicationId: string;
  beforeAll(async () => {
    t = await openVolunteerApp(dialect);
    await installTestKey(t.deps);
    safety = await makeActor(t.deps, ['safety-director']);
    board = [await makeActor(t.deps, ['registrar']), await makeActor(t.deps, ['region-administrator']), await makeActor(t.deps, ['coach-administrator'])];
    applicant = await makeApplicant(t.deps, ADULT_BIRTH);
    const applied = await t.app.inject({ method: 'POST', url: `/api/v1/people/${applicant.id}/applications`, headers: applicant.bearer, payload: adultBody(applicant.name) });
    applicationId = applied.json().id;
    const recorded = await t.app.inject({ method: 'PUT', url: `/api/v1/applications/${applicationId}/background-check`, headers: safety.bearer, payload: { result: 'flagged' } });
    expect(recorded.statusCode).toBe(200);
  });
  afterAll(async () => t?.close());

  const get = (url: string, who: TestActor) => t.app.inject({ method: 'GET', url, headers: who.bearer });

  it('answers the result to the safety director and to the person checked', async () => {
    expect((await get(`/api/v1/people/${applicant.id}/applications`, safety)).json()[0]).toMatchObject({ backgroundCheck: 'flagged' });
    expect((await get(`/api/v1/people/${applicant.id}/applications`, applicant)).json()[0]).toMatchObject({ backgroundCheck: 'flagged' });
    expect((await get('/api/v1/applications?status=all', safety)).body).toContain('"flagged"');
    expect((await get('/safety/checks?status=all', safety)).body).toContain('flagged');
  });

  it('never answers it to the registrar, the region administrator or the coach administrator: API, pages, audit log', async () => {
    for (const who of board) {
      const apps = await get(`/api/v1/people/${applicant.id}/applications`, who);
      if (apps.statusCode === 200) {
        expect(apps.json()[0]).not.toHaveProperty('backgroundCheck');
        expect(apps.body).not.toContain('flagged');
      } else expect(apps.statusCode).toBe(403);
      expect((await get('/api/v1/applications?status=all', who)).statusCode).toBe(403);
      expect((await get('/safety/checks?status=all', who)).statusCode).toBe(403);
      for (const url of ['/api/v1/audit', `/api/v1/audit?entity=application`]) {
        const r = await get(url, who);
        if (r.statusCode === 200) expect(r.body, url).not.toContain('flagged');
      }
      const s = await browserSession(t.app, who.email, who.password);
      for (const url of ['/', '/admin/audit', '/admin/audit?entity=application']) {
        const r = await t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
        if (r.statusCode === 200) expect(r.body, url).not.toContain('flagged');
      }
    }
    const admin = board[1]!;
    const audit = await t.app.inject({
      method: 'GET',
      url: '/admin/audit?entity=application',
      headers: { cookie: (await browserSession(t.app, admin.email, admin.password)).cookie },
    });
    expect(audit.statusCode).toBe(200);
    expect(audit.body).toContain('application.check');
  });

  it('leaves it out of what the registrar gets back when applying for someone', async () => {
    const other = await makeApplicant(t.deps, ADULT_BIRTH);
    const r = await t.app.inject({ method: 'POST', url: `/api/v1/people/${other.id}/applications`, headers: board[0]!.bearer, payload: adultBody(other.name) });
    expect(r.statusCode).toBe(201);
    expect(r.json()).not.toHaveProperty('backgroundCheck');
  });
});
