/** Teams' staff and players beyond teams.store.ts: reads, and adding coaches to a team's staff. */
import type { Insertable } from 'kysely';
import type { Db } from '../platform/db/database.js';
import { inSlices } from '../players/index.js';
import type { TeamTables } from './teams.tables.js';

export interface StaffMember {
  personId: string;
  role: 'head-coach' | 'assistant-coach';
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  associationId: string | null;
}

/** The people (not merged away) holding a coaching role for a division in a season, each once. */
export async function coachGrantees(
  db: Db,
  role: 'head-coach' | 'assistant-coach',
  seasonId: string,
  division: string,
): Promise<{ id: string; first_name: string; last_name: string; email: string | null }[]> {
  return db
    .selectFrom('role_grants as g')
    .innerJoin('people as p', 'p.id', 'g.person_id')
    .select(['p.id', 'p.first_name', 'p.last_name', 'p.email'])
    .distinct()
    .where('g.role', '=', role)
    .where('g.season_id', '=', seasonId)
    .where('g.division', '=', division)
    .where('p.merged_into', 'is', null)
    .execute();
}

export const nameOf = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`.trim();

/** Head and assistant coaches of these teams (head coach first, then by name). */
export async function staffOf(db: Db, teamIds: readonly string[]): Promise<Map<string, StaffMember[]>> {
  const rows = await inSlices(teamIds, (ids) =>
    db
      .selectFrom('team_staff as s')
      .innerJoin('people as p', 'p.id', 's.person_id')
      .select(['s.team_id', 's.person_id', 's.role', 'p.first_name', 'p.last_name', 'p.email', 'p.phone', 'p.association_id'])
      .where('s.team_id', 'in', ids)
      .where('s.role', 'in', ['head-coach', 'assistant-coach'])
      .execute(),
  );
  const out = new Map<string, StaffMember[]>();
  for (const r of rows) {
    const m: StaffMember = {
      personId: r.person_id,
      role: r.role as StaffMember['role'],
      firstName: r.first_name,
      lastName: r.last_name,
      email: r.email,
      phone: r.phone,
      associationId: r.association_id,
    };
    out.set(r.team_id, [...(out.get(r.team_id) ?? []), m]);
  }
  for (const list of out.values())
    list.sort((a, b) => (a.role === b.role ? a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName) : a.role === 'head-coach' ? -1 : 1));
  return out;
}

/** Player ids and jersey numbers of these teams. */
export async function playersOfTeams(db: Db, teamIds: readonly string[]): Promise<{ teamId: string; playerId: string; jersey: number | null }[]> {
  const rows = await inSlices(teamIds, (ids) => db.selectFrom('team_players').select(['team_id', 'player_id', 'jersey']).where('team_id', 'in', ids).execute());
  return rows.map((r) => ({ teamId: r.team_id, playerId: r.player_id, jersey: r.jersey === null ? null : Number(r.jersey) }));
}

/** Published teams of a season, optionally of one division and program, in division/program/number order. */
export async function publishedTeams(db: Db, seasonId: string, where: { division?: string; program?: string; teamId?: string } = {}) {
  let q = db.selectFrom('teams').select(['id', 'season_id', 'division', 'program', 'number', 'name']).where('season_id', '=', seasonId).where('published_at', 'is not', null);
  if (where.division) q = q.where('division', '=', where.division);
  if (where.program) q = q.where('program', '=', where.program);
  if (where.teamId) q = q.where('id', '=', where.teamId);
  return q.orderBy('division').orderBy('program').orderBy('number').execute();
}

/** Adds coaches to teams' staff (one insert for all the rows). */
export async function addStaff(db: Db, rows: Insertable<TeamTables['team_staff']>[]): Promise<void> {
  await db.insertInto('team_staff').values(rows).execute();
}
