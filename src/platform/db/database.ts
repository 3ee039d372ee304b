import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteAdapter, SqliteDialect, SqliteDriver, sql, type DatabaseConnection } from 'kysely';
import { createRequire } from 'node:module';
import type pg from 'pg';
import type { DB } from './schema.js';
import { namedStatementPool } from './named-statements.js';

export type Db = Kysely<DB>;
export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: Db;
  dialect: Dialect;
  /** The raw SQLite handle (online backup, pragmas); undefined on PostgreSQL. */
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… selects PostgreSQL; otherwise `file` is the SQLite file (':memory:' for tests). */
  url?: string;
  file?: string;
  /** PostgreSQL schema to work in (tests use one schema per test file). */
  pgSchema?: string;
  poolSize?: number;
  /** How long opening one PostgreSQL connection may take (default CONNECT_TIMEOUT_MS). */
  connectTimeoutMs?: number;
}

/** How long a request waits for a free pooled connection before it is answered 503. */
const POOL_WAIT_MS = 30_000;
/** How long opening one PostgreSQL connection may take (an unreachable host fails in this time). */
export const CONNECT_TIMEOUT_MS = 5_000;

/**
 * The PostgreSQL driver, loaded the first time a PostgreSQL database is opened: a SQLite region (and
 * every command on one) never pays for loading it (about 50 ms of a command's start).
 */
let pgModule: typeof pg | undefined;
function loadPg(): typeof pg {
  if (!pgModule) {
    pgModule = createRequire(import.meta.url)('pg') as typeof pg;
    // PostgreSQL returns int8 (count(*)) as text; the app only counts rows, so read it as a number.
    pgModule.types.setTypeParser(20, (v) => Number(v));
  }
  return pgModule;
}

/** pg's Client with its own connect timeout (the pool's connectionTimeoutMillis also bounds the wait for a free connection). */
const timedClient = (pg: typeof import('pg').default, ms: number) =>
  class TimedClient extends pg.Client {
    constructor(config: pg.ClientConfig = {}) {
      super({ ...config, connectionTimeoutMillis: ms });
      // A connection the server drops emits 'error' on its client at any time of its life: while
      // it connects, between the pool handing it out and the checked-out listener being attached
      // (named-statements.ts), or idle. Unheard, it ends the process (seen once in CI's outage
      // test); the query in flight still fails with the cause, and the pool drops the client.
      this.on('error', () => undefined);
    }
  };

export function openDatabase(opts: DatabaseOptions): Database {
  if (opts.url) {
    const pg = loadPg();
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.poolSize ?? 10,
      ...(opts.pgSchema ? { options: `-c search_path=${opts.pgSchema}` } : {}),
      // Waiting for a free connection in the sign-up rush may take a while; a request still gets
      // an answer (503 DATABASE_UNAVAILABLE) rather than hanging when none comes in this time.
      connectionTimeoutMillis: POOL_WAIT_MS,
      // Each new connection gets a short time of its own (a database host that does not answer).
      Client: timedClient(pg, opts.connectTimeoutMs ?? CONNECT_TIMEOUT_MS),
      // TCP keepalive probes notice a database host that vanished without closing the connection.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    // An idle connection the server dropped (a restart, a failover, pg_terminate_backend) is
    // reported here after the pool has already removed it; unheard, the 'error' event would end
    // the process. The next request opens a new connection, so the portal serves again by itself
    // once the database is back.
    pool.on('error', () => undefined);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: namedStatementPool(pool) }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  const file = opts.file ?? ':memory:';
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // Every commit is synced to disk before it is answered: with NORMAL, a booking answered 201
  // could be rolled back by a power cut (SQLite's documented WAL trade-off), and "never lose a
  // booking" is a promise. PostgreSQL's default (synchronous_commit on) gives the same guarantee.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Deleted and overwritten content is zeroed in the file, not left in free space: a sealed SSN
  // erased after its background check must not survive in the page it was on, nor on the free
  // list (see checkpointAfterErase for the write-ahead log). The cost is writing zeros over what a
  // delete or update frees; the portal's writes are few and small, and its commits are synced anyway.
  sqlite.pragma('secure_delete = ON');
  const db = new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
}

/**
 * SQLite transactions begin IMMEDIATE: they take the file's write lock at BEGIN (waiting up to
 * busy_timeout for another process's write to finish) rather than at their first write. Within the
 * portal nothing changes (its one connection runs one transaction at a time); but the CLI may write
 * to the same file while the portal runs, and a deferred transaction that had read before the other
 * process wrote would then fail with SQLITE_BUSY at its first write instead of waiting its turn.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver() {
    return new ImmediateSqliteDriver(this.config);
  }
  constructor(private readonly config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/**
 * Kysely prepares every SQLite statement again for each query; preparing is a large part of a
 * small query's cost. Statements are reused by their SQL text (Kysely runs one query at a time on
 * its single SQLite connection, so a statement is never used by two queries at once).
 */
function withStatementCache(sqlite: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (text: string) => {
      let s = cache.get(text);
      if (!s) {
        if (cache.size >= 1000) cache.clear();
        s = sqlite.prepare(text);
        cache.set(text, s);
      }
      return s;
    },
  };
}

/** True when the database answers a trivial query. */
export async function ping(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

/**
 * After a change that erased something that must leave no trace (a sealed SSN), moves SQLite's
 * write-ahead log into the database file and empties it (wal_checkpoint(TRUNCATE)): until then the
 * log keeps the pages as they were before the change, the erased value included, and the file's
 * copy of the page keeps it until the checkpoint overwrites it (zeroed, with secure_delete). Run it
 * after the commit, never inside a transaction. It waits (busy_timeout) for another process reading
 * the file; answers false when that reader held on and the log could not be emptied entirely.
 * Nothing to do on PostgreSQL, whose files and log the server manages (vacuum reclaims the space).
 */
export async function checkpointAfterErase(db: Db): Promise<boolean> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return true;
  if (db.isTransaction) throw new Error('checkpointAfterErase runs after the commit, not inside a transaction.');
  const { rows } = await sql<{ busy: number; log: number; checkpointed: number }>`pragma wal_checkpoint(TRUNCATE)`.execute(db);
  return rows[0]?.busy === 0;
}

/** JSON text helpers: JSON is stored as text on both databases. */
export const toJson = (v: unknown): string => JSON.stringify(v);
export const fromJson = <T>(v: string | null | undefined, fallback: T): T => (v ? (JSON.parse(v) as T) : fallback);
