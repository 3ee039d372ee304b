import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../platform/clock.js';
import { openDatabase, type Database, type Db } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { ensureRegionConfig, getRegionConfig, type RegionConfig } from '../region/index.js';
import { mergeAccounts } from '../people/people.testkit.js';
import { makeActor } from '../testing/actors.js';
import { openTestApp, openTestDb, testDialects, TEST_NOW, type TestApp, type TestDb } from '../testing/harness.js';
import { dashboard } from './compliance.service.js';
import { loadVersion } from './compliance.store.js';
import { certify, giveApplication, giveCompletions, giveRole, SAFETY } from './compliance.testkit.js';

/**
 * The dashboard keeps its worked-out rows while compliance's data version stays the same: the
 * database bumps it in the writer's own transaction, so every write to what the rows depend on, by
 * any code path, another instance included, shows on the next read; nothing else does.
 */

const SEASON = '2026-fall';
type Row = { personId: string; role: string; division: string; certified: boolean; firstName: string; missing: { code: string }[] };
const brief = (rows: readonly Row[]) => rows.map((r) => `${r.firstName}|${r.role}|${r.division}|${r.certified ? 'ok' : r.missing.map((m) => m.code).join(',')}`);

describe.each(testDialects())('compliance data version (%s)', (dialect) => {
  let tdb: TestDb;
  let db: Db;
  let person: string;
  beforeAll(async () => {
    tdb = await openTestDb(dialect);
    db = tdb.database.db;
    await ensureRegionConfig(db, fixedClock(TEST_NOW));
    person = 'p-version';
    await db.insertInto('people').values({ id: person, email: 'v@example.org', first_name: 'Vi', last_name: 'Version', created_at: TEST_NOW, updated_at: TEST_NOW }).execute();
  });
  afterAll(async () => tdb?.close());

  async function bumps(write: () => Promise<unknown>): Promise<boolean> {
    const before = await loadVersion(db);
    await write();
    return (await loadVersion(db)) !== before;
  }

  it('is bumped by every write to grants, applications, completions and people names or merges', async () => {
    expect(await bumps(() => giveRole(db, person, 'head-coach', SEASON, '10U'))).toBe(true);
    expect(await bumps(() => giveApplication(db, person, SEASON, [{ role: 'head-coach', division: '10U' }]))).toBe(true);
    expect(await bumps(() => giveCompletions(db, person, ['safe-haven']))).toBe(true);
    expect(await bumps(() => db.updateTable('applications').set({ background_check: 'flagged' }).where('person_id', '=', person).execute())).toBe(true);
    expect(await bumps(() => db.updateTable('completions').set({ completed_on: '2026-03-01' }).where('person_id', '=', person).execute())).toBe(true);
    expect(await bumps(() => db.deleteFrom('completions').where('person_id', '=', person).execute())).toBe(true);
    expect(await bumps(() => db.updateTable('role_grants').set({ division: '12U' }).where('person_id', '=', person).execute())).toBe(true);
    expect(await bumps(() => db.deleteFrom('role_grants').where('person_id', '=', person).execute())).toBe(true);
    expect(await bumps(() => db.deleteFrom('applications').where('person_id', '=', person).execute())).toBe(true);
    expect(await bumps(() => db.updateTable('people').set({ first_name: 'Vera' }).where('id', '=', person).execute())).toBe(true);
    expect(await bumps(() => db.updateTable('people').set({ email: 'vera@example.org' }).where('id', '=', person).execute())).toBe(true);
    expect(await bumps(() => db.updateTable('people').set({ merged_into: 'someone' }).where('id', '=', person).execute())).toBe(true);
  });

  it('is not bumped by writes compliance does not read, nor by a rolled-back write', async () => {
    expect(await bumps(() => db.updateTable('people').set({ phone: '555-0100', updated_at: '2026-09-16T00:00:00.000Z' }).where('id', '=', person).execute())).toBe(false);
    expect(await bumps(() => db.insertInto('app_meta').values({ key: 'h4.test', value: '1' }).execute())).toBe(false);
    const rolledBack = () =>
      db
        .transaction()
        .execute(async (trx) => {
          await giveCompletions(trx, person, ['concussion']);
          throw new Error('changed my mind');
        })
        .catch(() => undefined);
    expect(await bumps(rolledBack)).toBe(false);
  });
});

