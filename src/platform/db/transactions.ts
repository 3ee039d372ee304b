import { PostgresAdapter } from 'kysely';
import type { Db } from './database.js';

/*
 * The dialect differences of concurrent writes, in one place: row locks (PostgreSQL only; SQLite
 * runs one transaction at a time on its single connection), and which errors mean "try the
 * transaction again" or "a unique constraint said no".
 */

/** True on PostgreSQL, where transactions lock the rows they decide on (SELECT … FOR UPDATE). */
export const locksRows = (db: Db): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

const code = (e: unknown): string => String((e as { code?: unknown })?.code ?? '');

/** PostgreSQL serialization failure or deadlock: the transaction may simply be run again. */
export const isRetryable = (e: unknown): boolean => ['40001', '40P01'].includes(code(e));

/** A unique constraint refused the write (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE/PRIMARYKEY). */
export const isUniqueViolation = (e: unknown): boolean => ['23505', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY'].includes(code(e));

/**
 * Runs `work` in one transaction, again (up to `attempts` times) when PostgreSQL reports a
 * serialization failure or a deadlock. Anything else is thrown at once.
 */
export async function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await db.transaction().execute((trx) => work(trx));
    } catch (e) {
      if (!isRetryable(e) || i >= attempts) throw e;
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 5 * i)));
    }
  }
}
