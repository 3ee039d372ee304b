import type { Selectable, Updateable } from 'kysely';
import type { Db } from '../platform/db/database.js';
import { prepared, type Arg } from '../platform/db/prepared.js';
import { configStampColumns } from '../region/index.js';
import type { PlatformTables } from '../platform/db/schema.js';

export type PersonRow = Selectable<PlatformTables['people']>;
/** The columns of a person that change (never the id). */
export type PersonPatch = Omit<Updateable<PlatformTables['people']>, 'id'>;

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
  await insertPeople(db, [row]);
}

/**
 * Adds many people in one statement (the caller keeps batches to a few hundred rows). Every email is
 * stored normalized (normalizeEmail), whoever wrote the row: the unique index on people.email then
 * holds without regard to case, and lookups compare by equality.
 */
export async function insertPeople(db: Db, rows: readonly PersonRow[]): Promise<void> {
  await db
    .insertInto('people')
    .values(rows.map((r) => ({ ...r, email: r.email === null ? null : normalizeEmail(r.email) })))
    .execute();
}

/** Whether anyone's email is at this domain (the demo's, say). */
export async function anyoneAtDomain(db: Db, domain: string): Promise<boolean> {
  const row = await db.selectFrom('people').select('id').where('email', 'like', `%@${domain}`).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Changes these columns of one person's row (a new email stored normalized, as insertPeople does). */
export async function updatePerson(db: Db, id: string, patch: PersonPatch): Promise<void> {
  const set = typeof patch.email === 'string' ? { ...patch, email: normalizeEmail(patch.email) } : patch;
  await db.updateTable('people').set(set).where('id', '=', id).execute();
}

/** Sets a person's password (its hash). */
export async function setPasswordHash(db: Db, id: string, hash: string, at: string): Promise<void> {
  await db.updateTable('people').set({ password_hash: hash, updated_at: at }).where('id', '=', id).execute();
}

/** The person behind a credential, what they hold and the configuration's stamp: one row per grant. */
export interface HolderRow {
  person_id: string;
  first_name: string;
  last_name: string;
  email: string | null;
  merged_into: string | null;
  role: string | null;
  season_id: string | null;
  division: string | null;
  config_version: number | null;
  config_updated_at: string | null;
}

const HOLDER_GRANT_COLUMNS = ['g.role', 'g.season_id', 'g.division'] as const;
const HOLDER_PERSON_COLUMNS = ['p.id as person_id', 'p.first_name', 'p.last_name', 'p.email', 'p.merged_into'] as const;

/** A session's holder by the session id's hash (one row per grant), with the session's times. */
export const sessionHolder = prepared((db, arg: Arg<{ hash: string }>) =>
  db
    .selectFrom('sessions as c')
    .innerJoin('people as p', 'p.id', 'c.person_id')
    .leftJoin('role_grants as g', 'g.person_id', 'p.id')
    .select(['c.expires_at', 'c.last_seen_at', ...HOLDER_PERSON_COLUMNS, ...HOLDER_GRANT_COLUMNS])
    .select(configStampColumns())
    .where('c.id_hash', '=', arg('hash')),
);

/** An API token's holder by the token's hash (one row per grant), unless the token was revoked. */
export const tokenHolder = prepared((db, arg: Arg<{ hash: string }>) =>
  db
    .selectFrom('api_tokens as c')
    .innerJoin('people as p', 'p.id', 'c.person_id')
    .leftJoin('role_grants as g', 'g.person_id', 'p.id')
    .select(['c.id as token_id', 'c.last_used_at', ...HOLDER_PERSON_COLUMNS, ...HOLDER_GRANT_COLUMNS])
    .select(configStampColumns())
    .where('c.token_hash', '=', arg('hash'))
    .where('c.revoked_at', 'is', null),
);