describe.each(testDialects())('the dashboard kept between reads (%s)', (dialect) => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const rows = async (config?: RegionConfig) => brief((await dashboard(t.deps, { season: SEASON }, config)).rows as readonly Row[]);

  beforeAll(async () => {
    t = await openTestApp(dialect);
    for (const name of ['Ana', 'Ben', 'Cy']) {
      const a = await makeActor(t.deps, [], { email: `${name.toLowerCase()}.kept.${dialect}@example.org` });
      await t.deps.db.updateTable('people').set({ first_name: name, last_name: 'Kept' }).where('id', '=', a.id).execute();
      ids[name] = a.id;
    }
    await certify(t.deps.db, ids.Ana!, 'head-coach', SEASON, '8U');
    await giveRole(t.deps.db, ids.Ben!, 'assistant-coach', SEASON, '8U');
  });
  afterAll(async () => t?.close());

  it('shows each change on the next read, whoever wrote it', async () => {
    const db = t.deps.db;
    expect(await rows()).toEqual(['Ana|head-coach|8U|ok', 'Ben|assistant-coach|8U|APPLICATION_MISSING,safe-haven,concussion,cardiac-arrest,safesport,coach-8u']);
    await giveApplication(db, ids.Ben!, SEASON, [{ role: 'assistant-coach', division: '8U' }]);
    await giveCompletions(db, ids.Ben!, [...SAFETY]);
    expect(await rows()).toEqual(['Ana|head-coach|8U|ok', 'Ben|assistant-coach|8U|coach-8u']);
    await giveCompletions(db, ids.Ben!, ['coach-8u']);
    expect(await rows()).toEqual(['Ana|head-coach|8U|ok', 'Ben|assistant-coach|8U|ok']);
    await db.updateTable('applications').set({ background_check: 'flagged' }).where('person_id', '=', ids.Ana!).execute();
    expect((await rows())[0]).toBe('Ana|head-coach|8U|BACKGROUND_FLAGGED');
    await db.updateTable('people').set({ first_name: 'Anna' }).where('id', '=', ids.Ana!).execute();
    expect((await rows())[0]).toMatch(/^Anna\|/);
    await giveRole(db, ids.Cy!, 'field-helper', SEASON, '6U');
    expect(await rows()).toHaveLength(3);
    await db.deleteFrom('role_grants').where('person_id', '=', ids.Cy!).execute();
    expect(await rows()).toHaveLength(2);
  });

  it('drops a merged account at once', async () => {
    const twin = await makeActor(t.deps, [], { email: `twin.kept.${dialect}@example.org` });
    await t.deps.db.updateTable('people').set({ first_name: 'Twin', last_name: 'Kept' }).where('id', '=', twin.id).execute();
    await giveRole(t.deps.db, twin.id, 'field-helper', SEASON, '6U');
    expect(await rows()).toContain('Twin|field-helper|6U|APPLICATION_MISSING,safe-haven,coach-6u');
    const admin = await makeActor(t.deps, ['region-administrator']);
    await mergeAccounts(t.deps, { id: admin.id, name: 'admin' }, ids.Ben!, [twin.id]);
    expect((await rows()).some((r) => r.startsWith('Twin|'))).toBe(false);
  });

  it('follows a new configuration and the region date', async () => {
    const config = await getRegionConfig(t.deps.db);
    const strict = structuredClone(config) as RegionConfig;
    strict.trainings.find((x) => x.code === 'safe-haven')!.expiresAfterMonths = 12;
    expect((await rows(strict)).filter((r) => r.endsWith('|ok'))).toHaveLength(1);
    t.clock.set('2027-02-15T17:00:00.000Z');
    try {
      // The testkit's completions are from 2026-02-01: Safe Haven has now expired.
      expect((await rows(strict)).filter((r) => r.endsWith('|ok'))).toHaveLength(0);
      expect((await rows(config)).filter((r) => r.endsWith('|ok'))).toHaveLength(1);
    } finally {
      t.clock.set(TEST_NOW);
    }
  });
});

