/** Shared by the import and by entry by hand: guardians as people, and their links to players. */
import { newId } from '../platform/clock.js';
import type { Db } from '../platform/db/database.js';
import { findPersonRowByEmail, insertPerson, normalizeEmail, updatePerson } from '../people/index.js';
import { guardianLinksOf } from './players.store.js';
import { insertGuardianLink } from './players-write.store.js';

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
  const row = await findPersonRowByEmail(db, email);
  const phone = parent.phone?.trim() || null;
  if (row) {
    if (!row.phone && phone) await updatePerson(db, row.id, { phone, updated_at: at });
    cache.set(email, row.id);
    return { id: row.id, created: false };
  }
  const id = newId();
  await insertPerson(db, {
    id,
    email,
    first_name: parent.firstName.trim() || 'Parent',
    last_name: parent.lastName.trim() || 'Unknown',
    birth_date: null,
    phone,
    password_hash: null,
    created_at: at,
    updated_at: at,
    merged_into: null,
    association_id: null,
  });
  cache.set(email, id);
  return { id, created: true };
}

/** Links a guardian to a player (primary when the player has no primary guardian yet); true when the link is new. */
export async function linkGuardian(db: Db, playerId: string, personId: string): Promise<boolean> {
  const links = await guardianLinksOf(db, playerId);
  if (links.some((l) => l.person_id === personId)) return false;
  await insertGuardianLink(db, { player_id: playerId, person_id: personId, is_primary: links.some((l) => l.is_primary === 1) ? 0 : 1 });
  return true;
}
