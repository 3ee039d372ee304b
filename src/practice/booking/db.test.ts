import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/clock.js';
import { openTestDb, testDialects, type TestDb } from '../../testing/harness.js';
import { inTransaction, isRetryable, isUniqueViolation, locksRows } from '../../platform/db/transactions.js';
import { insertTeams, SEASON } from '../practice.testkit.js';

describe.each(testDialects())('practice database helpers on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(dialect);
  });
  afterAll(async () => t?.close());

  it('knows which dialect locks rows', () => {
    expect(locksRows(t.database.db)).toBe(dialect === 'postgres');
  });

  it('recognises the unique constraint on (slot, team), the last line of defence against double booking', async () => {
    const db = t.database.db;
    const [team] = await insertTeams(db, SEASON, [{ division: '10U' }]);
    const slot = {
      id: newId(),
      season_id: SEASON,
      slot_key: 'brett:1:17:00-18:00',
      field_id: 'brett',
      weekday: 1,
      start_time: '17:00',
      end_time: '18:00',
      minutes: 60,
      capacity: 2,
      divisions_json: '["10U"]',
      origin: 'manual',
      created_at: 'x',
      updated_at: 'x',
    };
    await db.insertInto('practice_slots').values(slot).execute();
    const booking = () => ({ id: newId(), season_id: SEASON, slot_id: slot.id, team_id: team!, booked_at: 'x', booked_by: null, via: 'coach' });
    await db.insertInto('practice_bookings').values(booking()).execute();
    const error = await db
      .insertInto('practice_bookings')
      .values(booking())
      .execute()
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error('other'))).toBe(false);
  });

  it('runs a transaction again after a serialization failure or deadlock, and only then', async () => {
    let calls = 0;
    const result = await inTransaction(t.database.db, async () => {
      calls++;
      if (calls < 3) throw Object.assign(new Error('could not serialize access'), { code: calls === 1 ? '40001' : '40P01' });
      return 'done';
    });
    expect([result, calls]).toEqual(['done', 3]);
    let other = 0;
    await expect(
      inTransaction(t.database.db, async () => {
        other++;
        throw Object.assign(new Error('no'), { code: '23505' });
      }),
    ).rejects.toThrow('no');
    expect(other).toBe(1);
    expect(isRetryable({ code: '40001' })).toBe(true);
  });
});
