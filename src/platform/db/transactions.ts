import { PostgresAdapter, sql } from 'kysely';
import type { Db } from './database.js';

/*
 * The dialect differences of concurrent writes, in one place: row locks (PostgreSQL only; SQLite
 * runs one transaction at a time on its single connection, and lets the ones that arrive together
 * share a commit), and which errors mean "try the transaction again" or "a unique constraint said no".
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
 * serialization failure or a deadlock; anything else is thrown at once. On SQLite the transaction
 * may share its commit with others (groupCommit): its answer comes once its writes are on disk.
 */
export async function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>, attempts = 5): Promise<T> {
  const pg = locksRows(db);
  for (let i = 1; ; i++) {
    try {
      return await (pg ? db.transaction().execute((trx) => work(trx)) : groupCommit(db, work));
    } catch (e) {
      if (!isRetryable(e) || i >= attempts) throw e;
      await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 5 * i)));
    }
  }
}

interface Member {
  work: (trx: Db) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Transactions waiting for the SQLite connection, per database; `running` while a group drains them. */
const queues = new WeakMap<Db, { waiting: Member[]; running: boolean }>();

/** At most this many transactions share one commit. */
export const GROUP_LIMIT = 64;

/**
 * Group commit on SQLite. Every commit is synced to disk (synchronous=FULL) and the sync, not the
 * statements, is most of a small write transaction's cost; the one connection runs transactions one
 * after the other anyway. So the transactions that arrive while one runs wait together, and then
 * run one after the other inside one database transaction, each in a savepoint of its own, sharing
 * one commit: a member that fails is rolled back to its savepoint alone and gets its own error; the
 * others are answered only after the commit (a failed commit fails them all, nothing of theirs
 * stored). Each member still sees the writes of the ones before it, exactly as if they had
 * committed one by one in that order.
 */
function groupCommit<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = { waiting: [], running: false }));
  const q = queue;
  return new Promise<T>((resolve, reject) => {
    q.waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
    if (q.running) return;
    q.running = true;
    // The transactions of requests read in this turn of the event loop join the first group.
    setImmediate(() => void drain(db, q));
  });
}

async function drain(db: Db, q: { waiting: Member[]; running: boolean }): Promise<void> {
  while (q.waiting.length) await runGroup(db, q.waiting.splice(0, GROUP_LIMIT));
  q.running = false;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

async function runGroup(db: Db, group: Member[]): Promise<void> {
  const outcomes: Outcome[] = [];
  try {
    await db.transaction().execute(async (trx) => {
      // A transaction alone needs no savepoint: its failure rolls the transaction back.
      if (group.length === 1) return void outcomes.push({ ok: true, value: await group[0]!.work(trx) });
      for (const member of group) {
        await sql`savepoint group_member`.execute(trx);
        try {
          outcomes.push({ ok: true, value: await member.work(trx) });
        } catch (error) {
          await sql`rollback to group_member`.execute(trx);
          outcomes.push({ ok: false, error });
        }
        await sql`release group_member`.execute(trx);
      }
    });
  } catch (error) {
    for (const member of group) member.reject(error);
    return;
  }
  group.forEach((member, i) => {
    const o = outcomes[i]!;
    if (o.ok) member.resolve(o.value);
    else member.reject(o.error);
  });
}
