/**
 * Published teams and their players: created when a formation is published, and changed by the
 * coach administrator's moves and swaps afterwards.
 */
import type { Insertable } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { TeamTables } from '../teams.tables.js';

export async function insertTeams(db: Db, rows: Insertable<TeamTables['teams']>[]): Promise<void> {
  await db.insertInto('teams').values(rows).execute();
}

/** Puts players on teams (one insert for all the rows). */
export async function addTeamPlayers(db: Db, rows: Insertable<TeamTables['team_players']>[]): Promise<void> {
  await db.insertInto('team_players').values(rows).execute();
}

/** The first names of these people (to greet them in a mail). */
export async function firstNamesOf(db: Db, personIds: readonly string[]): Promise<{ id: string; first_name: string }[]> {
  return db.selectFrom('people').select(['id', 'first_name']).where('id', 'in', personIds).execute();
}

/** The team each of these players is on in a season (players on no team are left out). */
export async function teamsOfSeasonPlayers(db: Db, seasonId: string, playerIds: readonly string[]): Promise<{ player_id: string; team_id: string }[]> {
  return db.selectFrom('team_players').select(['player_id', 'team_id']).where('season_id', '=', seasonId).where('player_id', 'in', playerIds).execute();
}

/** Takes a player off their team of the season. */
export async function removeFromTeam(db: Db, seasonId: string, playerId: string): Promise<void> {
  await db.deleteFrom('team_players').where('season_id', '=', seasonId).where('player_id', '=', playerId).execute();
}

/** Puts a player of the season on another team, without a jersey number. */
export async function changeTeam(db: Db, seasonId: string, playerId: string, teamId: string): Promise<void> {
  await db.updateTable('team_players').set({ team_id: teamId, jersey: null }).where('season_id', '=', seasonId).where('player_id', '=', playerId).execute();
}
