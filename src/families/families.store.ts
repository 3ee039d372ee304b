/** Reads for a parent's view: their children this season, and what their children's teams share with families. */
import type { Db } from '../platform/db/database.js';
import { normalizeEmail } from '../people/index.js';

export interface ChildRow {
  playerId: string;
  firstName: string;
  lastName: string;
  division: string;
  teamId: string | null;
  teamName: string | null;
}

/**
 * The players registered in a season whose guardian is this person or has this person's email
 * (people stores emails normalized, so they compare by equality: an address written in another case
 * is the same account, never a second one). One row per child.
 */
export async function childrenOf(db: Db, personId: string, email: string, seasonId: string): Promise<ChildRow[]> {
  const rows = await db
    .selectFrom('player_guardians as g')
    .innerJoin('people as gp', 'gp.id', 'g.person_id')
    .innerJoin('players as p', 'p.id', 'g.player_id')
    .innerJoin('season_players as sp', (j) => j.onRef('sp.player_id', '=', 'p.id').on('sp.season_id', '=', seasonId))
    .leftJoin('team_players as tp', (j) => j.onRef('tp.player_id', '=', 'p.id').on('tp.season_id', '=', seasonId))
    .leftJoin('teams as t', (j) => j.onRef('t.id', '=', 'tp.team_id').on('t.published_at', 'is not', null))
    .select(['p.id', 'p.first_name', 'p.last_name', 'sp.division', 't.id as team_id', 't.name as team_name'])
    .where((eb) => eb.or([eb('g.person_id', '=', personId), eb('gp.email', '=', normalizeEmail(email))]))
    .execute();
  const seen = new Map<string, ChildRow>();
  for (const r of rows) {
    if (seen.has(r.id)) continue;
    seen.set(r.id, { playerId: r.id, firstName: r.first_name, lastName: r.last_name, division: r.division, teamId: r.team_id, teamName: r.team_name });
  }
  return [...seen.values()].sort((a, b) => a.firstName.localeCompare(b.firstName, 'en') || a.lastName.localeCompare(b.lastName, 'en') || (a.playerId < b.playerId ? -1 : 1));
}

/** The names of each team's coaches, head coach first: names only, never an address. */
export async function coachNamesOf(db: Db, teamIds: readonly string[]): Promise<Map<string, { name: string; role: string }[]>> {
  const out = new Map<string, { name: string; role: string }[]>();
  if (!teamIds.length) return out;
  const rows = await db
    .selectFrom('team_staff as s')
    .innerJoin('people as p', 'p.id', 's.person_id')
    .select(['s.team_id', 's.role', 'p.first_name', 'p.last_name'])
    .where('s.team_id', 'in', [...teamIds])
    .execute();
  rows.sort((a, b) => (a.role === b.role ? 0 : a.role === 'head-coach' ? -1 : 1) || a.last_name.localeCompare(b.last_name, 'en') || a.first_name.localeCompare(b.first_name, 'en'));
  for (const r of rows) out.set(r.team_id, [...(out.get(r.team_id) ?? []), { name: `${r.first_name} ${r.last_name}`, role: r.role }]);
  return out;
}

/** The staff of a team with their addresses: for the "write to the coaches" form, whose sender never sees them. */
export async function staffAddressesOf(db: Db, teamId: string): Promise<string[]> {
  const rows = await db.selectFrom('team_staff as s').innerJoin('people as p', 'p.id', 's.person_id').select('p.email').where('s.team_id', '=', teamId).execute();
  return [...new Set(rows.map((r) => r.email).filter((e): e is string => !!e))];
}

/** The first names on each team's roster (shown to families only when the region allows it). */
export async function rosterFirstNames(db: Db, teamIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!teamIds.length) return out;
  const rows = await db
    .selectFrom('team_players as tp')
    .innerJoin('players as p', 'p.id', 'tp.player_id')
    .select(['tp.team_id', 'p.first_name'])
    .where('tp.team_id', 'in', [...teamIds])
    .execute();
  for (const r of rows) out.set(r.team_id, [...(out.get(r.team_id) ?? []), r.first_name]);
  for (const names of out.values()) names.sort((a, b) => a.localeCompare(b, 'en'));
  return out;
}
