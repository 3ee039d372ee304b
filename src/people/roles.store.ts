/** Reads and writes of role grants (who holds which role, in which season and division). */
import type { Selectable } from 'kysely';
import type { Db } from '../platform/db/database.js';
import type { PlatformTables } from '../platform/db/schema.js';
import type { Role } from '../platform/roles.js';

export type RoleGrantRow = Selectable<PlatformTables['role_grants']>;

/** A person's role grants, by season then role. */
export async function listRoleGrants(db: Db, personId: string) {
  return db.selectFrom('role_grants').selectAll().where('person_id', '=', personId).orderBy('season_id').orderBy('role').execute();
}

/** How many grants of this role there are (one per person, season and division). */
export async function countPeopleWithRole(db: Db, role: Role): Promise<number> {
  const r = await db
    .selectFrom('role_grants')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', role)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Whether anyone holds this role (in any season). */
export async function anyoneHoldsRole(db: Db, role: Role): Promise<boolean> {
  const r = await db.selectFrom('role_grants').select('id').where('role', '=', role).limit(1).executeTakeFirst();
  return !!r;
}

/** The id of the grant of exactly this role, season ('' standing) and division ('' none) to a person, if any. */
export async function findGrantId(db: Db, g: { personId: string; role: string; seasonId: string; division: string }): Promise<string | undefined> {
  const r = await db
    .selectFrom('role_grants')
    .select('id')
    .where('person_id', '=', g.personId)
    .where('role', '=', g.role)
    .where('season_id', '=', g.seasonId)
    .where('division', '=', g.division)
    .executeTakeFirst();
  return r?.id;
}

/** One grant by its id. */
export async function findGrant(db: Db, id: string): Promise<RoleGrantRow | undefined> {
  return db.selectFrom('role_grants').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertGrant(db: Db, row: RoleGrantRow): Promise<void> {
  await insertGrants(db, [row]);
}

/** Adds many role grants in one statement (the caller keeps batches to a few hundred rows). */
export async function insertGrants(db: Db, rows: readonly RoleGrantRow[]): Promise<void> {
  await db
    .insertInto('role_grants')
    .values([...rows])
    .execute();
}

export async function deleteGrant(db: Db, id: string): Promise<void> {
  await db.deleteFrom('role_grants').where('id', '=', id).execute();
}
