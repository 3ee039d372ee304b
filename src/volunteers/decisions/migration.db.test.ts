import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { newId } from '../../platform/clock.js';
import { openTestDb, testDialects, type TestDb } from '../../testing/harness.js';
import * as m0018 from '../../../migrations/0018_role_requests.js';

/** Migration 0018 on applications written before it: their roles were granted at once, and stay granted. */

const AT = '2026-09-01T16:00:00.000Z';

describe.each(testDialects())('migration 0018, role requests (%s)', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(dialect);
  });
  afterAll(async () => t?.close());

  it('records the roles of existing applications as granted when they were submitted, by nobody', async () => {
    const db = t.database.db;
    const person = newId();
    await db
      .insertInto('people')
      .values({
        id: person,
        email: null,
        first_name: 'A',
        last_name: 'B',
        birth_date: null,
        phone: null,
        password_hash: null,
        created_at: AT,
        updated_at: AT,
        merged_into: null,
        association_id: null,
      })
      .execute();
    const application = newId();
    const roles = [
      { role: 'head-coach', division: '10U' },
      { role: 'field-helper', division: '8U' },
      { role: 'head-coach', division: '10U' },
    ];
    await db
      .insertInto('applications')
      .values({
        id: application,
        person_id: person,
        season_id: '2026-fall',
        roles_json: JSON.stringify(roles),
        birth_date: '1990-01-01',
        is_adult: 1,
        ssn_sealed: null,
        ssn_last4: null,
        signature_name: null,
        signed_at: null,
        signed_ip: null,
        submitted_at: AT,
        background_check: 'pending',
        check_recorded_at: null,
        check_recorded_by: null,
      })
      .execute();
    await sql`drop table role_requests`.execute(db);
    await m0018.up(db);
    const rows = await db
      .selectFrom('role_requests')
      .select(['application_id', 'person_id', 'season_id', 'role', 'division', 'status', 'requested_at', 'decided_at', 'decided_by'])
      .orderBy('role')
      .execute();
    expect(rows).toEqual([
      {
        application_id: application,
        person_id: person,
        season_id: '2026-fall',
        role: 'field-helper',
        division: '8U',
        status: 'granted',
        requested_at: AT,
        decided_at: AT,
        decided_by: null,
      },
      {
        application_id: application,
        person_id: person,
        season_id: '2026-fall',
        role: 'head-coach',
        division: '10U',
        status: 'granted',
        requested_at: AT,
        decided_at: AT,
        decided_by: null,
      },
    ]);
  });
});
