/** A team's players as its roster lists them, and their jersey numbers. */
import type { Db } from '../../platform/db/database.js';
import { inSlices } from '../../players/index.js';

/** The players of these teams with their jersey numbers and what the roster shows of them. */
export async function membersOfTeams(
  db: Db,
  teamIds: readonly string[],
): Promise<{ team_id: string; jersey: number | null; id: string; first_name: string; last_name: string; birth_date: string; gender: string; external_id: string | null }[]> {
  return inSlices(teamIds, (ids) =>
    db
      .selectFrom('team_players as tp')
      .innerJoin('players as p', 'p.id', 'tp.player_id')
      .select(['tp.team_id', 'tp.jersey', 'p.id', 'p.first_name', 'p.last_name', 'p.birth_date', 'p.gender', 'p.external_id'])
      .where('tp.team_id', 'in', ids)
      .execute(),
  );
}

/** Sets (or clears, with null) a player's jersey number on a team. */
export async function setJersey(db: Db, teamId: string, playerId: string, jersey: number | null): Promise<void> {
  await db.updateTable('team_players').set({ jersey }).where('team_id', '=', teamId).where('player_id', '=', playerId).execute();
}
