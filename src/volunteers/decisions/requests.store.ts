import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { VolunteerTables } from '../volunteers.tables.js';

/** Queries of the roles applications ask for (role_requests, migration 0018). */

export type RoleRequestRow = Selectable<VolunteerTables['role_requests']>;
export type RequestStatus = 'requested' | 'granted' | 'declined';

export async function requestsOfApplication(db: Db, applicationId: string): Promise<RoleRequestRow[]> {
  return db.selectFrom('role_requests').selectAll().where('application_id', '=', applicationId).orderBy('requested_at').orderBy('id').execute();
}

export async function insertRequests(db: Db, rows: readonly RoleRequestRow[]): Promise<void> {
  if (rows.length)
    await db
      .insertInto('role_requests')
      .values([...rows])
      .execute();
}

export async function deleteRequests(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length)
    await db
      .deleteFrom('role_requests')
      .where('id', 'in', [...ids])
      .execute();
}

/** A request with what the board's list and the applicant's mail need of the person. */
export interface RequestListRow extends RoleRequestRow {
  first_name: string;
  last_name: string;
  email: string | null;
}

export interface RequestFilter {
  season: string;
  status: RequestStatus | '';
  role: string;
  division: string;
  /** Only requests of these roles (those the reader may decide). */
  roles: readonly string[];
}

function filtered(db: Db, f: RequestFilter) {
  let q = db.selectFrom('role_requests').innerJoin('people', 'people.id', 'role_requests.person_id').where('people.merged_into', 'is', null);
  q = q.where('role_requests.role', 'in', f.roles.length ? [...f.roles] : ['']);
  if (f.season) q = q.where('role_requests.season_id', '=', f.season);
  if (f.status) q = q.where('role_requests.status', '=', f.status);
  if (f.role) q = q.where('role_requests.role', '=', f.role);
  if (f.division) q = q.where('role_requests.division', '=', f.division);
  return q;
}

/** One page of requests, oldest first (the board works through them in the order they came). */
export async function listRequests(db: Db, f: RequestFilter, page: number, pageSize: number): Promise<{ rows: RequestListRow[]; total: number }> {
  const count = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await filtered(db, f)
    .selectAll('role_requests')
    .select(['people.first_name', 'people.last_name', 'people.email'])
    .orderBy('role_requests.requested_at')
    .orderBy('people.last_name')
    .orderBy('people.first_name')
    .orderBy('role_requests.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total: Number(count.n) };
}

/** The requests with these ids (those that exist). */
export async function findRequests(db: Db, ids: readonly string[]): Promise<RequestListRow[]> {
  if (!ids.length) return [];
  return db
    .selectFrom('role_requests')
    .innerJoin('people', 'people.id', 'role_requests.person_id')
    .selectAll('role_requests')
    .select(['people.first_name', 'people.last_name', 'people.email'])
    .where('role_requests.id', 'in', [...ids])
    .execute();
}

/**
 * Records a decision on a request still waiting; false when it was no longer waiting (decided by
 * someone else meanwhile), so that deciding twice never writes twice.
 */
export async function decideRequest(db: Db, id: string, d: { status: 'granted' | 'declined'; at: string; by: string | null; reason: string | null }): Promise<boolean> {
  const r = await db
    .updateTable('role_requests')
    .set({ status: d.status, decided_at: d.at, decided_by: d.by, reason: d.reason })
    .where('id', '=', id)
    .where('status', '=', 'requested')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** How many requests of these roles wait for a decision (every season). */
export async function countWaiting(db: Db, roles: readonly string[]): Promise<number> {
  if (!roles.length) return 0;
  const r = await db
    .selectFrom('role_requests')
    .innerJoin('people', 'people.id', 'role_requests.person_id')
    .where('people.merged_into', 'is', null)
    .where('role_requests.status', '=', 'requested')
    .where('role_requests.role', 'in', [...roles])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The roles a person asked for in a season that still wait for the board (for compliance: what an applicant needs). */
export async function waitingRolesOf(db: Db, personId: string, seasonId: string): Promise<{ role: string; division: string }[]> {
  return db
    .selectFrom('role_requests')
    .select(['role', 'division'])
    .where('person_id', '=', personId)
    .where('season_id', '=', seasonId)
    .where('status', '=', 'requested')
    .orderBy('role')
    .orderBy('division')
    .execute();
}
