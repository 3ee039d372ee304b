import type { Kysely } from 'kysely';
import { newId } from '../platform/clock.js';
import type { Db } from '../platform/db/database.js';
import type { Catalog } from './merge-catalog.rules.js';
import type { Row } from './merge.rules.js';
import { PERSON_COLUMNS } from './merge.store.js';

/**
 * Test data for merges (database tests and the browser flow): rows referring to a person in every
 * table that PERSON_COLUMNS lists, including one conflict of each unique kind.
 */

const AT = '2026-09-01T10:00:00.000Z';

export async function insertPerson(
  db: Db,
  p: { first: string; last: string; email: string | null; birthDate?: string | null; passwordHash?: string | null; mergedInto?: string | null },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('people')
    .values({
      id,
      email: p.email,
      first_name: p.first,
      last_name: p.last,
      birth_date: p.birthDate ?? null,
      phone: null,
      password_hash: p.passwordHash ?? null,
      created_at: AT,
      updated_at: AT,
      merged_into: p.mergedInto ?? null,
      association_id: null,
    })
    .execute();
  return id;
}

const grant = (db: Db, personId: string, role: string, season: string, division: string, by: string | null = null) =>
  db.insertInto('role_grants').values({ id: newId(), person_id: personId, role, season_id: season, division, granted_at: AT, granted_by: by }).execute();

const application = (db: Db, personId: string, season: string, checkBy: string | null = null) =>
  db
    .insertInto('applications')
    .values({
      id: newId(),
      person_id: personId,
      season_id: season,
      roles_json: JSON.stringify([{ role: 'head-coach', division: '10U' }]),
      birth_date: '1980-01-01',
      is_adult: 1,
      ssn_sealed: 'sealed',
      ssn_last4: '1234',
      signature_name: 'Some Name',
      signed_at: AT,
      signed_ip: '127.0.0.1',
      submitted_at: AT,
      background_check: 'clear',
      check_recorded_at: checkBy ? AT : null,
      check_recorded_by: checkBy,
    })
    .execute();

const completion = (db: Db, personId: string, training: string, part: string, on: string, by: string | null = null) =>
  db
    .insertInto('completions')
    .values({
      id: newId(),
      person_id: personId,
      training,
      part,
      completed_on: on,
      source: 'online',
      certificate_no: newId().slice(0, 8),
      class_session_id: null,
      recorded_by: by,
      recorded_at: AT,
    })
    .execute();

async function classSession(db: Db, instructor: string): Promise<string> {
  const id = newId();
  await db
    .insertInto('class_sessions')
    .values({
      id,
      training: 'coach-12u',
      part: 'in-person',
      date: '2026-10-01',
      start_time: '09:00',
      end_time: '12:00',
      place: 'Clubhouse',
      capacity: 20,
      instructor_id: instructor,
      created_at: AT,
      cancelled_at: null,
    })
    .execute();
  return id;
}

const registration = (db: Db, session: string, personId: string, creditedBy: string | null = null) =>
  db
    .insertInto('class_registrations')
    .values({ id: newId(), session_id: session, person_id: personId, registered_at: AT, credited_at: creditedBy ? AT : null, credited_by: creditedBy })
    .execute();

async function file(db: Db, owner: string | null): Promise<string> {
  const id = newId();
  await db
    .insertInto('files')
    .values({ id, owner_id: owner, purpose: 'certificate', file_name: 'c.pdf', content_type: 'application/pdf', size: 3, data: Buffer.from('pdf'), created_at: AT })
    .execute();
  return id;
}

const certificateRequest = async (db: Db, personId: string, decidedBy: string | null = null) =>
  db
    .insertInto('certificate_requests')
    .values({
      id: newId(),
      person_id: personId,
      training: 'safesport',
      part: 'online',
      completed_on: '2026-03-01',
      file_id: await file(db, personId),
      status: decidedBy ? 'verified' : 'pending',
      reason: null,
      decided_by: decidedBy,
      decided_at: decidedBy ? AT : null,
      created_at: AT,
    })
    .execute();

/** The conflicts the data holds: table -> rows dropped by a merge of `merged` into `kept`. */
export const EXPECTED_DROPS: Record<string, number> = { role_grants: 1, applications: 1, completions: 1, class_registrations: 1 };

/**
 * Rows for `kept` and `merged` in every table, `other` being a third person (a colleague whose
 * rows were recorded by the merged account). The merged account's rows also record things done
 * by it (granted_by, recorded_by, credited_by, decided_by, by_id, actor_id, instructor_id).
 */
