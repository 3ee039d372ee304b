import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, testDialects, type TestDb } from '../../testing/harness.js';
import type { Database } from './database.js';

/** Statements this session has prepared under a name (the view lists only the asking session's). */
const namedHere = async (db: Kysely<any>, like: string) => {
  const r = await sql<{ n: number }>`select count(*) as n from pg_prepared_statements where statement like ${like}`.execute(db);
  return Number(r.rows[0]!.n);
};

describe.skipIf(!testDialects().includes('postgres'))('named statements on PostgreSQL', () => {
  let t: TestDb;
  let one: Database;
  beforeAll(async () => {
    t = await openTestDb('postgres');
    // One connection, so that every query below runs in the same session.
    one = t.reopen!(1);
  });
  afterAll(async () => {
    await one?.close();
    await t?.close();
  });

  it('prepares a query text once per connection and reuses it', async () => {
    const db = one.db as unknown as Kysely<any>;
    for (const email of ['a@x.org', 'b@x.org', 'c@x.org']) await db.selectFrom('people').select('id').where('email', '=', email).execute();
    expect(await namedHere(db, 'select "id" from "people" where "email" = $1')).toBe(1);
  });

  it('keeps a bounded number per connection and runs further texts unprepared', async () => {
    const db = one.db as unknown as Kysely<any>;
    for (let i = 0; i < 320; i++) await sql.raw(`select ${i} as bounded_${i}`).execute(db);
    const held = await namedHere(db, 'select % as bounded_%');
    expect(held).toBeGreaterThan(200);
    expect(held).toBeLessThanOrEqual(300);
  });

  it('runs a statement unprepared once a migration changed its result under a live connection', async () => {
    const fresh = t.reopen!(1);
    const db = fresh.db as unknown as Kysely<any>;
    await sql`create table named_probe (a integer)`.execute(t.database.db);
    await sql`insert into named_probe values (1)`.execute(t.database.db);
    expect(await db.selectFrom('named_probe').selectAll().execute()).toEqual([{ a: 1 }]);
    await sql`alter table named_probe add column b integer`.execute(t.database.db);
    // Outside a transaction the call is simply run again, unprepared.
    expect(await db.selectFrom('named_probe').selectAll().execute()).toEqual([{ a: 1, b: null }]);
    // Inside one, the transaction has failed: its caller gets the error, the next call runs.
    expect(await db.selectFrom('named_probe').select('a').execute()).toEqual([{ a: 1 }]);
    await sql`alter table named_probe alter column a type bigint`.execute(t.database.db);
    const inside = db.transaction().execute((trx) => trx.selectFrom('named_probe').select('a').execute());
    await expect(inside).rejects.toMatchObject({ code: '0A000' });
    expect(await db.selectFrom('named_probe').select('a').execute()).toEqual([{ a: 1 }]);
    await fresh.close();
  });
});
