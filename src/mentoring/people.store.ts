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

/** Everyone granted head or assistant coach for the season or as a standing role (season ''), once each, in id order. */
export async function coachIdsOfSeason(db: Db, seasonId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('role_grants')
    .select('person_id')
    .where('role', 'in', ['head-coach', 'assistant-coach'])
    .where('season_id', 'in', [seasonId, ''])
    .orderBy('person_id')
    .execute();
  return [...new Set(rows.map((r) => r.person_id))];
}
