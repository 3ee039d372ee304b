/** Reads and writes of login: failed attempts, sessions, API tokens and one-time links. */
import type { Selectable } from 'kysely';
import type { Db } from '../platform/db/database.js';
import type { PeopleTables } from './people.tables.js';

export type LoginFailureRow = Selectable<PeopleTables['login_failures']>;
export type SessionRow = Selectable<PeopleTables['sessions']>;
export type ApiTokenRow = Selectable<PeopleTables['api_tokens']>;
export type OneTimeLinkRow = Selectable<PeopleTables['one_time_links']>;

/** How many failed logins were recorded under this key (email or address) after `since`. */
export async function countLoginFailures(db: Db, key: string, since: string): Promise<number> {
  const r = await db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('key', '=', key)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Records failed logins (one row per key), in one statement. */
export async function insertLoginFailures(db: Db, rows: LoginFailureRow[]): Promise<void> {
  await db.insertInto('login_failures').values(rows).execute();
}

export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** Ends one session (logout). */
export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Ends every session of a person (after a password reset). */
export async function deleteSessionsOf(db: Db, personId: string): Promise<void> {
  await db.deleteFrom('sessions').where('person_id', '=', personId).execute();
}

/** Slides a session's expiry: seen now, valid until `expiresAt`. */
export async function touchSession(db: Db, idHash: string, lastSeenAt: string, expiresAt: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id_hash', '=', idHash).execute();
}

export async function insertApiToken(db: Db, row: ApiTokenRow): Promise<void> {
  await db.insertInto('api_tokens').values(row).execute();
}

/** Notes when an API token was last used. */
export async function touchApiToken(db: Db, id: string, lastUsedAt: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: lastUsedAt }).where('id', '=', id).execute();
}

/** A person's API tokens (revoked ones too), newest first, without their hashes. */
export async function listApiTokens(db: Db, personId: string) {
  return db.selectFrom('api_tokens').select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at']).where('person_id', '=', personId).orderBy('created_at', 'desc').execute();
}

/** Revokes one of a person's tokens; false when it is not theirs or already revoked. */
export async function revokeApiTokenRow(db: Db, personId: string, id: string, at: string): Promise<boolean> {
  const r = await db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).where('person_id', '=', personId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertOneTimeLink(db: Db, row: OneTimeLinkRow): Promise<void> {
  await db.insertInto('one_time_links').values(row).execute();
}

/** The one-time link with this token hash and purpose (used or not, expired or not). */
export async function findOneTimeLink(db: Db, tokenHash: string, purpose: 'reset' | 'setup'): Promise<OneTimeLinkRow | undefined> {
  return db.selectFrom('one_time_links').selectAll().where('token_hash', '=', tokenHash).where('purpose', '=', purpose).executeTakeFirst();
}

/** Marks a link used unless it already was; true when this call used it (of two racing, one wins). */
export async function markLinkUsed(db: Db, tokenHash: string, at: string): Promise<boolean> {
  const r = await db.updateTable('one_time_links').set({ used_at: at }).where('token_hash', '=', tokenHash).where('used_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
