import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, testDialects, type TestDb } from '../../testing/harness.js';
import { prepared, type Arg } from './prepared.js';

const person = (id: string, email: string, merged: string | null = null) => ({
  id,
  email,
  first_name: 'P',
  last_name: id,
  birth_date: null,
  phone: null,
  password_hash: null,
  created_at: '2026-01-01',
  updated_at: '2026-01-01',
  merged_into: merged,
  association_id: null,
});

const byEmail = prepared((db, arg: Arg<{ email: string }>) =>
  db.selectFrom('people').select(['id', 'last_name']).where('email', '=', arg('email')).where('merged_into', 'is', null).orderBy('id').limit(5),
);

describe.each(testDialects())('prepared queries on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(dialect);
    await t.database.db
      .insertInto('people')
      .values([person('a1', 'a@x.org'), person('a2', 'b@x.org'), person('a3', 'c@x.org', 'a1')])
      .execute();
  });
  afterAll(async () => t?.close());

  it('answers each call with its own values, as the query built each time would', async () => {
    const db = t.database.db;
    for (const email of ['a@x.org', 'b@x.org', 'c@x.org', 'nobody@x.org']) {
      const built = await db.selectFrom('people').select(['id', 'last_name']).where('email', '=', email).where('merged_into', 'is', null).orderBy('id').limit(5).execute();
      expect(await byEmail(db, { email })).toEqual(built);
    }
    expect(await byEmail(db, { email: 'b@x.org' })).toEqual([{ id: 'a2', last_name: 'a2' }]);
  });

  it('writes with its values and runs on the transaction it is given', async () => {
    const insert = prepared((db, arg: Arg<{ id: string; email: string }>) =>
      db.insertInto('people').values({ ...person('', ''), id: arg('id'), email: arg('email'), last_name: arg('id') }),
    );
    await t.database.db
      .transaction()
      .execute(async (trx) => {
        await insert(trx, { id: 'p9', email: 'p9@x.org' });
        expect(await byEmail(trx, { email: 'p9@x.org' })).toEqual([{ id: 'p9', last_name: 'p9' }]);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await byEmail(t.database.db, { email: 'p9@x.org' })).toEqual([]);
  });

  it('refuses a call that leaves out a value, rather than running with a hole in it', async () => {
    await expect(byEmail(t.database.db, {} as { email: string })).rejects.toThrow('no value for "email"');
  });
});
