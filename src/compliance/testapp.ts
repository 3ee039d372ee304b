import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../app.js';
import { features } from '../features.js';
import { fixedClock } from '../platform/clock.js';
import { openDatabase, type Dialect } from '../platform/db/database.js';
import { sql } from 'kysely';
import { migrations } from '../../migrations/index.js';
import type { Deps, Feature } from '../platform/feature.js';
import { Mailer } from '../platform/mail.js';
import { ensureRegionConfig } from '../region/region.service.js';
import { openTestDb, testConfig, TEST_NOW, type TestApp, type TestDb } from '../testing/harness.js';

/**
 * openTestDb, except that on PostgreSQL the migrations are applied in order without Kysely's
 * Migrator: the Migrator introspects every schema of the database, so while other test files
 * create and drop their schemas it fails now and then ("kysely_migration_lock does not exist",
 * "schema t_… does not exist"). The schema comes out the same, with its migrations recorded.
 */
export async function openIsolatedTestDb(dialect: Dialect): Promise<TestDb> {
  if (dialect === 'sqlite') return openTestDb(dialect);
  const url = process.env.TEST_DATABASE_URL!;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.query(`create table ${schema}.kysely_migration (name varchar(255) not null primary key, timestamp varchar(255) not null)`);
  await admin.query(`create table ${schema}.kysely_migration_lock (id varchar(255) not null primary key, is_locked integer not null default 0)`);
  await admin.end();
  const database = openDatabase({ url, pgSchema: schema, poolSize: 20 });
  for (const name of Object.keys(migrations).sort()) {
    await migrations[name]!.up(database.db);
    await database.db.executeQuery(sql`insert into kysely_migration (name, timestamp) values (${name}, ${new Date(0).toISOString()})`.compile(database.db));
  }
  return {
    database,
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

/**
 * openTestApp with extra features added to those of src/features.ts (each once), for tests of a
 * feature before it is registered there.
 */
export async function openTestAppWith(dialect: Dialect, extra: Feature[], now = TEST_NOW): Promise<TestApp> {
  const tdb = await openIsolatedTestDb(dialect);
  const clock = fixedClock(now);
  await ensureRegionConfig(tdb.database.db, clock);
  const config = testConfig();
  const deps: Deps = { database: tdb.database, db: tdb.database.db, clock, mailer: new Mailer(clock, config.mailFrom, null), config };
  const names = new Set(features.map((f) => f.name));
  const app = await buildApp(deps, { features: [...features, ...extra.filter((f) => !names.has(f.name))] });
  return {
    app,
    deps,
    clock,
    close: async () => {
      await app.close();
      await tdb.close();
    },
  };
}
