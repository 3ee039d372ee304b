import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database.js';
import { GROUP_LIMIT, inTransaction } from './transactions.js';

/**
 * Group commit on SQLite: transactions that arrive together run one after the other inside one
 * database transaction, each in a savepoint, and are answered after the one shared commit. A second
 * connection on the same file shows what is committed.
 */
describe('transactions on SQLite share their commit', () => {
  let dir: string;
  let database: Database;
  let outside: SQLite.Database;
  let db: Kysely<any>;
  const committed = () => (outside.prepare('select n from items order by n').all() as { n: number }[]).map((r) => r.n);
  const insert = (trx: Kysely<any>, n: number, parent: number | null = null) => trx.insertInto('items').values({ n, parent }).execute();
  const seen = async (trx: Kysely<any>) => Number((await sql<{ c: number }>`select count(*) as c from items`.execute(trx)).rows[0]!.c);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'touchline-group-'));
    database = openDatabase({ file: join(dir, 'group.db') });
    db = database.db as unknown as Kysely<any>;
    await sql`create table items (n integer primary key, parent integer references items (n))`.execute(db);
    outside = new SQLite(join(dir, 'group.db'));
  });
  afterEach(async () => {
    outside.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs transactions started together in order, each seeing the ones before, all committed at once', async () => {
    const during: number[][] = [];
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        inTransaction(database.db, async (trx) => {
          const before = await seen(trx as unknown as Kysely<any>);
          await insert(trx as unknown as Kysely<any>, n);
          during.push(committed());
          return before;
        }),
      ),
    );
    expect(answers).toEqual([0, 1, 2, 3, 4]);
    // While the group ran, another connection saw nothing of it: one commit, at the end.
    expect(during).toEqual([[], [], [], [], []]);
    expect(committed()).toEqual([1, 2, 3, 4, 5]);
  });

  it('rolls back a member that fails to its savepoint alone and gives it its own error', async () => {
    const results = await Promise.allSettled([
      inTransaction(database.db, (trx) => insert(trx as unknown as Kysely<any>, 1).then(() => 'one')),
      inTransaction(database.db, async (trx) => {
        await insert(trx as unknown as Kysely<any>, 2);
        throw new Error('second refuses');
      }),
      // The database refuses this one (the key is taken by the first): only it fails.
      inTransaction(database.db, (trx) => insert(trx as unknown as Kysely<any>, 1).then(() => 'duplicate')),
      inTransaction(database.db, async (trx) => {
        await insert(trx as unknown as Kysely<any>, 4);
        return seen(trx as unknown as Kysely<any>);
      }),
    ]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : ((r.reason as { code?: string; message: string }).code ?? (r.reason as Error).message)))).toEqual([
      'one',
      'second refuses',
      'SQLITE_CONSTRAINT_PRIMARYKEY',
      2,
    ]);
    expect(committed()).toEqual([1, 4]);
  });

  it('fails every member when the shared commit fails, and stores nothing of any of them', async () => {
    const results = await Promise.allSettled([
      inTransaction(database.db, (trx) => insert(trx as unknown as Kysely<any>, 1)),
      inTransaction(database.db, async (trx) => {
        // A deferred foreign key is checked at COMMIT: this member makes the commit itself fail.
        await sql`pragma defer_foreign_keys = on`.execute(trx);
        await insert(trx as unknown as Kysely<any>, 2, 99);
      }),
      inTransaction(database.db, (trx) => insert(trx as unknown as Kysely<any>, 3)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(committed()).toEqual([]);
    // The connection is usable again afterwards.
    await inTransaction(database.db, (trx) => insert(trx as unknown as Kysely<any>, 5));
    expect(committed()).toEqual([5]);
  });

  it('takes the write lock when a transaction begins, so another process waits instead of failing later', async () => {
    outside.pragma('busy_timeout = 0');
    await inTransaction(database.db, async (trx) => {
      await seen(trx as unknown as Kysely<any>);
      // Only read so far: a deferred transaction would not hold the lock yet.
      expect(() => outside.prepare('insert into items (n) values (7)').run()).toThrow(/locked|busy/i);
    });
    outside.prepare('insert into items (n) values (7)').run();
    expect(committed()).toEqual([7]);
  });

  it('rolls back a transaction that runs alone and fails', async () => {
    await expect(
      inTransaction(database.db, async (trx) => {
        await insert(trx as unknown as Kysely<any>, 1);
        throw new Error('alone and refused');
      }),
    ).rejects.toThrow('alone and refused');
    expect(committed()).toEqual([]);
  });

  it(`puts at most ${GROUP_LIMIT} transactions in one commit, and answers every one`, async () => {
    const count = GROUP_LIMIT * 2 + 3;
    const outsideSeen: number[] = [];
    const answers = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        inTransaction(database.db, async (trx) => {
          outsideSeen.push(committed().length);
          await insert(trx as unknown as Kysely<any>, i + 1);
          return i;
        }),
      ),
    );
    expect(answers).toEqual(Array.from({ length: count }, (_, i) => i));
    // Three groups: the second saw the first's rows committed, the third the first two groups'.
    expect([...new Set(outsideSeen)]).toEqual([0, GROUP_LIMIT, GROUP_LIMIT * 2]);
    expect(committed()).toHaveLength(count);
  });
});
