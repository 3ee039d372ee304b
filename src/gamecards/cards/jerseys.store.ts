import type { Db } from '../../platform/db/database.js';

/** Sets (or clears, with null) a player's jersey number on a team. */
export async function setJersey(db: Db, teamId: string, playerId: string, jersey: number | null): Promise<void> {
  await db.updateTable('team_players').set({ jersey }).where('team_id', '=', teamId).where('player_id', '=', playerId).execute();
}
