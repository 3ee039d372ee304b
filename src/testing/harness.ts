import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Config } from '../platform/config.js';
import { buildApp } from '../app.js';
import { fixedClock } from '../platform/clock.js';
import { openDatabase, type Database, type Dialect } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import type { App, Deps } from '../platform/feature.js';
import { Mailer } from '../platform/mail.js';
import { ensureRegionConfig } from '../region/index.js';

/** Database kinds the tests run on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testDialects(): Dialect[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export const TEST_NOW = '2026-09-15T17:00:00.000Z';

export const testConfig = (over: Partial<Config> = {}): Config => ({
  port: 0,
  host: '127.0.0.1',
  sqliteFile: ':memory:',
  databaseUrl: null,
  baseUrl: 'http://localhost:3000',
  smtpUrl: null,
  mailFrom: 'Touchline <test@touchline.invalid>',
  logLevel: 'silent',
  secureCookies: false,
  trustProxy: false,
  ...over,
});

export interface TestDb {
  database: Database;
  /**
   * Another connection pool on the same database, as a second server instance or the CLI would
   * have (PostgreSQL only: the SQLite test database lives in memory). The caller closes it.
   */
  reopen?: (poolSize?: number) => Database;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database: SQLite in memory, or a new PostgreSQL schema that is dropped after.
 */
export async function openTestDb(dialect: Dialect): Promise<TestDb> {
  if (dialect === 'sqlite') {
    const database = openDatabase({ file: ':memory:' });
    await migrateToLatest(database.db);
    return { database, close: () => database.close() };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = openDatabase({ url, pgSchema: schema, poolSize: 8 });
  await migrateToLatest(database.db, schema);
  return {
    database,
    reopen: (poolSize = 8) => openDatabase({ url, pgSchema: schema, poolSize }),
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

export interface TestApp {
  app: App;
  deps: Deps;
  clock: ReturnType<typeof fixedClock>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** The instant the fixed clock starts at (default TEST_NOW). */
  now?: string;
  /** An already migrated database to use instead of a fresh one (e.g. a file-backed SQLite). */
  database?: Database;
  /** Fastify logger options, e.g. { level: 'trace', stream }. */
  logger?: object;
}

/** The whole application on a fresh test database with a fixed clock (no real time anywhere). */
export async function openTestApp(dialect: Dialect = 'sqlite', opts: TestAppOptions = {}): Promise<TestApp> {
  const tdb = opts.database ? { database: opts.database, close: () => opts.database!.close() } : await openTestDb(dialect);
  const clock = fixedClock(opts.now ?? TEST_NOW);
  await ensureRegionConfig(tdb.database.db, clock);
  const config = testConfig();
  const deps: Deps = { database: tdb.database, db: tdb.database.db, clock, mailer: new Mailer(clock, config.mailFrom, null), config };
  const app = await buildApp(deps, opts.logger ? { logger: opts.logger } : {});
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