describe.each(testDialects())('the kept rows brought up to date (%s)', (dialect) => {
  let t: TestApp;
  const people: string[] = [];
  const DIVISIONS = ['6U', '8U', '10U', '12U', '14U'];
  /** Worked out afresh: inside a transaction nothing kept is used. */
  const afresh = () => t.deps.db.transaction().execute(async (trx) => (await dashboard({ db: trx, clock: t.deps.clock }, { season: SEASON })).rows);
  const kept = async () => (await dashboard(t.deps, { season: SEASON })).rows;

  beforeAll(async () => {
    t = await openTestApp(dialect);
    for (let i = 0; i < 30; i++) {
      const a = await makeActor(t.deps, [], { email: `up${i}.${dialect}@example.org` });
      await t.deps.db
        .updateTable('people')
        .set({ first_name: `P${i % 7}`, last_name: ['Rey', 'Abe', 'Moss'][i % 3]! })
        .where('id', '=', a.id)
        .execute();
      people.push(a.id);
      const division = DIVISIONS[i % DIVISIONS.length]!;
      if (i % 3 === 0) await certify(t.deps.db, a.id, 'head-coach', SEASON, division);
      else await giveRole(t.deps.db, a.id, i % 2 ? 'assistant-coach' : 'field-helper', SEASON, division);
    }
  });
  afterAll(async () => t?.close());

  it('equals the season worked out afresh after each kind of change', async () => {
    const db = t.deps.db;
    const changes: (() => Promise<unknown>)[] = [
      () => giveCompletions(db, people[1]!, [...SAFETY, 'coach-8u']),
      () => giveApplication(db, people[1]!, SEASON, [{ role: 'assistant-coach', division: '8U' }]),
      () => db.updateTable('people').set({ last_name: 'Aaronson' }).where('id', '=', people[5]!).execute(),
      () => giveRole(db, people[7]!, 'head-coach', SEASON, '6U'),
      () => db.deleteFrom('role_grants').where('person_id', '=', people[8]!).execute(),
      () => db.updateTable('applications').set({ background_check: 'flagged' }).where('person_id', 'in', [people[0]!, people[3]!]).execute(),
      () => db.deleteFrom('completions').where('person_id', '=', people[6]!).where('training', '=', 'safe-haven').execute(),
      () => db.updateTable('role_grants').set({ person_id: people[10]! }).where('person_id', '=', people[11]!).execute(),
      () => db.updateTable('people').set({ merged_into: people[13]! }).where('id', '=', people[12]!).execute(),
      () => db.updateTable('role_grants').set({ division: '19U' }).where('person_id', '=', people[14]!).execute(),
    ];
    expect(await kept()).toEqual(await afresh());
    for (const change of changes) {
      await change();
      expect(await kept()).toEqual(await afresh());
    }
    // Everyone at once.
    for (const id of people) await giveCompletions(db, id, ['safe-haven'], '2026-05-05');
    expect(await kept()).toEqual(await afresh());
  });
});

