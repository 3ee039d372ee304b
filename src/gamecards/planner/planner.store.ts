import type { Db } from '../../platform/db/database.js';

/** Which of these players are registered this season as able to keep goal. */
export async function registeredGoalkeepers(db: Db, seasonId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('season_players')
    .select('player_id')
    .where('season_id', '=', seasonId)
    .where('player_id', 'in', [...ids])
    .where('goalkeeper', '=', 1)
    .execute();
  return new Set(rows.map((r) => r.player_id));
}