export async function fillEveryTable(db: Db, kept: string, merged: string, other: string): Promise<void> {
  const earlier = await insertPerson(db, { first: 'Earlier', last: 'Duplicate', email: null, mergedInto: merged });
  // role_grants: one in common (dropped), one only on the merged account, one granted by it
  await grant(db, kept, 'head-coach', '2026-fall', '10U');
  await grant(db, merged, 'head-coach', '2026-fall', '10U');
  await grant(db, merged, 'assistant-coach', '2026-fall', '12U');
  await grant(db, other, 'field-helper', '2026-fall', '8U', merged);
  await db
    .insertInto('sessions')
    .values([kept, merged].map((p) => ({ id_hash: newId(), person_id: p, created_at: AT, expires_at: '2026-12-01T00:00:00.000Z', last_seen_at: AT })))
    .execute();
  await db.insertInto('api_tokens').values({ id: newId(), person_id: merged, name: 'phone', token_hash: newId(), created_at: AT, last_used_at: null, revoked_at: null }).execute();
  await db
    .insertInto('one_time_links')
    .values({ token_hash: newId(), purpose: 'reset', person_id: merged, created_at: AT, expires_at: '2026-09-01T11:00:00.000Z', used_at: null })
    .execute();
  await db
    .insertInto('audit_log')
    .values({ id: newId(), at: AT, actor_id: merged, actor_name: 'Merged Person', action: 'role.grant', entity: 'person', entity_id: other, before_json: null, after_json: null })
    .execute();
  await file(db, merged);
  // applications: fall on both (the merged one is dropped), spring only on the merged account
  await application(db, kept, '2026-fall');
  await application(db, merged, '2026-fall');
  await application(db, merged, '2027-spring');
  await application(db, other, '2026-fall', merged);
  // completions: the same Safe Haven on both (dropped), concussion only on the merged account
  await completion(db, kept, 'safe-haven', 'online', '2026-02-01');
  await completion(db, merged, 'safe-haven', 'online', '2026-02-01');
  await completion(db, merged, 'concussion', 'online', '2026-02-02');
  await completion(db, other, 'safesport', 'online', '2026-02-03', merged);
  // classes: the merged account teaches one; both registered for another, the merged one credited
  const taught = await classSession(db, merged);
  const attended = await classSession(db, other);
  await registration(db, attended, kept);
  await registration(db, attended, merged, other);
  await registration(db, taught, other, merged);
  await certificateRequest(db, merged);
  await certificateRequest(db, other, merged);
  await db.insertInto('account_merges').values({ id: newId(), kept_id: merged, merged_id: earlier, at: AT, by_id: merged, summary_json: '{}' }).execute();
}

/** The tables fillEveryTable writes by hand; fillOtherTables covers the rest of PERSON_COLUMNS. */
export const HAND_FILLED = new Set([
  'people',
  'role_grants',
  'sessions',
  'api_tokens',
  'one_time_links',
  'audit_log',
  'files',
  'applications',
  'completions',
  'class_sessions',
  'class_registrations',
  'certificate_requests',
  'account_merges',
]);

const dummy = (type: string): unknown => (/int|numeric|real|double/.test(type) ? 1 : /blob|bytea/.test(type) ? Buffer.from('x') : `t-${newId()}`);

/**
 * Inserts a row with every required column filled: given values first, people references to
 * `person`, other references to a parent row made the same way, the rest with dummy values.
 */
export async function insertRow(db: Db, catalog: Catalog, table: string, values: Row, person: string, depth = 0): Promise<Row> {
  if (depth > 6) throw new Error(`insertRow: references nest too deep at ${table}`);
  const row: Row = {};
  for (const c of catalog.columns.filter((x) => x.table === table)) {
    if (c.column in values) row[c.column] = values[c.column];
    else if (c.references?.table === 'people') row[c.column] = c.required ? person : null;
    else if (c.references && c.required) row[c.column] = (await insertRow(db, catalog, c.references.table, {}, person, depth + 1))[c.references.column];
    else if (c.required) row[c.column] = dummy(c.type);
  }
  await (db as unknown as Kysely<any>).insertInto(table).values(row).execute();
  return row;
}

/**
 * Rows of the merged account for every moved column of a table not filled by hand, and, where
 * the column is part of a unique key, a row of the kept account with the same key (one conflict
 * each). Answers the rows a merge is expected to drop, by table.
 */
export async function fillOtherTables(db: Db, catalog: Catalog, kept: string, merged: string, other: string): Promise<Record<string, number>> {
  const drops: Record<string, number> = {};
  for (const c of PERSON_COLUMNS) {
    if (c.action !== 'move' || HAND_FILLED.has(c.table)) continue;
    const row = await insertRow(db, catalog, c.table, { [c.column]: merged }, other);
    if (!c.unique) continue;
    const same = Object.fromEntries(c.unique.map((u) => [u, row[u]]));
    await insertRow(db, catalog, c.table, { ...same, [c.column]: kept }, other);
    drops[c.table] = (drops[c.table] ?? 0) + 1;
  }
  return drops;
}
