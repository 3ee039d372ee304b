/** The demo's own reads: names of the people the steps made, and the accounts its summary lists. */
import type { Db } from '../platform/db/database.js';

/** The smallest by code points (the same on both databases, whatever their collation). */
function first(emails: readonly (string | null)[]): string | null {
  let out: string | null = null;
  for (const e of emails) if (e !== null && (out === null || e < out)) out = e;
  return out;
}

/** Full names by person id. */
export async function namesOf(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('people')
      .select(['id', 'first_name', 'last_name'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, `${r.first_name} ${r.last_name}`);
  }
  return out;
}

/** The first (by email) person on a team of the division in this role, among those who can log in. */
export async function staffEmail(db: Db, seasonId: string, division: string, role: string): Promise<string | null> {
  const r = await db
    .selectFrom('team_staff as s')
    .innerJoin('teams as t', 't.id', 's.team_id')
    .innerJoin('people as p', 'p.id', 's.person_id')
    .select('p.email')
    .where('t.season_id', '=', seasonId)
    .where('t.division', '=', division)
    .where('s.role', '=', role)
    .where('p.password_hash', 'is not', null)
    .execute();
  return first(r.map((x) => x.email));
}

/** The first (by email) person holding the role this season in the division, among those who can log in. */
export async function grantEmail(db: Db, seasonId: string, division: string, role: string): Promise<string | null> {
  const r = await db
    .selectFrom('role_grants as g')
    .innerJoin('people as p', 'p.id', 'g.person_id')
    .select('p.email')
    .where('g.season_id', '=', seasonId)
    .where('g.division', '=', division)
    .where('g.role', '=', role)
    .where('p.password_hash', 'is not', null)
    .execute();
  return first(r.map((x) => x.email));
}

/**
 * A guardian of a player on a team of the division (first by email), given the demo password so
 * the family's view can be tried; answers the email, or null when the division has no such player.
 */
export async function openGuardianAccount(db: Db, seasonId: string, division: string, passwordHash: string): Promise<string | null> {
  const r = await db
    .selectFrom('player_guardians as g')
    .innerJoin('team_players as tp', 'tp.player_id', 'g.player_id')
    .innerJoin('teams as t', 't.id', 'tp.team_id')
    .innerJoin('people as p', 'p.id', 'g.person_id')
    .select(['p.id', 'p.email'])
    .where('t.season_id', '=', seasonId)
    .where('t.division', '=', division)
    .where('p.password_hash', 'is', null)
    .where('p.email', 'like', 'parent.%')
    .execute();
  const email = first(r.map((x) => x.email));
  const id = r.find((x) => x.email === email)?.id;
  if (!email || !id) return null;
  await db.updateTable('people').set({ password_hash: passwordHash }).where('id', '=', id).execute();
  return email;
}
