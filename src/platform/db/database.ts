import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, SqliteDriver, sql, type DatabaseConnection } from 'kysely';
import pg from 'pg';
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
}

// PostgreSQL returns int8 (count(*)) as text; the app only counts rows, so read it as a number.
pg.types.setTypeParser(20, (v) => Number(v));

export function openDatabase(opts: DatabaseOptions): Database {
  if (opts.url) {
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.poolSize ?? 10,
      ...(opts.pgSchema ? { options: `-c search_path=${opts.pgSchema}` } : {}),
    });
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

/** JSON text helpers: JSON is stored as text on both databases. */
export const toJson = (v: unknown): string => JSON.stringify(v);
export const fromJson = <T>(v: string | null | undefined, fallback: T): T => (v ? (JSON.parse(v) as T) : fallback);
