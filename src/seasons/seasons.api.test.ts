import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTestApp, testDialects, type TestApp } from '../testing/harness.js';
import { browserSession, makeActor, postForm, type TestActor } from '../testing/actors.js';
import { newId } from '../platform/clock.js';
import type { Role } from '../platform/roles.js';
import { generateSeasonSlots, listSlots } from '../practice/index.js';
import { getRegionConfig } from '../region/index.js';

const FALL = '2026-fall';
const SPRING = '2027-spring';

describe.each(testDialects())('start the next season (%s)', (dialect) => {
  let t: TestApp;
  let admin: TestActor;
  let head: TestActor;
  let assistant: TestActor;
  let mentor: TestActor;
  let again: TestActor;
  const window = (seasonId: string, fieldId: string, weekdays: number[], start: string, end: string, draft = 0) =>
    t.deps.db
      .insertInto('practice_windows')
      .values({
        id: newId(),
        season_id: seasonId,
        field_id: fieldId,
        weekdays_json: JSON.stringify(weekdays),
        start_time: start,
        end_time: end,
        capacity: null,
        divisions_json: null,
        created_at: t.deps.clock.now().toISOString(),
        draft,
      })
      .execute();

  beforeEach(async () => {
    t = await openTestApp(dialect);
    admin = await makeActor(t.deps, ['coach-administrator']);
    head = await makeActor(t.deps, ['head-coach'], { seasonId: FALL, division: '10U' });
    assistant = await makeActor(t.deps, ['assistant-coach'], { seasonId: FALL, division: '8U' });
    mentor = await makeActor(t.deps, ['mentor'], { seasonId: FALL });
    await makeActor(t.deps, ['field-helper'], { seasonId: FALL, division: '10U' });
    // Holds the same role for the spring already: nothing to offer.
    again = await makeActor(t.deps, ['head-coach'], { seasonId: FALL, division: '12U' });
    await t.deps.db
      .insertInto('role_grants')
      .values({ id: newId(), person_id: again.id, role: 'head-coach', season_id: SPRING, division: '12U', granted_at: t.deps.clock.now().toISOString(), granted_by: null })
      .execute();
    await window(FALL, 'richmond', [1, 3], '17:00', '20:00');
    await window(FALL, 'campus-el-segundo', [2], '16:00', '19:00');
  });
  afterEach(async () => t?.close());

  const preview = (who: TestActor) => t.app.inject({ method: 'GET', url: '/api/v1/seasons/next/preview', headers: who.bearer });
  const start = (who: TestActor, seasonId = SPRING) => t.app.inject({ method: 'POST', url: '/api/v1/seasons/next/start', headers: who.bearer, payload: { seasonId } });
  const count = async (table: 'role_offers' | 'season_starts' | 'outbox' | 'practice_windows') =>
    Number(
      (
        await t.deps.db
          .selectFrom(table)
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('previews exactly last season coaches and windows, and writes nothing', async () => {
    const r = await preview(admin);
    expect(r.statusCode, r.body).toBe(200);
    const p = r.json();
    expect(p.state).toBe('ready');
    expect(p.from.id).toBe(FALL);
    expect(p.to.id).toBe(SPRING);
    expect(p.offers.map((o: { personId: string; role: string; division: string }) => [o.personId, o.role, o.division])).toEqual([
      [head.id, 'head-coach', '10U'],
      [assistant.id, 'assistant-coach', '8U'],
      [mentor.id, 'mentor', ''],
    ]);
    expect(p.windows).toEqual([
      { window: 'Richmond Mon, Wed 17:00-20:00', from: 'Fall 2026 (2026-08-01 to 2026-12-31)', to: 'Spring 2027 (2027-01-01 to 2027-07-31)' },
      { window: 'Campus El Segundo Tue 16:00-19:00', from: 'Fall 2026 (2026-08-01 to 2026-12-31)', to: 'Spring 2027 (2027-01-01 to 2027-07-31)' },
    ]);
    expect(p.stays.join(' ')).toMatch(/ratings feed the draw/);
    expect(await count('role_offers')).toBe(0);
    expect(await count('practice_windows')).toBe(2);
  });

  it('starts everything in one audited step; a second start does nothing and says when and by whom', async () => {
    const mailsBefore = await count('outbox');
    const r = await start(admin);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ alreadyStarted: false, seasonId: SPRING, fromSeasonId: FALL });
    expect(await count('role_offers')).toBe(3);
    expect((await count('outbox')) - mailsBefore).toBe(3);
    const mail = await t.deps.db.selectFrom('outbox').selectAll().where('kind', '=', 'role-offer').where('to_address', '=', head.email).executeTakeFirstOrThrow();
    expect(mail.subject).toBe('Coach 10U again in Spring 2027?');
    expect(mail.body_text).toContain('http://localhost:3000/');
    const drafts = await t.deps.db.selectFrom('practice_windows').selectAll().where('season_id', '=', SPRING).execute();
    expect(drafts.map((d) => [d.field_id, d.draft])).toEqual(
      expect.arrayContaining([
        ['richmond', 1],
        ['campus-el-segundo', 1],
      ]),
    );
    const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'season.start').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ entity_id: SPRING, actor_id: admin.id });

    const second = await start(admin);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ alreadyStarted: true, startedAt: r.json().startedAt, offers: r.json().offers, windows: r.json().windows });
    expect(await count('role_offers')).toBe(3);
    expect(await count('practice_windows')).toBe(4);
    const p = (await preview(admin)).json();
    expect(p.state).toBe('started');
    expect(p.message).toMatch(/already started on 2026-09-15 by Test\d+ Person/);
    expect(p.offers).toHaveLength(3);
  });

  it('is all or nothing: a failure mid-way writes nothing and mails nobody', async () => {
    const mailsBefore = await count('outbox');
    const real = t.deps.mailer.queue.bind(t.deps.mailer);
    let calls = 0;
    const spy = vi.spyOn(t.deps.mailer, 'queue').mockImplementation(async (db, m) => {
      if (++calls === 2) throw new Error('injected failure');
      return real(db, m);
    });
    const r = await start(admin);
    spy.mockRestore();
    expect(r.statusCode).toBe(500);
    expect(await count('role_offers')).toBe(0);
    expect(await count('season_starts')).toBe(0);
    expect(await count('outbox')).toBe(mailsBefore);
    expect(await count('practice_windows')).toBe(2);
    expect((await preview(admin)).json().state).toBe('ready');
  });

  it('documents its endpoints in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/api/v1/seasons/next/preview'] ?? {})).toContain('get');
    expect(Object.keys(doc.paths['/api/v1/seasons/next/start'] ?? {})).toContain('post');
    expect(Object.keys(doc.paths['/api/v1/me/role-offers'] ?? {})).toContain('get');
    expect(Object.keys(doc.paths['/api/v1/me/role-offers/{id}/accept'] ?? {})).toContain('post');
    expect(Object.keys(doc.paths['/api/v1/me/role-offers/{id}/decline'] ?? {})).toContain('post');
  });

  it('refuses a season other than the next one (422)', async () => {
    const r = await start(admin, FALL);
    expect(r.statusCode).toBe(422);
    expect(r.json().error.message).toMatch(/next season to start is Spring 2027/);
  });

  it('an accepted offer grants the role for the new season; a declined one is recorded', async () => {
    await start(admin);
    const mine = (await t.app.inject({ method: 'GET', url: '/api/v1/me/role-offers', headers: head.bearer })).json();
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ seasonId: SPRING, role: 'head-coach', division: '10U' });
    expect(mine[0].question).toBe('Coach 10U again in Spring 2027?');
    const ok = await t.app.inject({ method: 'POST', url: `/api/v1/me/role-offers/${mine[0].id}/accept`, headers: head.bearer });
    expect(ok.statusCode, ok.body).toBe(200);
    const grant = await t.deps.db.selectFrom('role_grants').selectAll().where('person_id', '=', head.id).where('season_id', '=', SPRING).executeTakeFirstOrThrow();
    expect(grant).toMatchObject({ role: 'head-coach', division: '10U' });
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/me/role-offers/${mine[0].id}/accept`, headers: head.bearer })).statusCode).toBe(409);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me/role-offers', headers: head.bearer })).json()).toEqual([]);

    const theirs = (await t.app.inject({ method: 'GET', url: '/api/v1/me/role-offers', headers: assistant.bearer })).json();
    // Somebody else's offer is not found.
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/me/role-offers/${theirs[0].id}/decline`, headers: head.bearer })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/me/role-offers/${theirs[0].id}/decline`, headers: assistant.bearer })).statusCode).toBe(200);
    const row = await t.deps.db.selectFrom('role_offers').selectAll().where('id', '=', theirs[0].id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'declined', decided_at: expect.any(String) });
    expect(await t.deps.db.selectFrom('role_grants').selectAll().where('person_id', '=', assistant.id).where('season_id', '=', SPRING).execute()).toEqual([]);
  });

  it('the home card answers the offer without JavaScript: a form with its CSRF token, then home with a message', async () => {
    await start(admin);
    const s = await browserSession(t.app, head.email, head.password);
    const home = await t.app.inject({ method: 'GET', url: '/', headers: { cookie: s.cookie } });
    const form = /<form class="inline" method="post" action="(\/me\/role-offers\/[^"]+\/accept)"[^>]*>\s*<input type="hidden" name="_csrf" value="([^"]+)"/.exec(home.body);
    expect(form, home.body).not.toBeNull();
    const r = await postForm(t.app, form![1]!, { cookie: s.cookie, csrf: form![2]! }, {});
    expect(r.statusCode, r.body).toBe(303);
    expect(r.headers.location).toBe('/');
    const grant = await t.deps.db.selectFrom('role_grants').selectAll().where('person_id', '=', head.id).where('season_id', '=', SPRING).executeTakeFirst();
    expect(grant).toMatchObject({ role: 'head-coach', division: '10U' });
  });

  it('an offer of a season that is over cannot be accepted any more (409, nothing granted)', async () => {
    await start(admin);
    const mine = (await t.app.inject({ method: 'GET', url: '/api/v1/me/role-offers', headers: head.bearer })).json();
    t.clock.set('2027-08-15T17:00:00.000Z');
    const late = await t.app.inject({ method: 'POST', url: `/api/v1/me/role-offers/${mine[0].id}/accept`, headers: head.bearer });
    expect(late.statusCode, late.body).toBe(409);
    expect(late.json().error.message).toMatch(/season of this offer is over/);
    expect(await t.deps.db.selectFrom('role_grants').selectAll().where('person_id', '=', head.id).where('season_id', '=', SPRING).execute()).toEqual([]);
    expect(await t.deps.db.selectFrom('role_offers').select('state').where('id', '=', mine[0].id).executeTakeFirstOrThrow()).toEqual({ state: 'pending' });
  });

  it('draft windows are not cut into slots (not bookable) until published', async () => {
    await start(admin);
    const config = await getRegionConfig(t.deps.db);
    const actor = { id: admin.id, name: 'Admin' };
    await expect(generateSeasonSlots(t.deps, config, actor, SPRING)).rejects.toThrow(/draft/);
    await window(SPRING, 'brett', [4], '17:00', '20:00');
    await generateSeasonSlots(t.deps, config, actor, SPRING);
    const slots = await listSlots(t.deps.db, SPRING);
    expect(slots.length).toBeGreaterThan(0);
    expect(new Set(slots.map((s) => s.fieldId))).toEqual(new Set(['brett']));
    const s = await browserSession(t.app, admin.email, admin.password);
    const pub = await postForm(t.app, '/seasons/windows/publish', s, { season: SPRING });
    expect(pub.statusCode).toBe(303);
    await generateSeasonSlots(t.deps, config, actor, SPRING);
    expect(new Set((await listSlots(t.deps.db, SPRING)).map((x) => x.fieldId))).toEqual(new Set(['brett', 'richmond', 'campus-el-segundo']));
  });

  it('refuses coaches and volunteers on the start page and API (403)', async () => {
    for (const role of ['head-coach', 'assistant-coach', 'mentor', 'registrar', 'field-helper'] as Role[]) {
      const who = await makeActor(t.deps, [role], { seasonId: FALL, ...(role === 'mentor' || role === 'registrar' ? {} : { division: '10U' }) });
      expect((await preview(who)).statusCode, role).toBe(403);
      expect((await start(who)).statusCode, role).toBe(403);
      expect((await t.app.inject({ method: 'GET', url: '/seasons/next', headers: who.bearer })).statusCode, role).toBe(403);
    }
    const region = await makeActor(t.deps, ['region-administrator']);
    expect((await preview(region)).statusCode).toBe(200);
    expect(await count('role_offers')).toBe(0);
  });

  it('says so and links to the configuration when no season follows', async () => {
    t.clock.set('2027-03-01T17:00:00.000Z');
    const r = (await preview(admin)).json();
    expect(r.state).toBe('no-next');
    expect(r.message).toMatch(/No season follows Spring 2027/);
    const page = await t.app.inject({ method: 'GET', url: '/seasons/next', headers: admin.bearer });
    expect(page.body).toContain('href="/admin/region"');
    expect((await start(admin, SPRING)).statusCode).toBe(422);
  });
});
