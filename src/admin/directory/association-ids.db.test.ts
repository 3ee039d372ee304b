import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { newId } from '../../platform/clock.js';
import { openTestDb, testDialects, type TestDb } from '../../testing/harness.js';
import * as m0015 from '../../../migrations/0015_association_ids.js';

/** Migration 0015 on data written before it: association ids cleaned, then unique where set. */

const AT = '2026-09-01T16:00:00.000Z';

describe.each(testDialects())('migration 0015, association ids (%s)', (dialect) => {
  let t: TestDb;
  const idOf = async (id: string) => (await t.database.db.selectFrom('people').select('association_id').where('id', '=', id).executeTakeFirstOrThrow()).association_id;
  async function person(associationId: string | null, mergedInto: string | null = null): Promise<string> {
    const id = newId();
    await t.database.db
      .insertInto('people')
      .values({
        id,
        email: null,
        first_name: 'A',
        last_name: 'B',
        birth_date: null,
        phone: null,
        password_hash: null,
        created_at: AT,
        updated_at: AT,
        merged_into: mergedInto,
        association_id: associationId,
      })
      .execute();
    return id;
  }
  const rerun = async () => {
    await sql`drop index people_association_id`.execute(t.database.db);
    await m0015.up(t.database.db);
  };

  beforeAll(async () => {
    t = await openTestDb(dialect);
  });
  afterAll(async () => t?.close());

  it('trims ids, clears blank ones and the copy left on a merged account, then refuses a second holder', async () => {
    await sql`drop index people_association_id`.execute(t.database.db);
    const live = await person(' 90100001 ');
    const blank = await person('');
    const tombstone = await person('90100001', live);
    const kept = await person('90100002');
    await m0015.up(t.database.db);
    expect([await idOf(live), await idOf(blank), await idOf(tombstone), await idOf(kept)]).toEqual(['90100001', null, null, '90100002']);
    await expect(person('90100002')).rejects.toThrow();
    await person(null);
    await person(null);
  });

  it('stops, naming the ids, when two live accounts hold the same one', async () => {
    await sql`drop index people_association_id`.execute(t.database.db);
    await person('90100002');
    await expect(m0015.up(t.database.db)).rejects.toThrow(/1 association id\(s\) are held by more than one account \(90100002\)/);
    await t.database.db.updateTable('people').set({ association_id: null }).where('association_id', '=', '90100002').execute();
    await m0015.up(t.database.db);
    await expect(rerun()).resolves.toBeUndefined();
  });
});
