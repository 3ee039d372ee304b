/** Seasons' rating windows and the ratings a team's page shows (the tables belong to players). */
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';

export type RatingWindowRow = Selectable<DB['rating_windows']>;

export async function findRatingWindow(db: Db, seasonId: string): Promise<RatingWindowRow | undefined> {
  return db.selectFrom('rating_windows').selectAll().where('season_id', '=', seasonId).executeTakeFirst();
}

/** Opens a season's rating window afresh at `at` (an earlier, closed window of the season is replaced). */
export async function openRatingWindow(db: Db, seasonId: string, at: string, openedBy: string | null): Promise<void> {
  await db.deleteFrom('rating_windows').where('season_id', '=', seasonId).execute();
  await db.insertInto('rating_windows').values({ season_id: seasonId, opened_at: at, closed_at: null, opened_by: openedBy }).execute();
}

export async function closeRatingWindow(db: Db, seasonId: string, at: string): Promise<void> {
  await db.updateTable('rating_windows').set({ closed_at: at }).where('season_id', '=', seasonId).execute();
}

/** The ratings of a season of these players, with the name of who rated each. */
export async function seasonRatingsOf(
  db: Db,
  seasonId: string,
  playerIds: readonly string[],
): Promise<{ player_id: string; rating: number; rated_at: string; override_reason: string | null; first_name: string | null; last_name: string | null }[]> {
  return db
    .selectFrom('ratings as r')
    .leftJoin('people as p', 'p.id', 'r.rated_by')
    .select(['r.player_id', 'r.rating', 'r.rated_at', 'r.override_reason', 'p.first_name', 'p.last_name'])
    .where('r.season_id', '=', seasonId)
    .where('r.player_id', 'in', playerIds.length ? playerIds : [''])
    .execute();
}

/** Whether the player is registered in the season. */
export async function isRegistered(db: Db, seasonId: string, playerId: string): Promise<boolean> {
  const player = await db.selectFrom('season_players').select('player_id').where('season_id', '=', seasonId).where('player_id', '=', playerId).executeTakeFirst();
  return !!player;
}

/** A player's rating of a season, if any: value, who rated and the override reason. */
export async function seasonRatingOf(db: Db, seasonId: string, playerId: string): Promise<Pick<Selectable<DB['ratings']>, 'rating' | 'rated_by' | 'override_reason'> | undefined> {
  return db.selectFrom('ratings').select(['rating', 'rated_by', 'override_reason']).where('season_id', '=', seasonId).where('player_id', '=', playerId).executeTakeFirst();
}
