import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsvTable } from '../platform/csv.js';
import { testDialects, type TestApp } from '../testing/harness.js';
import { makeActor, type TestActor } from '../testing/actors.js';
import { certify, giveApplication, giveCompletions, giveRole, SAFETY } from './compliance.testkit.js';
import { openTestApp } from '../testing/harness.js';

const SEASON = '2026-fall';

describe.each(testDialects())('compliance pages (%s)', (dialect) => {
  let t: TestApp;
  let admin: TestActor;
  let coach: TestActor;
  let newcomer: TestActor;
  let helper: TestActor;
  const get = (url: string, who: TestActor | null = admin, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers: { ...(who ? who.bearer : {}), ...headers } });
  const rename = (id: string, first: string, last: string) => t.deps.db.updateTable('people').set({ first_name: first, last_name: last }).where('id', '=', id).execute();

  beforeAll(async () => {
    t = await openTestApp(dialect);
    const db = t.deps.db;
    admin = await makeActor(t.deps, ['coach-administrator']);
    coach = await makeActor(t.deps);
    await rename(coach.id, 'Carla', 'Certified');
    await certify(db, coach.id, 'head-coach', SEASON, '10U');
    newcomer = await makeActor(t.deps);
    await rename(newcomer.id, 'Nico', 'Newcomer');
    await giveRole(db, newcomer.id, 'head-coach', SEASON, '12U');
    await giveRole(db, newcomer.id, 'assistant-coach', SEASON, '10U');
    await giveApplication(
      db,
      newcomer.id,
      SEASON,
      [
        { role: 'head-coach', division: '12U' },
        { role: 'assistant-coach', division: '10U' },
      ],
      { ssn: false },
    );
    await giveCompletions(db, newcomer.id, [...SAFETY.slice(0, 3), 'coach-10u']);
    helper = await makeActor(t.deps);
    await rename(helper.id, '=HYPERLINK("x")', 'Helper');
    await giveRole(db, helper.id, 'field-helper', SEASON, '8U');
  });
  afterAll(async () => t?.close());

  it('shows the dashboard with its filters, totals by division and role, and a row per role', async () => {
    const r = await get('/compliance');
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('<h1>Coach compliance</h1>');
    expect(r.body).toMatch(/<form method="get" action="\/compliance"[^>]*hx-get="\/compliance"[^>]*hx-target="#compliance-results"/);
    expect(r.body).toContain('1 of 4 volunteer roles certified.');
    expect(r.body).toContain('<caption>Certified by division and role</caption>');
    const names = [...r.body.matchAll(/<tr><td>([^<]+)<small>/g)].map((m) => m[1]);
    expect(names).toEqual(['=HYPERLINK(&quot;x&quot;) Helper', 'Carla Certified', 'Nico Newcomer', 'Nico Newcomer']);
    expect(r.body).toContain('<td>no SSN</td>');
    expect(r.body).toContain('<td>SafeSport</td>');
    expect(r.body).toContain('<td>12U Coach: Online part; 12U Coach: In-person class</td>');
  });

  it('answers only the results to htmx, and the whole page to a history restore', async () => {
    const r = await get('/compliance?division=10U&status=missing', admin, { 'hx-request': 'true' });
    expect(r.statusCode).toBe(200);
    expect(r.body.startsWith('<div id="compliance-results">')).toBe(true);
    expect(r.body).not.toContain('<html');
    expect(r.body).toContain('0 of 1 volunteer roles certified.');
    expect(r.body).toContain('href="/compliance/export.csv?division=10U&amp;status=missing"');
    expect(r.headers.vary).toContain('HX-Request');
    const restore = await get('/compliance?division=10U', admin, { 'hx-request': 'true', 'hx-history-restore-request': 'true' });
    expect(restore.body).toContain('<html');
  });

  it('keeps the chosen filters in the form and filters by name without accents or case', async () => {
    const r = await get('/compliance?q=NICO&element=1&role=assistant-coach');
    expect(r.body).toContain('0 of 1 volunteer roles certified.');
    expect(r.body).toMatch(/<option value="assistant-coach" selected/);
    expect(r.body).toMatch(/<option value="1" selected/);
    expect(r.body).toContain('value="NICO"');
  });

  it('shows what is wrong with a filter', async () => {
    const r = await get('/compliance?division=11U');
    expect(r.statusCode).toBe(422);
    expect(r.body).toContain('There is no division &quot;11U&quot;');
    expect(r.body).toContain('<h1>Coach compliance</h1>');
  });

  it('exports the same rows as CSV, formula-protected', async () => {
    const r = await get('/compliance/export.csv?division=10U&status=missing');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(r.headers['content-disposition']).toBe('attachment; filename="compliance-2026-fall.csv"');
    expect(r.body.startsWith('\uFEFFName,Email,Division,Role,Status,')).toBe(true);
    const table = readCsvTable(r.body);
    if (!table.ok) throw new Error('unreadable CSV');
    expect(table.table.header).toEqual([
      'Name',
      'Email',
      'Division',
      'Role',
      'Status',
      '1 Volunteer application: missing',
      '2 Safety trainings: missing',
      '3 Age-level certification: missing',
    ]);
    expect(table.table.records.map((x) => x.cells)).toEqual([['Nico Newcomer', newcomer.email, '10U', 'Assistant coach', 'Missing', 'no SSN', 'SafeSport', '']]);
    const all = await get('/compliance/export.csv?role=field-helper');
    expect(all.body).toContain(`'=HYPERLINK(""x"") Helper`);
  });

  it('pages the volunteers table by 100, keeping the filters, while totals and CSV cover every row', async () => {
    const ids = Array.from({ length: 130 }, (_, i) => `bulk-${dialect}-${String(i).padStart(3, '0')}`);
    const at = '2026-09-01T00:00:00.000Z';
    await t.deps.db
      .insertInto('people')
      .values(
        ids.map((id) => ({
          id,
          email: `${id}@example.org`,
          first_name: 'Bulk',
          last_name: id,
          birth_date: null,
          phone: null,
          password_hash: null,
          created_at: at,
          updated_at: at,
          merged_into: null,
          association_id: null,
        })),
      )
      .execute();
    await t.deps.db
      .insertInto('role_grants')
      .values(ids.map((id) => ({ id, person_id: id, role: 'assistant-coach', season_id: SEASON, division: '16U', granted_at: at, granted_by: null })))
      .execute();
    const first = await get('/compliance?division=16U');
    expect(first.body).toContain('0 of 130 volunteer roles certified.');
    expect([...first.body.matchAll(/<tr><td>Bulk /g)]).toHaveLength(100);
    expect(first.body).toContain('Page 1 of 2');
    expect(first.body).toContain('<a href="/compliance?division=16U&amp;page=2" hx-get="/compliance?division=16U&amp;page=2"');
    const second = await get('/compliance?division=16U&page=2');
    expect([...second.body.matchAll(/<tr><td>Bulk /g)]).toHaveLength(30);
    expect(second.body).toContain('Previous 100');
    expect(second.body).toContain('<td>0 of 130</td>');
    const csv = await get('/compliance/export.csv?division=16U&page=2');
    expect(csv.body.trim().split('\r\n')).toHaveLength(131);
  });

  it('is for the board only', async () => {
    expect((await get('/compliance', coach)).statusCode).toBe(403);
    expect((await get('/compliance/export.csv', coach)).statusCode).toBe(403);
    expect((await get('/', admin)).body).toContain('<a href="/compliance">Compliance</a>');
    expect((await get('/', coach)).body).not.toContain('<a href="/compliance">');
  });

  it("shows on a volunteer's home page a card per role: certified, or what is missing by element with where to do it", async () => {
    const home = (await get('/', newcomer)).body;
    expect(home).toContain('<h2>Head coach, 12U: not certified yet</h2>');
    expect(home).toContain('<h2>Assistant coach, 10U: not certified yet</h2>');
    expect(home).toContain('<h3>1. Volunteer application</h3>');
    expect(home).toContain("Give your social security number on this season's application");
    expect(home.indexOf('<h2>Assistant coach, 10U')).toBeLessThan(home.indexOf('<h2>Head coach, 12U'));
    expect(home).toContain('<h3>2. Safety trainings</h3>');
    expect(home).toContain('<h3>3. Age-level certification</h3>');
    expect(home).toContain('<a href="/volunteer">Open your volunteer application</a>');
    expect(home).toContain('<a href="/training">Open your trainings and classes</a>');
    const done = (await get('/', coach)).body;
    expect(done).toContain('<h2>Head coach, 10U: certified</h2>');
    expect(done).not.toContain('<h3>1. Volunteer application</h3>');
    expect((await get('/', admin)).body).not.toContain('certified</h2>');
  });
});
