/** Writes of players: their records, season registrations, guardian links, team leaving and ratings. */
import type { Selectable, Updateable } from 'kysely';
import { newId } from '../platform/clock.js';
import type { Db } from '../platform/db/database.js';
import type { PlayerTables } from './players.tables.js';

export type PlayerRow = Selectable<PlayerTables['players']>;
export type SeasonPlayerRow = Selectable<PlayerTables['season_players']>;
export type GuardianLinkRow = Selectable<PlayerTables['player_guardians']>;

export async function insertPlayer(db: Db, row: PlayerRow): Promise<void> {
  await db.insertInto('players').values(row).execute();
}

/** Changes these columns of a player's record. */
export async function updatePlayer(db: Db, id: string, patch: Omit<Updateable<PlayerTables['players']>, 'id'>): Promise<void> {
  await db.updateTable('players').set(patch).where('id', '=', id).execute();
}

export async function insertSeasonPlayer(db: Db, row: SeasonPlayerRow): Promise<void> {
  await db.insertInto('season_players').values(row).execute();
}

/** Changes a player's registration in a season (division, program, goalkeeper, reason of a move). */
export async function updateSeasonPlayer(
  db: Db,
  seasonId: string,
  playerId: string,
  patch: Pick<Updateable<PlayerTables['season_players']>, 'division' | 'program' | 'goalkeeper' | 'moved_reason'>,
): Promise<void> {
  await db.updateTable('season_players').set(patch).where('season_id', '=', seasonId).where('player_id', '=', playerId).execute();
}

/** Takes a player off their team of a season. */
export async function removeFromTeam(db: Db, seasonId: string, playerId: string): Promise<void> {
  await db.deleteFrom('team_players').where('season_id', '=', seasonId).where('player_id', '=', playerId).execute();
}

export async function insertGuardianLink(db: Db, row: GuardianLinkRow): Promise<void> {
  await db.insertInto('player_guardians').values(row).execute();
}

/** Sets a player's rating of a season (insert or update of the one row per season and player). */
export async function putRating(
  db: Db,
  r: { seasonId: string; playerId: string; rating: number; ratedBy: string | null; ratedAt: string; overrideReason: string | null },
): Promise<void> {
  const updated = await db
    .updateTable('ratings')
    .set({ rating: r.rating, rated_by: r.ratedBy, rated_at: r.ratedAt, override_reason: r.overrideReason })
    .where('season_id', '=', r.seasonId)
    .where('player_id', '=', r.playerId)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return;
  await db
    .insertInto('ratings')
    .values({ id: newId(), season_id: r.seasonId, player_id: r.playerId, rating: r.rating, rated_by: r.ratedBy, rated_at: r.ratedAt, override_reason: r.overrideReason })
    .execute();
}
