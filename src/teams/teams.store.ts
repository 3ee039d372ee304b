/** Teams of a season, their staff and players: the reads other folders use (through index.ts), and the Teams page's counts. */
import type { Db } from '../platform/db/database.js';

export interface TeamRow {
  id: string;
  seasonId: string;
  division: string;
  program: string;
  number: number;
  name: string;
  published: boolean;
  headCoachId: string | null;
}

/** Teams of a season (published or not), with their head coach; the read other capabilities use. */
export async function listTeams(db: Db, seasonId: string, opts: { division?: string; publishedOnly?: boolean } = {}): Promise<TeamRow[]> {
  let q = db
    .selectFrom('teams')
    .leftJoin('team_staff', (j) => j.onRef('team_staff.team_id', '=', 'teams.id').on('team_staff.role', '=', 'head-coach'))
    .select(['teams.id', 'teams.season_id', 'teams.division', 'teams.program', 'teams.number', 'teams.name', 'teams.published_at', 'team_staff.person_id'])
    .where('teams.season_id', '=', seasonId)
    .orderBy('teams.division')
    .orderBy('teams.program')
    .orderBy('teams.number');
  if (opts.division) q = q.where('teams.division', '=', opts.division);
  if (opts.publishedOnly) q = q.where('teams.published_at', 'is not', null);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    seasonId: r.season_id,
    division: r.division,
    program: r.program,
    number: r.number,
    name: r.name,
    published: r.published_at !== null,
    headCoachId: r.person_id ?? null,
  }));
}

export async function findTeam(db: Db, teamId: string): Promise<TeamRow | undefined> {
  const t = await db.selectFrom('teams').selectAll().where('id', '=', teamId).executeTakeFirst();
  if (!t) return undefined;
  const head = await db.selectFrom('team_staff').select('person_id').where('team_id', '=', teamId).where('role', '=', 'head-coach').executeTakeFirst();
  return {
    id: t.id,
    seasonId: t.season_id,
    division: t.division,
    program: t.program,
    number: t.number,
    name: t.name,
    published: t.published_at !== null,
    headCoachId: head?.person_id ?? null,
  };
}

/** A team a person coaches, with the person's place on its staff. */
export interface CoachedTeam {
  id: string;
  name: string;
  division: string;
  role: 'head-coach' | 'assistant-coach';
}

/** The published teams of a season a person coaches (head or assistant), by name: the one read of "my teams". */
export async function teamsCoachedBy(db: Db, personId: string, seasonId: string): Promise<CoachedTeam[]> {
  const rows = await db
    .selectFrom('team_staff as s')
    .innerJoin('teams as t', 't.id', 's.team_id')
    .select(['t.id', 't.name', 't.division', 's.role'])
    .where('s.person_id', '=', personId)
    .where('t.season_id', '=', seasonId)
    .where('t.published_at', 'is not', null)
    .where('s.role', 'in', ['head-coach', 'assistant-coach'])
    .orderBy('t.name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, division: r.division, role: r.role === 'head-coach' ? 'head-coach' : 'assistant-coach' }));
}

/** True when the person is on the team's staff (head or assistant coach). */
export async function coachesTeam(db: Db, personId: string, teamId: string): Promise<boolean> {
  const r = await db.selectFrom('team_staff').select('person_id').where('team_id', '=', teamId).where('person_id', '=', personId).executeTakeFirst();
  return !!r;
}

export interface RosterPlayer {
  playerId: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  gender: string;
  jersey: number | null;
}

/** A team's players in jersey-number order (players without a number last, by name). */
export async function rosterOf(db: Db, teamId: string): Promise<RosterPlayer[]> {
  const rows = await db
    .selectFrom('team_players')
    .innerJoin('players', 'players.id', 'team_players.player_id')
    .select(['players.id', 'players.external_id', 'players.first_name', 'players.last_name', 'players.birth_date', 'players.gender', 'team_players.jersey'])
    .where('team_players.team_id', '=', teamId)
    .execute();
  // Jersey, name, then birth date and the association's id: the same order in any database (never by database id).
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return rows
    .sort(
      (a, b) =>
        (a.jersey ?? 1e9) - (b.jersey ?? 1e9) ||
        a.last_name.localeCompare(b.last_name, 'en') ||
        a.first_name.localeCompare(b.first_name, 'en') ||
        text(a.birth_date, b.birth_date) ||
        text(a.external_id ?? '', b.external_id ?? '') ||
        text(a.id, b.id),
    )
    .map((r) => ({ playerId: r.id, firstName: r.first_name, lastName: r.last_name, birthDate: r.birth_date, gender: r.gender, jersey: r.jersey }));
}

/** How many published teams each division and program has in a season (programs without any left out). */
export async function publishedTeamCounts(db: Db, seasonId: string): Promise<{ division: string; program: string; n: number }[]> {
  return db
    .selectFrom('teams')
    .select(['division', 'program', (eb) => eb.fn.countAll<number>().as('n')])
    .where('season_id', '=', seasonId)
    .where('published_at', 'is not', null)
    .groupBy(['division', 'program'])
    .execute();
}

/** The person's place on the team's staff among these roles, if they hold one. */
export async function staffRoleOn(db: Db, teamId: string, personId: string, roles: readonly string[]): Promise<{ role: string } | undefined> {
  return db
    .selectFrom('team_staff')
    .select('role')
    .where('team_id', '=', teamId)
    .where('person_id', '=', personId)
    .where('role', 'in', [...roles])
    .executeTakeFirst();
}
