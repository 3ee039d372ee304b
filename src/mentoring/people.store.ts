import type { Db } from '../platform/db/database.js';

/** Reads of people and their roles that mentoring needs (the people capability owns those tables). */

/** A person's name and e-mail address, to mail them. */
export async function personContact(db: Db, id: string): Promise<{ personId: string; name: string; email: string | null } | undefined> {
  const p = await db.selectFrom('people').select(['first_name', 'last_name', 'email']).where('id', '=', id).executeTakeFirst();
  return p ? { personId: id, name: `${p.first_name} ${p.last_name}`.trim(), email: p.email } : undefined;
}

/** The ids of the people with these e-mail addresses, in the order given; unknown addresses are left out. */
export async function idsOfEmails(db: Db, emails: string[]): Promise<string[]> {
  const rows = await db.selectFrom('people').select(['id', 'email']).where('email', 'in', emails).execute();
  return emails.map((e) => rows.find((r) => r.email === e)?.id).filter((id): id is string => !!id);
}

/**
 * Everyone granted head or assistant coach for the season or as a standing role (season ''), once
 * each, in email order (compared here, not by the database's collation: the same in any database).
 */
export async function coachIdsOfSeason(db: Db, seasonId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('role_grants as g')
    .innerJoin('people as p', 'p.id', 'g.person_id')
    .select(['g.person_id', 'p.email'])
    .where('g.role', 'in', ['head-coach', 'assistant-coach'])
    .where('g.season_id', 'in', [seasonId, ''])
    .execute();
  const key = (r: { person_id: string; email: string | null }) => `${r.email ?? ''}\u0000${r.person_id}`;
  return [...new Set(rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).map((r) => r.person_id))];
}