describe.each(testDialects())('the kept rows as the region date moves on (%s)', (dialect) => {
  let t: TestApp;
  let config: RegionConfig;
  const at = (day: string) => `${day}T17:00:00.000Z`;
  const read = (db: Db) => dashboard({ db, clock: t.clock }, { season: SEASON }, config).then((d) => d.rows);
  const afresh = () => t.deps.db.transaction().execute((trx) => read(trx));

  beforeAll(async () => {
    t = await openTestApp(dialect);
    config = structuredClone(await getRegionConfig(t.deps.db)) as RegionConfig;
    config.trainings.find((x) => x.code === 'safe-haven')!.expiresAfterMonths = 12;
    config.trainings.find((x) => x.code === 'concussion')!.expiresAfterMonths = 1;
    // Completions whose expiry (or own date, for those not done yet) falls across the weeks stepped through.
    const dates = ['2025-09-03', '2025-09-30', '2025-10-01', '2025-10-31', '2026-08-29', '2026-08-31', '2026-09-09', '2026-09-30', '2026-10-02', '2026-10-31'];
    for (let i = 0; i < dates.length; i++) {
      const a = await makeActor(t.deps, [], { email: `day${i}.${dialect}@example.org` });
      await certify(t.deps.db, a.id, 'head-coach', SEASON, '8U');
      await t.deps.db.deleteFrom('completions').where('person_id', '=', a.id).where('training', 'in', ['safe-haven', 'concussion', 'coach-8u']).execute();
      await giveCompletions(t.deps.db, a.id, ['safe-haven', 'concussion'], dates[i]!);
      await giveCompletions(t.deps.db, a.id, ['coach-8u'], dates[(i + 3) % dates.length]!);
    }
  });
  afterAll(async () => t?.close());

  it('equals the season worked out afresh on every day, and when the date goes back', async () => {
    const certifiedOn: number[] = [];
    t.clock.set(at('2026-08-25'));
    try {
      for (let day = 0; day < 80; day += 1 + (day % 3)) {
        t.clock.set(at(new Date(Date.UTC(2026, 7, 25 + day)).toISOString().slice(0, 10)));
        const kept = await read(t.deps.db);
        expect(kept).toEqual(await afresh());
        certifiedOn.push(kept.filter((r) => r.certified).length);
      }
      expect(new Set(certifiedOn).size).toBeGreaterThanOrEqual(3);
      t.clock.set(at('2026-09-10'));
      expect(await read(t.deps.db)).toEqual(await afresh());
    } finally {
      t.clock.set(TEST_NOW);
    }
  });
});

describe.each(testDialects())('two instances on one database (%s)', (dialect) => {
  let a: Database;
  let b: Database;
  let close: () => Promise<void>;
  beforeAll(async () => {
    if (dialect === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'touchline-kept-'));
      a = openDatabase({ file: join(dir, 'one.db') });
      await migrateToLatest(a.db);
      b = openDatabase({ file: join(dir, 'one.db') });
      close = async () => {
        await a.close();
        await b.close();
        rmSync(dir, { recursive: true, force: true });
      };
    } else {
      const tdb = await openTestDb(dialect);
      a = tdb.database;
      b = tdb.reopen!(2);
      close = async () => {
        await b.close();
        await tdb.close();
      };
    }
    await ensureRegionConfig(a.db, fixedClock(TEST_NOW));
  });
  afterAll(async () => close?.());

  it("sees the other instance's writes on its next read", async () => {
    const clock = fixedClock(TEST_NOW);
    const read = async (database: Database) => (await dashboard({ db: database.db, clock }, { season: SEASON })).rows.map((r) => `${r.lastName}|${r.certified}`);
    await a.db
      .insertInto('people')
      .values({ id: 'p-two', email: 'two@example.org', first_name: 'Two', last_name: 'Instances', created_at: TEST_NOW, updated_at: TEST_NOW })
      .execute();
    expect(await read(b)).toEqual([]);
    await certify(a.db, 'p-two', 'head-coach', SEASON, '10U');
    expect(await read(b)).toEqual(['Instances|true']);
    await a.db.deleteFrom('completions').where('person_id', '=', 'p-two').where('training', '=', 'safesport').execute();
    expect(await read(b)).toEqual(['Instances|false']);
    expect(await read(a)).toEqual(['Instances|false']);
  });
});
