/** Reads and writes of login: attempts counted for throttling, sessions, API tokens and one-time links. */
import { sql, type Selectable } from 'kysely';
import type { Db } from '../platform/db/database.js';
import type { PeopleTables } from './people.tables.js';

export type SessionRow = Selectable<PeopleTables['sessions']>;
export type ApiTokenRow = Selectable<PeopleTables['api_tokens']>;
export type OneTimeLinkRow = Selectable<PeopleTables['one_time_links']>;

/** A login attempt's key, as login-throttle.rules.ts names it. */
export interface ThrottleKeyRow {
  key: string;
  account: string | null;
}

/**
 * Counts one attempt under each key in one atomic statement (insert, or add one to the count) and
 * answers each key's count with this attempt and the time of its first: of attempts racing, each
 * gets its own count. A key whose first attempt is older than `staleBefore` starts again at 1.
 * The keys are locked in the order given, the same for every attempt.
 */
export async function reserveLoginAttempt(db: Db, keys: readonly ThrottleKeyRow[], now: string, staleBefore: string) {
  const rows = await db
    .insertInto('login_throttle')
    .values(keys.map((k) => ({ key: k.key, account: k.account, attempts: 1, first_at: now, updated_at: now })))
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        attempts: sql<number>`case when login_throttle.first_at <= ${staleBefore} then 1 else login_throttle.attempts + 1 end`,
        first_at: sql<string>`case when login_throttle.first_at <= ${staleBefore} then excluded.first_at else login_throttle.first_at end`,
        updated_at: sql<string>`excluded.updated_at`,
      }),
    )
    .returning(['key', 'attempts', 'first_at'])
    .execute();
  return new Map(rows.map((r) => [r.key, { attempts: Number(r.attempts), firstAt: r.first_at }]));
}

/**
 * Takes back one counted attempt under each key (a refused attempt, or a success), one statement per
 * key so that no statement holds two rows' locks; a key left with no attempt is deleted, so that
 * refused attempts at made-up emails leave no rows behind.
 */
export async function takeBackLoginAttempt(db: Db, keys: readonly string[]): Promise<void> {
  for (const key of keys) {
    await db.updateTable('login_throttle').set({ attempts: sql<number>`case when attempts > 0 then attempts - 1 else 0 end` }).where('key', '=', key).execute();
    await db.deleteFrom('login_throttle').where('key', '=', key).where('attempts', '<=', 0).execute();
  }
}

/** Forgets a key (the pair of a successful login). */
export async function clearLoginKey(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

/** Lifts every limit counted for an account (after a reset link: earlier guesses are moot). */
export async function clearLoginAccount(db: Db, account: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('account', '=', account).execute();
}

/** Forgets keys nobody tried since `before`. */
export async function purgeLoginKeys(db: Db, before: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('updated_at', '<', before).execute();
}

export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** Ends one session (logout). */
export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Ends every session of a person (after a password reset), or every one but `except` (a password change); answers how many. */
export async function deleteSessionsOf(db: Db, personId: string, except?: string): Promise<number> {
  let q = db.deleteFrom('sessions').where('person_id', '=', personId);
  if (except) q = q.where('id_hash', '<>', except);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
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

/** Revokes every token a person still has; answers how many. */
export async function revokeApiTokensOf(db: Db, personId: string, at: string): Promise<number> {
  const r = await db.updateTable('api_tokens').set({ revoked_at: at }).where('person_id', '=', personId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** How many tokens of a person are not revoked. */
export async function countActiveApiTokens(db: Db, personId: string): Promise<number> {
  const r = await db
    .selectFrom('api_tokens')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
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
