import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../platform/roles.js';
import { decideAccess, DENIED_HEADER, type Auth } from '../platform/http/access.js';
import { browserSession, makeActor, postForm, type TestActor } from '../testing/actors.js';
import { TEST_NOW, type TestApp } from '../testing/harness.js';
import { multipartBody, openTrainingApp, seedCompletion, seedSession } from './training.testkit.js';

const sample = readFileSync(new URL('./imports/fixtures/legacy-certifications.csv', import.meta.url));
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(16, 1)]);

/** The browser forms of the trainings pages (SQLite: the pages do not depend on the database kind). */
describe('training pages', () => {
  let t: TestApp;
  let instructor: TestActor;
  let registrar: TestActor;
  beforeAll(async () => {
    t = await openTrainingApp('sqlite');
    instructor = await makeActor(t.deps, ['instructor']);
    registrar = await makeActor(t.deps, ['registrar']);
  });
  afterAll(async () => t.close());

  const session = async (who: TestActor) => browserSession(t.app, who.email, who.password);
  const postUpload = (url: string, s: { cookie: string }, body: ReturnType<typeof multipartBody>) =>
    t.app.inject({ method: 'POST', url, headers: { cookie: s.cookie, 'content-type': body.contentType }, payload: body.payload });

  it('shows a volunteer their trainings, certificates and classes, and registers them by form', async () => {
    const coach = await makeActor(t.deps, ['head-coach']);
    await seedCompletion(t.deps, coach.id, 'coach-12u', 'online', '2026-06-01');
    const s = await seedSession(t.deps, { instructorId: instructor.id, place: 'Campus El Segundo room 4' });
    const b = await session(coach);
    const page = await t.app.inject({ method: 'GET', url: '/training', headers: { cookie: b.cookie } });
    expect(page.statusCode).toBe(200);
    for (const text of ['Your trainings', '12U Coach: Online part', 'Campus El Segundo room 4', 'Missing a certification?', '/certificate.pdf']) expect(page.body).toContain(text);
    expect((await postForm(t.app, `/training/classes/${s.id}/register`, b, {}, false)).statusCode).toBe(403);
    const ok = await postForm(t.app, `/training/classes/${s.id}/register`, b, {});
    expect(ok.statusCode).toBe(303);
    const after = await t.app.inject({ method: 'GET', url: '/training', headers: { cookie: b.cookie } });
    expect(after.body).toContain('aria-label="Cancel my registration for 12U Coach: In-person class on 2026-10-03"');
    const home = await t.app.inject({ method: 'GET', url: '/', headers: { cookie: b.cookie } });
    expect(home.body).toContain('Class: 12U Coach: In-person class');
  });

  it('accepts an upload form with the CSRF token in its action URL, and refuses it without', async () => {
    const coach = await makeActor(t.deps, ['assistant-coach']);
    const b = await session(coach);
    const body = () => multipartBody({ training: 'safe-haven', completedOn: '2026-02-02' }, { fileName: 'sh.png', contentType: 'image/png', data: PNG });
    const refused = await postUpload('/training/uploads', b, body());
    expect(refused.statusCode).toBe(403);
    expect((await postUpload('/training/uploads?_csrf=forged', b, body())).statusCode).toBe(403);
    const page = await t.app.inject({ method: 'GET', url: '/training', headers: { cookie: b.cookie } });
    const action = /action="(\/training\/uploads\?_csrf=[^"]+)"/.exec(page.body)?.[1]?.replaceAll('&amp;', '&');
    expect(action).toBeDefined();
    const ok = await postUpload(action!, b, body());
    expect(ok.statusCode).toBe(303);
    expect(await t.deps.db.selectFrom('certificate_requests').select('status').where('person_id', '=', coach.id).execute()).toEqual([{ status: 'pending' }]);
    const wrongType = await postUpload(
      action!,
      b,
      multipartBody({ training: 'concussion', completedOn: '2026-02-02' }, { fileName: 'x.png', contentType: 'image/png', data: Buffer.from('not an image') }),
    );
    expect(wrongType.statusCode).toBe(422);
    expect(wrongType.body).toContain('is not a PDF, JPEG or PNG');
  });

  it('lets the registrar import the legacy file from the page and see the lines that did not land', async () => {
    const b = await session(registrar);
    const page = await t.app.inject({ method: 'GET', url: '/training/import', headers: { cookie: b.cookie } });
    const action = /action="(\/training\/import\?_csrf=[^"]+)"/.exec(page.body)![1]!;
    const r = await postUpload(action, b, multipartBody({}, { fileName: 'legacy.csv', contentType: 'text/csv', data: sample }));
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('0 added');
    expect(r.body).toContain('25 unmatched');
    expect(r.body).toContain('4 unknown training');
    expect(r.body).toMatch(/<td>19<\/td><td>Certification &quot;Regional Referee&quot;/);
    const instructorSession = await session(instructor);
    expect((await t.app.inject({ method: 'GET', url: '/training/import', headers: { cookie: instructorSession.cookie } })).statusCode).toBe(403);
  });

  it('lets an instructor schedule a class and credit registered attendees, refusing anyone else by email', async () => {
    const b = await session(instructor);
    const created = await postForm(t.app, '/training/classes', b, {
      code: 'coach-10u:field',
      date: '2026-09-15',
      startTime: '18:00',
      endTime: '19:30',
      place: 'Richmond field 2',
      capacity: '6',
    });
    expect(created.statusCode).toBe(303);
    const s = await t.deps.db.selectFrom('class_sessions').selectAll().where('place', '=', 'Richmond field 2').executeTakeFirstOrThrow();
    const [a, walkIn] = [await makeActor(t.deps, ['head-coach']), await makeActor(t.deps, ['head-coach'])];
    await seedCompletion(t.deps, a.id, 'coach-10u', 'online', '2026-05-01');
    expect((await postForm(t.app, `/training/classes/${s.id}/register`, await session(a), {})).statusCode).toBe(303);
    const roster = await t.app.inject({ method: 'GET', url: `/training/classes/${s.id}`, headers: { cookie: b.cookie } });
    expect(roster.body).toContain(`value="${a.id}"`);
    const refused = await postForm(t.app, `/training/classes/${s.id}/credit`, b, { email: walkIn.email });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('did not register for this class');
    const ok = await postForm(t.app, `/training/classes/${s.id}/credit`, b, { personId: a.id });
    expect(ok.statusCode).toBe(303);
    const c = await t.deps.db.selectFrom('completions').selectAll().where('person_id', '=', a.id).where('part', '=', 'field').executeTakeFirstOrThrow();
    expect(c).toMatchObject({ completed_on: '2026-09-15', source: 'instructor', class_session_id: s.id });
    const other = await session(await makeActor(t.deps, ['instructor']));
    expect((await t.app.inject({ method: 'GET', url: `/training/classes/${s.id}`, headers: { cookie: other.cookie } })).statusCode).toBe(403);
  });

  it('lets the registrar accept and refuse uploads from the queue page, and record a completion by hand', async () => {
    const coach = await makeActor(t.deps, ['head-coach']);
    const up = multipartBody({ training: 'safesport', completedOn: '2026-01-10' }, { fileName: 'ss.png', contentType: 'image/png', data: PNG });
    const id = (
      await t.app.inject({ method: 'POST', url: '/api/v1/me/certificate-requests', headers: { ...coach.bearer, 'content-type': up.contentType }, payload: up.payload })
    ).json().id;
    const b = await session(registrar);
    const queue = await t.app.inject({ method: 'GET', url: '/training/requests', headers: { cookie: b.cookie } });
    expect(queue.body).toContain(`/training/uploads/${id}/file`);
    const empty = await postForm(t.app, `/training/requests/${id}/reject`, b, { reason: '' });
    expect(empty.statusCode).toBe(422);
    expect((await postForm(t.app, `/training/requests/${id}/verify`, b, {})).statusCode).toBe(303);
    const recorded = await postForm(t.app, '/training/completions', b, { email: coach.email, training: 'coach-12u', completedOn: '2026-01-10' });
    expect(recorded.statusCode).toBe(422);
    expect(recorded.body).toContain('coach-12u:online or coach-12u:in-person');
    expect((await postForm(t.app, '/training/completions', b, { email: coach.email, training: 'coach-12u:online', completedOn: '2026-01-10' })).statusCode).toBe(303);
    const rows = await t.deps.db.selectFrom('completions').select(['training', 'source']).where('person_id', '=', coach.id).orderBy('training').execute();
    expect(rows).toEqual([
      { training: 'coach-12u', source: 'administrator' },
      { training: 'safesport', source: 'upload' },
    ]);
  });

  it('lets in exactly the declared roles on every training route, without a server error', async () => {
    const actors = new Map<Role, TestActor>();
    for (const role of ROLES) actors.set(role, await makeActor(t.deps, [role]));
    const problems: string[] = [];
    const routes = t.app.routeTable.filter(
      (r) =>
        r.method !== 'HEAD' &&
        (r.url.startsWith('/training') ||
          /^\/api\/v1\/(classes|completions|certificate-requests|imports|me\/certificate-requests|people\/:id\/(completions|trainings))/.test(r.url)),
    );
    expect(routes.length).toBeGreaterThan(25);
    for (const r of routes) {
      for (const role of [null, ...ROLES]) {
        const auth = role ? ({ roles: [{ role, seasonId: '', division: '' }] } as unknown as Auth) : null;
        const res = await t.app.inject({
          method: r.method as 'GET',
          url: r.url.replace(/:(\w+)/g, 'test-$1'),
          headers: role ? actors.get(role)!.bearer : {},
          payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
        });
        const allowed = decideAccess(r.access, auth) === 'allow';
        if (allowed === Boolean(res.headers[DENIED_HEADER])) problems.push(`${r.method} ${r.url} ${role ?? 'anonymous'}: ${res.statusCode}`);
        if (res.statusCode >= 500) problems.push(`${r.method} ${r.url} ${role ?? 'anonymous'}: server error ${res.body.slice(0, 200)}`);
      }
    }
    expect(problems).toEqual([]);
    expect(TEST_NOW).toBe('2026-09-15T17:00:00.000Z');
  });
});
