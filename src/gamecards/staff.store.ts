import type { Db } from '../platform/db/database.js';

/** Ids of the teams of a season on whose staff a person is (any staff role). */
export async function teamIdsStaffedBy(db: Db, personId: string, seasonId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('team_staff')
    .innerJoin('teams', 'teams.id', 'team_staff.team_id')
    .select('teams.id')
    .where('team_staff.person_id', '=', personId)
    .where('teams.season_id', '=', seasonId)
    .execute();
  return rows.map((r) => r.id);
}

/** The names ("First Last") of a team's staff in one role, by last then first name. */
export async function staffNames(db: Db, teamId: string, role: string): Promise<string[]> {
  const rows = await db
    .selectFrom('team_staff')
    .innerJoin('people', 'people.id', 'team_staff.person_id')
    .select(['people.first_name', 'people.last_name'])
    .where('team_staff.team_id', '=', teamId)
    .where('team_staff.role', '=', role)
    .orderBy('people.last_name')
    .orderBy('people.first_name')
    .execute();
  return rows.map((r) => `${r.first_name} ${r.last_name}`);
}
