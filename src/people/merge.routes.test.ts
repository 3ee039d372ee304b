import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects, type TestApp } from '../testing/harness.js';
import { browserSession, makeActor, postForm, type TestActor } from '../testing/actors.js';
import { openTestApp } from '../testing/harness.js';
import { giveCompletions, giveRole } from '../compliance/compliance.testkit.js';
import { insertPerson } from './merge.testkit.js';

describe.each(testDialects())('duplicate accounts pages and API (%s)', (dialect) => {
  let t: TestApp;
  let registrar: TestActor;
  const get = (url: string, who: TestActor = registrar) => t.app.inject({ method: 'GET', url, headers: who.bearer });
  const pair = async (first: string, birthDate: string) => {
    const a = await insertPerson(t.deps.db, { first, last: 'Twin', email: `${first.toLowerCase()}.a.${dialect}@example.org`, birthDate });
    const b = await insertPerson(t.deps.db, { first: first.toUpperCase(), last: 'TWIN', email: `${first.toLowerCase()}.b.${dialect}@example.org`, birthDate });
    return [a, b] as const;
  };

  beforeAll(async () => {
    t = await openTestApp(dialect);
    registrar = await makeActor(t.deps, ['registrar']);
  });
  afterAll(async () => t?.close());

  it('lists candidates with why they look alike, and offers the account holding most as the one to keep', async () => {
    const [a, b] = await pair('Page', '2001-02-03');
    await giveRole(t.deps.db, b, 'head-coach', '2026-fall', '10U');
    const r = await get('/admin/duplicates');
    expect(r.statusCode).toBe(200);
    expect(r.body).toMatch(/<h2>(Page Twin|PAGE TWIN): 2 accounts<\/h2>/);
    expect(r.body).toMatch(/Same name and date of birth: (Page Twin|PAGE TWIN), 2001-02-03/);
    expect(r.body).toContain(`<input type="radio" name="keep" value="${b}" checked required/>`);
    expect(r.body).toContain(`<input type="radio" name="keep" value="${a}" required/>`);
    expect((await get('/', registrar)).body).toContain('<a href="/admin/duplicates">Duplicates</a>');
  });

  it('previews the merge without doing it, then merges from the form and records it', async () => {
    const [a, b] = await pair('Form', '2002-03-04');
    await giveCompletions(t.deps.db, b, ['safe-haven', 'concussion']);
    const review = await get(`/admin/duplicates/review?keep=${a}&account=${a}&account=${b}`);
    expect(review.statusCode).toBe(200);
    expect(review.body).toContain('2 training completions move to the kept account');
    expect(review.body).toContain(`Its email form.b.${dialect}@example.org is taken off it.`);
    expect(review.body).toContain(`<input type="checkbox" name="merge" value="${b}" checked/>`);
    expect((await t.deps.db.selectFrom('completions').select('person_id').where('person_id', '=', b).execute()).length).toBe(2);

    const s = await browserSession(t.app, registrar.email, registrar.password);
    const r = await postForm(t.app, '/admin/duplicates/merge', s, { keep: a, merge: b });
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe('/admin/duplicates');
    expect(String(r.headers['set-cookie'])).toContain(encodeURIComponent('Merged 1 account into Form Twin: 2 record(s) moved.'));
    expect((await t.deps.db.selectFrom('completions').select('person_id').where('person_id', '=', a).execute()).length).toBe(2);
    const after = await get('/admin/duplicates');
    expect(after.body).not.toContain('<h2>Form Twin');
    expect(after.body).toMatch(/<td>Form Twin<\/td><td>FORM TWIN<\/td><td>Test\d+ Person<\/td><td>2<\/td><td>0<\/td>/);
  });

  it('says what is wrong when the form cannot be merged', async () => {
    const [a] = await pair('Oops', '2003-04-05');
    const s = await browserSession(t.app, registrar.email, registrar.password);
    const r = await postForm(t.app, '/admin/duplicates/merge', s, { keep: a });
    expect(r.statusCode).toBe(422);
    expect(r.body).toContain('Tick at least one account to merge into the one you keep.');
    const gone = await postForm(t.app, '/admin/duplicates/merge', s, { keep: a, merge: 'nobody' });
    expect(gone.statusCode).toBe(404);
    expect(gone.body).toContain('The account to merge does not exist.');
  });

  it('is for the registrar and the region administrator only', async () => {
    for (const role of ['coach-administrator', 'safety-director', 'head-coach'] as const) {
      const who = await makeActor(t.deps, [role]);
      expect((await get('/admin/duplicates', who)).statusCode, role).toBe(403);
      expect((await get('/api/v1/people/duplicates', who)).statusCode, role).toBe(403);
    }
    expect((await get('/admin/duplicates', await makeActor(t.deps, ['region-administrator']))).statusCode).toBe(200);
  });

  it('merges through the API, with a dry run first', async () => {
    const [a, b] = await pair('Api', '2004-05-06');
    const groups = (await get('/api/v1/people/duplicates')).json() as { reasons: string[]; people: { id: string; canLogIn: boolean }[] }[];
    expect(
      groups
        .find((g) => g.people.some((p) => p.id === a))!
        .people.map((p) => p.id)
        .sort(),
    ).toEqual([a, b].sort());
    const post = (body: object) => t.app.inject({ method: 'POST', url: '/api/v1/people/merges', headers: registrar.bearer, payload: body });
    const dry = await post({ keptId: a, mergedIds: [b], dryRun: true });
    expect(dry.statusCode).toBe(200);
    const real = await post({ keptId: a, mergedIds: [b] });
    expect(real.statusCode).toBe(201);
    expect(real.json()).toEqual(dry.json());
    expect(real.json()[0]).toMatchObject({ keptId: a, mergedId: b, email: { merged: `api.b.${dialect}@example.org`, movedToKept: false } });
    expect((await post({ keptId: a, mergedIds: [b] })).statusCode).toBe(409);
    expect((await post({ keptId: a, mergedIds: ['nobody'] })).statusCode).toBe(404);
    expect((await post({ keptId: a, mergedIds: [] })).statusCode).toBe(422);
  });
});
