import type { Selectable } from 'kysely';
import type { Db } from '../platform/db/database.js';
import type { PlatformTables } from '../platform/db/schema.js';
import type { Role } from './roles.js';

export type PersonRow = Selectable<PlatformTables['people']>;

export interface Person {
  id: string;
  email: string | null;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  phone: string | null;
  createdAt: string;
}

export const toPerson = (r: PersonRow): Person => ({
  id: r.id,
  email: r.email,
  firstName: r.first_name,
  lastName: r.last_name,
  birthDate: r.birth_date,
  phone: r.phone,
  createdAt: r.created_at,
});

export const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`.trim();

/** Emails are compared and stored in lower case, trimmed. */
export const normalizeEmail = (e: string) => e.trim().toLowerCase();

export async function findPersonRowByEmail(db: Db, email: string): Promise<PersonRow | undefined> {
  return db.selectFrom('people').selectAll().where('email', '=', normalizeEmail(email)).where('merged_into', 'is', null).executeTakeFirst();
}

export async function findPersonRow(db: Db, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertPerson(db: Db, row: PersonRow): Promise<void> {
  await db.insertInto('people').values(row).execute();
}

export async function listRoleGrants(db: Db, personId: string) {
  return db.selectFrom('role_grants').selectAll().where('person_id', '=', personId).orderBy('season_id').orderBy('role').execute();
}

export async function countPeopleWithRole(db: Db, role: Role): Promise<number> {
  const r = await db.selectFrom('role_grants').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', role).executeTakeFirstOrThrow();
  return Number(r.n);
}
