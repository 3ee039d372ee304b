/** Writes shared by the import and by entry by hand: guardians as people, and their links to players. */
import { newId } from '../platform/clock.js';
import type { Db } from '../platform/db/database.js';
import { normalizeEmail } from '../people/index.js';

export interface ParentInput {
  firstName: string;
  lastName: string;
  email: string;
  phone?: string | null;
}

/** Guardians already looked up during one import (email -> person id), so siblings share one person. */
export type PersonCache = Map<string, string>;

/**
 * The person a parent is: the account with that email (merged accounts excluded), else a new
 * person without a password (they can set one later with "forgot password"). A missing phone is
 * filled in from the parent's details; nothing else of an existing account is changed.
 */
export async function guardianPerson(db: Db, parent: ParentInput, at: string, cache: PersonCache = new Map()): Promise<{ id: string; created: boolean }> {
  const email = normalizeEmail(parent.email);
  const known = cache.get(email);
  if (known) return { id: known, created: false };
  const row = await db.selectFrom('people').select(['id', 'phone']).where('email', '=', email).where('merged_into', 'is', null).executeTakeFirst();
  const phone = parent.phone?.trim() || null;
  if (row) {
    if (!row.phone && phone) await db.updateTable('people').set({ phone, updated_at: at }).where('id', '=', row.id).execute();
    cache.set(email, row.id);
    return { id: row.id, created: false };
  }
  const id = newId();
  await db
    .insertInto('people')
    .values({ id, email, first_name: parent.firstName.trim() || 'Parent', last_name: parent.lastName.trim() || 'Unknown', birth_date: null, phone, password_hash: null, created_at: at, updated_at: at, merged_into: null, association_id: null })
    .execute();
  cache.set(email, id);
  return { id, created: true };
}

/** Links a guardian to a player (primary when the player has no primary guardian yet); true when the link is new. */
export async function linkGuardian(db: Db, playerId: string, personId: string): Promise<boolean> {
  const links = await db.selectFrom('player_guardians').select(['person_id', 'is_primary']).where('player_id', '=', playerId).execute();
  if (links.some((l) => l.person_id === personId)) return false;
  await db.insertInto('player_guardians').values({ player_id: playerId, person_id: personId, is_primary: links.some((l) => l.is_primary === 1) ? 0 : 1 }).execute();
  return true;
}

/** Sets a player's rating of a season (insert or update of the one row per season and player). */
export async function putRating(db: Db, r: { seasonId: string; playerId: string; rating: number; ratedBy: string | null; ratedAt: string; overrideReason: string | null }): Promise<void> {
  const updated = await db
    .updateTable('ratings')
    .set({ rating: r.rating, rated_by: r.ratedBy, rated_at: r.ratedAt, override_reason: r.overrideReason })
    .where('season_id', '=', r.seasonId)
    .where('player_id', '=', r.playerId)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return;
  await db.insertInto('ratings').values({ id: newId(), season_id: r.seasonId, player_id: r.playerId, rating: r.rating, rated_by: r.ratedBy, rated_at: r.ratedAt, override_reason: r.overrideReason }).execute();
}
