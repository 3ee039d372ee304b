import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsvTable } from '../../platform/csv.js';
import { testDialects, type TestApp } from '../../testing/harness.js';
import { browserSession, makeActor, postForm, type TestActor } from '../../testing/actors.js';
import { giveRole } from '../../compliance/compliance.testkit.js';
import { eligibleCoach, openBadgeApp, pdfPages, readQr } from '../badges.testkit.js';
import { CARD, sheetSlots } from './sheet.rules.js';
import { up as oneCurrent } from '../../../migrations/0010_badges_one_current.js';

const TOKEN = /^[\w-]{43}$/;

describe.each(testDialects())('printing badges (%s)', (dialect) => {
  let t: TestApp;
  let admin: TestActor;
  let coaches: TestActor[];
  let blocked: TestActor;
  const get = (url: string, who: TestActor = admin, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers: { ...who.bearer, ...headers } });
  const post = (url: string, body: object, who: TestActor = admin) => t.app.inject({ method: 'POST', url, headers: who.bearer, payload: body });
  const list = async (status: string) =>
    (await get(`/api/v1/badges?status=${status}`))
      .json()
      .map((r: { personId: string }) => r.personId)
      .sort();
  const tokenOf = async (personId: string) =>
    (await t.deps.db.selectFrom('badges').select('token').where('person_id', '=', personId).where('replaced_at', 'is', null).executeTakeFirstOrThrow()).token;

  beforeAll(async () => {
    t = await openBadgeApp(dialect);
    admin = await makeActor(t.deps, ['coach-administrator']);
    coaches = [];
    for (const [i, last] of ['Avery', 'Blake', 'Casey'].entries())
      coaches.push(await eligibleCoach(t.deps, { first: 'Coach', last, division: ['6U', '10U', '14U'][i], role: i === 1 ? 'assistant-coach' : 'head-coach', hue: i * 90 }));
    blocked = await makeActor(t.deps);
    await giveRole(t.deps.db, blocked.id, 'head-coach', '2026-fall', '8U');
  });
  afterAll(async () => t?.close());

  it('lists who is eligible, who is blocked with what is missing, as JSON and CSV', async () => {
    expect(await list('eligible')).toEqual(coaches.map((c) => c.id).sort());
    expect(await list('printed')).toEqual([]);
    const rows = (await get('/api/v1/badges?status=blocked')).json();
    expect(rows.map((r: { personId: string }) => r.personId)).toEqual([blocked.id]);
    expect(rows[0].missing.map((m: { code: string }) => m.code)).toEqual([
      'APPLICATION_MISSING',
      'safe-haven',
      'concussion',
      'cardiac-arrest',
      'safesport',
      'coach-8u',
      'PHOTO_MISSING',
    ]);
    expect((await get('/api/v1/badges', coaches[0])).statusCode).toBe(403);
    expect((await get('/api/v1/badges?status=lost')).statusCode).toBe(422);

    const b = await browserSession(t.app, admin.email, admin.password);
    const csv = await t.app.inject({ method: 'GET', url: '/badges/board/export.csv?status=blocked', headers: { cookie: b.cookie } });
    expect(csv.headers['content-disposition']).toBe('attachment; filename="badges-2026-fall.csv"');
    const table = readCsvTable(csv.rawPayload);
    if (!table.ok) throw new Error('CSV not readable');
    expect(table.table.header).toEqual(['Name', 'Email', 'Roles', 'Photo', 'Status', 'Printed on', 'Badge valid', 'Missing']);
    expect(table.table.records.map((r) => r.cells.slice(2, 5))).toEqual([['Head coach, 8U', 'none', 'blocked']]);
  });

  it('prints a sheet of every eligible coach not yet printed, records the run, and mails each coach once', async () => {
    const b = await browserSession(t.app, admin.email, admin.password);
    const r = await postForm(t.app, '/badges/print', b, { season: '2026-fall', scope: 'waiting' });
    expect(r.statusCode).toBe(303);
    const runId = r.headers.location!.split('/').pop()!;
    const run = await t.deps.db.selectFrom('badge_print_runs').selectAll().where('id', '=', runId).executeTakeFirstOrThrow();
    expect([run.kind, Number(run.badge_count), run.printed_by, run.printed_at, run.reprint_of]).toEqual(['sheet', 3, admin.id, t.clock.now().toISOString(), null]);
    const items = await t.deps.db
      .selectFrom('badge_print_items')
      .innerJoin('badges', 'badges.id', 'badge_print_items.badge_id')
      .select(['badges.person_id', 'badges.token', 'badge_print_items.position'])
      .where('run_id', '=', runId)
      .orderBy('position')
      .execute();
    expect(items.map((i) => i.person_id)).toEqual(coaches.map((c) => c.id));
    for (const i of items) expect(i.token).toMatch(TOKEN);
    expect(new Set(items.map((i) => i.token)).size).toBe(3);
    expect(await list('printed')).toEqual(coaches.map((c) => c.id).sort());
    expect(await list('eligible')).toEqual([]);
    const mails = await t.deps.db.selectFrom('outbox').select(['to_address', 'subject']).where('kind', '=', 'badge-ready').orderBy('to_address').execute();
    expect(mails.map((m) => m.to_address)).toEqual(coaches.map((c) => c.email).sort());
    expect((await t.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', runId).execute()).map((a) => a.action)).toEqual(['badge.print.sheet']);

    const again = await postForm(t.app, '/badges/print', b, { season: '2026-fall', scope: 'waiting' });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('No coach is waiting for a badge in Fall 2026');
    const page = await t.app.inject({ method: 'GET', url: `/badges/runs/${runId}`, headers: { cookie: b.cookie } });
    expect(page.body).toContain('Print sheet: 3 badges');
    expect(page.body).toContain('<td>Coach Blake</td><td>Assistant coach, 10U</td><td>current</td>');
  });

  it('renders the run as letter sheets whose QR codes hold the verification links', async () => {
    const run = (await get('/api/v1/badges/print-runs')).json().find((r: { kind: string }) => r.kind === 'sheet');
    const r = await get(`/api/v1/badges/print-runs/${run.id}/sheet.pdf`);
    expect([r.statusCode, r.headers['content-type']]).toEqual([200, 'application/pdf']);
    const [page] = await pdfPages(r.rawPayload, 150);
    const px = 150 / 72;
    const slot = sheetSlots()[1]!;
    const region = { left: Math.round(slot.x * px), top: Math.round((792 - slot.y - CARD.height) * px), width: Math.round(CARD.width * px), height: Math.round(CARD.height * px) };
    expect(await readQr(page!, region)).toBe(`${t.deps.config.baseUrl}/verify/${await tokenOf(coaches[1]!.id)}`);
  });

  it('reprints a run with the same QR codes, and reissues a lost badge with a new one', async () => {
    const first = (await get('/api/v1/badges/print-runs')).json().find((r: { kind: string }) => r.kind === 'sheet');
    const before = await Promise.all(coaches.map((c) => tokenOf(c.id)));
    const re = await post(`/api/v1/badges/print-runs/${first.id}/reprint`, {});
    expect(re.statusCode).toBe(201);
    expect(re.json()).toMatchObject({ count: 3, skipped: 0 });
    const reprint = await t.deps.db.selectFrom('badge_print_runs').selectAll().where('id', '=', re.json().runId).executeTakeFirstOrThrow();
    expect([reprint.kind, reprint.reprint_of]).toEqual(['reprint', first.id]);
    expect(await Promise.all(coaches.map((c) => tokenOf(c.id)))).toEqual(before);

    const lost = await post('/api/v1/badges/print-runs', { personIds: [coaches[0]!.id], reissue: true });
    expect([lost.statusCode, lost.json().count]).toEqual([201, 1]);
    const renewed = await tokenOf(coaches[0]!.id);
    expect(renewed).not.toBe(before[0]);
    const old = (await get(`/verify/${before[0]}`, admin, { accept: 'application/json' })).json();
    expect(old).toMatchObject({ status: 'not-valid', since: '2026-09-15', note: 'A newer badge replaced this one.' });
    expect((await get(`/verify/${renewed}`, admin, { accept: 'application/json' })).json().status).toBe('valid');
    // The reprint of the first run now leaves the replaced badge out.
    expect((await post(`/api/v1/badges/print-runs/${first.id}/reprint`, {})).json()).toMatchObject({ count: 2, skipped: 1 });
    expect(await t.deps.db.selectFrom('outbox').select('id').where('kind', '=', 'badge-ready').execute()).toHaveLength(3);
  });

  it('refuses a chosen set with a blocked coach whole', async () => {
    const runs = (await get('/api/v1/badges/print-runs')).json().length;
    const r = await post('/api/v1/badges/print-runs', { personIds: [coaches[2]!.id, blocked.id] });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.details.errors).toEqual([expect.stringMatching(/^Test\d+ Person cannot have a badge yet: Complete this season's volunteer application/)]);
    expect((await get('/api/v1/badges/print-runs')).json()).toHaveLength(runs);
  });

  it('records a download as printed by the person, without counting it as a board print', async () => {
    const late = await eligibleCoach(t.deps, { first: 'Dana', last: 'Download', division: '12U' });
    const r = await get(`/api/v1/people/${late.id}/badge.pdf`, late);
    expect([r.statusCode, r.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(r.headers['content-disposition']).toBe('attachment; filename="badge-dana-download-2026-fall.pdf"');
    const runs = await t.deps.db
      .selectFrom('badge_print_runs')
      .innerJoin('badge_print_items', 'badge_print_items.run_id', 'badge_print_runs.id')
      .innerJoin('badges', 'badges.id', 'badge_print_items.badge_id')
      .select(['kind', 'printed_by'])
      .where('badges.person_id', '=', late.id)
      .execute();
    expect(runs).toEqual([{ kind: 'download', printed_by: late.id }]);
    expect(await list('eligible')).toEqual([late.id]);
    // Downloading again keeps the same badge (same QR code).
    const token = await tokenOf(late.id);
    await get(`/api/v1/people/${late.id}/badge.pdf`, late);
    expect(await tokenOf(late.id)).toBe(token);
  });

  it('keeps one current badge per coach when prints and downloads of that coach run at once', async () => {
    const busy = await eligibleCoach(t.deps, { first: 'Rory', last: 'Race', division: '10U' });
    const answers = await Promise.all([
      post('/api/v1/badges/print-runs', { personIds: [busy.id], reissue: true }),
      post('/api/v1/badges/print-runs', { personIds: [busy.id], reissue: true }),
      get(`/api/v1/people/${busy.id}/badge.pdf`, busy),
      get(`/api/v1/people/${busy.id}/badge.pdf`, busy),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 200, 200]);
    const current = await t.deps.db.selectFrom('badges').select('token').where('person_id', '=', busy.id).where('replaced_at', 'is', null).execute();
    expect(current).toHaveLength(1);
    expect((await get(`/verify/${current[0]!.token}`, admin, { accept: 'application/json' })).json().status).toBe('valid');
  });

  it('settles two current badges of one coach left from before, keeping the newest', async () => {
    const twice = await eligibleCoach(t.deps, { first: 'Tess', last: 'Twice', division: '12U' });
    await get(`/api/v1/people/${twice.id}/badge.pdf`, twice);
    const [kept] = await t.deps.db.selectFrom('badges').selectAll().where('person_id', '=', twice.id).execute();
    // As a database from before the constraint could hold them.
    await t.deps.db.schema.dropIndex('badges_one_current').execute();
    await t.deps.db
      .insertInto('badges')
      .values({ ...kept!, id: `${kept!.id}-older`, token: `${kept!.token}-older`, issued_at: '2026-09-01T10:00:00.000Z' })
      .execute();
    await oneCurrent(t.deps.db as never);
    const rows = await t.deps.db.selectFrom('badges').select(['id', 'replaced_at']).where('person_id', '=', twice.id).orderBy('id').execute();
    expect(rows).toEqual([
      { id: kept!.id, replaced_at: null },
      { id: `${kept!.id}-older`, replaced_at: '2026-09-01T10:00:00.000Z' },
    ]);
    await expect(
      t.deps.db
        .insertInto('badges')
        .values({ ...kept!, id: 'third', token: 'third' })
        .execute(),
    ).rejects.toThrow();
  });
});
