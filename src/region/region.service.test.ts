import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestApp, openTestDb, testDialects, TEST_NOW, type TestApp, type TestDb } from '../testing/harness.js';
import { fixedClock } from '../platform/clock.js';
import { openDatabase, type Database } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { makeActor } from '../testing/actors.js';
import { editRegionConfig, ensureRegionConfig, getRegionConfig, getStoredConfig, saveRegionConfig } from './region.service.js';
import { addNextMembershipYear, removeField, upsertField } from './config-edits.rules.js';

const actor = { id: null, name: 'test' };

describe.each(testDialects())('region configuration on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('ships the defaults on first start', async () => {
    const s = await getStoredConfig(t.deps.db);
    expect(s.version).toBe(1);
    expect(s.config.fields.map((f) => f.name)).toEqual(['Richmond', 'Brett', 'Campus El Segundo']);
  });

  it('refuses a document with problems whole, writing nothing', async () => {
    const before = await getStoredConfig(t.deps.db);
    const bad = structuredClone(before.config);
    bad.region.timeZone = 'Nowhere/Land';
    bad.fields.push({ ...bad.fields[0]! });
    await expect(saveRegionConfig(t.deps.db, t.deps.clock, actor, bad, before.version)).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { errors: expect.arrayContaining([expect.stringContaining('time zone'), expect.stringContaining('used twice')]) },
    });
    expect(await getStoredConfig(t.deps.db)).toEqual(before);
  });

  it('refuses a save made on a version someone else changed (STALE)', async () => {
    const s = await getStoredConfig(t.deps.db);
    await editRegionConfig(t.deps.db, t.deps.clock, actor, s.version, 'test', (c) => void upsertField(c, null, { name: 'North Park', address: '', capacity: '3' }));
    await expect(
      editRegionConfig(t.deps.db, t.deps.clock, actor, s.version, 'test', (c) => void upsertField(c, null, { name: 'South Park', capacity: '1' })),
    ).rejects.toMatchObject({ code: 'STALE' });
    const after = await getStoredConfig(t.deps.db);
    expect(after.config.fields.map((f) => f.id)).toContain('north-park');
    expect(after.config.fields.map((f) => f.id)).not.toContain('south-park');
  });

  it('records before and after of each change in the audit log', async () => {
    const rows = await t.deps.db.selectFrom('audit_log').selectAll().where('entity', '=', 'region').execute();
    const add = rows.find((r) => JSON.parse(r.after_json!).fields.some((f: { id: string }) => f.id === 'north-park'))!;
    expect(JSON.parse(add.before_json!).fields.some((f: { id: string }) => f.id === 'north-park')).toBe(false);
  });

  it('refuses to remove a field a division practices on', async () => {
    await expect(editRegionConfig(t.deps.db, t.deps.clock, actor, null, 'test', (c) => removeField(c, 'brett'))).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('6U'),
    });
  });

  it('adds the next membership year with shifted seasons', async () => {
    const s = await editRegionConfig(t.deps.db, t.deps.clock, actor, null, 'test', addNextMembershipYear);
    expect(s.config.membershipYears.map((y) => y.id)).toEqual(['MY2026', 'MY2027']);
    expect(s.config.membershipYears[1]!.seasons.map((x) => [x.id, x.startDate])).toEqual([
      ['2027-fall', '2027-08-01'],
      ['2028-spring', '2028-01-01'],
    ]);
  });

  it('exposes GET/PUT /api/v1/region with If-Match', async () => {
    const admin = await makeActor(t.deps, ['region-administrator']);
    const got = (await t.app.inject({ method: 'GET', url: '/api/v1/region', headers: admin.bearer })).json();
    got.config.region.name = 'Seaside';
    const stale = await t.app.inject({ method: 'PUT', url: '/api/v1/region', headers: { ...admin.bearer, 'if-match': String(got.version - 1) }, payload: got.config });
    expect(stale.statusCode).toBe(409);
    const ok = await t.app.inject({ method: 'PUT', url: '/api/v1/region', headers: { ...admin.bearer, 'if-match': String(got.version) }, payload: got.config });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().config.region.name).toBe('Seaside');
    const bad = await t.app.inject({ method: 'PUT', url: '/api/v1/region', headers: admin.bearer, payload: { region: 1 } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.errors.length).toBeGreaterThan(0);
  });

  it("answers the contacts' emails to the board only; anyone else gets names and roles", async () => {
    const emails = (await getStoredConfig(t.deps.db)).config.region.contacts.map((c) => c.email);
    expect(emails.length).toBeGreaterThan(0);
    for (const role of ['registrar', 'coach-administrator', 'safety-director', 'region-administrator'] as const) {
      const board = await makeActor(t.deps, [role]);
      const got = (await t.app.inject({ method: 'GET', url: '/api/v1/region', headers: board.bearer })).json();
      expect(
        got.config.region.contacts.map((c: { email: string }) => c.email),
        role,
      ).toEqual(emails);
    }
    for (const roles of [[], ['head-coach'], ['mentor'], ['instructor']] as const) {
      const other = await makeActor(t.deps, [...roles]);
      const r = await t.app.inject({ method: 'GET', url: '/api/v1/region', headers: other.bearer });
      expect(r.statusCode).toBe(200);
      for (const e of emails) expect(r.body, roles.join() || 'no role').not.toContain(e);
      expect(r.json().config.region.contacts[0]).toEqual({ role: expect.any(String), name: expect.any(String) });
    }
  });
});

describe.each(testDialects())('the parsed configuration kept between requests on %s', (dialect) => {
  let first: TestDb;
  let second: Database;
  let cleanup: () => void = () => undefined;
  beforeAll(async () => {
    if (dialect === 'sqlite') {
      // Two handles on one file: the server and, say, `touchline region import` beside it.
      const dir = mkdtempSync(join(tmpdir(), 'tl-config-'));
      const a = openDatabase({ file: join(dir, 'region.db') });
      await migrateToLatest(a.db);
      first = { database: a, close: () => a.close() };
      second = openDatabase({ file: join(dir, 'region.db') });
      cleanup = () => rmSync(dir, { recursive: true, force: true });
    } else {
      first = await openTestDb(dialect);
      second = first.reopen!();
    }
    await ensureRegionConfig(first.database.db, fixedClock(TEST_NOW));
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    cleanup();
  });

  it('answers the same frozen copy while nobody saves', async () => {
    const a = await getRegionConfig(first.database.db);
    expect(await getRegionConfig(first.database.db)).toBe(a);
    expect(Object.isFrozen(a.fields[0])).toBe(true);
    expect(() => (a.fields as unknown as unknown[]).push({})).toThrow(TypeError);
  });

  it('reads a version saved through another connection on the next request', async () => {
    const before = await getRegionConfig(first.database.db);
    await editRegionConfig(second.db, fixedClock(TEST_NOW), actor, null, 'test', (c) => void (c.region.name = 'Elsewhere'));
    const after = await getRegionConfig(first.database.db);
    expect(after).not.toBe(before);
    expect(after.region.name).toBe('Elsewhere');
    // Each database keeps its own: the other connection's copy is its own too.
    expect((await getRegionConfig(second.db)).region.name).toBe('Elsewhere');
  });
});
