/** Reads of players, their season registrations, guardians, ratings and teams. */
import type { Db } from '../platform/db/database.js';
import type { Gender, Program, StoredRating } from './players.rules.js';

export interface SeasonPlayer {
  id: string;
  externalId: string | null;
  firstName: string;
  lastName: string;
  birthDate: string;
  gender: Gender;
  division: string;
  program: Program;
  goalkeeper: boolean;
  movedReason: string | null;
}

export interface Guardian {
  personId: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  isPrimary: boolean;
}

/** Runs a query per slice of ids (keeps every IN list short on both databases). */
export async function inSlices<T>(ids: readonly string[], run: (slice: string[]) => Promise<T[]>, size = 500): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += size) out.push(...(await run(ids.slice(i, i + size))));
  return out;
}

/** Players registered in a season, optionally of one division and program, by name. */
export async function seasonPlayers(db: Db, seasonId: string, where: { division?: string; program?: string; playerIds?: string[] } = {}): Promise<SeasonPlayer[]> {
  let q = db
    .selectFrom('season_players as sp')
    .innerJoin('players as p', 'p.id', 'sp.player_id')
    .select(['p.id', 'p.external_id', 'p.first_name', 'p.last_name', 'p.birth_date', 'p.gender', 'sp.division', 'sp.program', 'sp.goalkeeper', 'sp.moved_reason'])
    .where('sp.season_id', '=', seasonId);
  if (where.division) q = q.where('sp.division', '=', where.division);
  if (where.program) q = q.where('sp.program', '=', where.program);
  if (where.playerIds) q = q.where('p.id', 'in', where.playerIds.length ? where.playerIds : ['']);
  const rows = await q.orderBy('p.last_name').orderBy('p.first_name').orderBy('p.id').execute();
  return rows.map((r) => ({
    id: r.id,
    externalId: r.external_id,
    firstName: r.first_name,
    lastName: r.last_name,
    birthDate: r.birth_date,
    gender: r.gender as Gender,
    division: r.division,
    program: r.program as Program,
    goalkeeper: r.goalkeeper === 1,
    movedReason: r.moved_reason,
  }));
}

/** Every stored rating of these players (all seasons, and the imported one). */
export async function ratingsOf(db: Db, playerIds: readonly string[]): Promise<Map<string, StoredRating[]>> {
  const rows = await inSlices(playerIds, (ids) => db.selectFrom('ratings').select(['player_id', 'season_id', 'rating', 'rated_at']).where('player_id', 'in', ids).execute());
  const out = new Map<string, StoredRating[]>();
  for (const r of rows) out.set(r.player_id, [...(out.get(r.player_id) ?? []), { seasonId: r.season_id, rating: Number(r.rating), ratedAt: r.rated_at }]);
  return out;
}

/** The guardians of these players, primary first. */
export async function guardiansOf(db: Db, playerIds: readonly string[]): Promise<Map<string, Guardian[]>> {
  const rows = await inSlices(playerIds, (ids) =>
    db
      .selectFrom('player_guardians as g')
      .innerJoin('people as pe', 'pe.id', 'g.person_id')
      .select(['g.player_id', 'g.person_id', 'g.is_primary', 'pe.first_name', 'pe.last_name', 'pe.email', 'pe.phone'])
      .where('g.player_id', 'in', ids)
      .execute(),
  );
  const out = new Map<string, Guardian[]>();
  for (const r of rows) {
    const g: Guardian = { personId: r.person_id, firstName: r.first_name, lastName: r.last_name, email: r.email, phone: r.phone, isPrimary: r.is_primary === 1 };
    out.set(r.player_id, [...(out.get(r.player_id) ?? []), g]);
  }
  for (const list of out.values()) list.sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary) || a.lastName.localeCompare(b.lastName));
  return out;
}

/** The team each of these players is on in a season (player id -> team). */
export async function teamsOfPlayers(db: Db, seasonId: string, playerIds: readonly string[]): Promise<Map<string, { teamId: string; name: string }>> {
  const rows = await inSlices(playerIds, (ids) =>
    db
      .selectFrom('team_players as tp')
      .innerJoin('teams as t', 't.id', 'tp.team_id')
      .select(['tp.player_id', 't.id', 't.name'])
      .where('tp.season_id', '=', seasonId)
      .where('tp.player_id', 'in', ids)
      .execute(),
  );
  return new Map(rows.map((r) => [r.player_id, { teamId: r.id, name: r.name }]));
}

/** How many players each division and program has in a season. */
export async function countsByProgram(db: Db, seasonId: string): Promise<{ division: string; program: string; players: number }[]> {
  const rows = await db
    .selectFrom('season_players')
    .select(['division', 'program', (eb) => eb.fn.countAll<number>().as('n')])
    .where('season_id', '=', seasonId)
    .groupBy(['division', 'program'])
    .execute();
  return rows.map((r) => ({ division: r.division, program: r.program, players: Number(r.n) }));
}

/** The players with these external ids (the registration system's PlayerID), for an import. */
export async function playersByExternalIds(db: Db, externalIds: readonly string[]) {
  return inSlices(externalIds, (ids) =>
    db.selectFrom('players').select(['id', 'external_id', 'first_name', 'last_name', 'birth_date', 'gender']).where('external_id', 'in', ids).execute(),
  );
}

/** How these players are registered in a season: division, program, goalkeeper and the reason of a move. */
export async function placementsOf(db: Db, seasonId: string, playerIds: readonly string[]) {
  return inSlices(playerIds, (s) =>
    db
      .selectFrom('season_players')
      .select(['player_id', 'division', 'program', 'goalkeeper', 'moved_reason'])
      .where('season_id', '=', seasonId)
      .where('player_id', 'in', s)
      .execute(),
  );
}

/** These players' ratings of one season (or of the imported one). */
export async function seasonRatingsOf(db: Db, seasonId: string, playerIds: readonly string[]) {
  return inSlices(playerIds, (s) => db.selectFrom('ratings').select(['player_id', 'rating']).where('season_id', '=', seasonId).where('player_id', 'in', s).execute());
}

/** The id of the player with this external id (PlayerID), if any. */
export async function playerIdByExternalId(db: Db, externalId: string): Promise<string | undefined> {
  const r = await db.selectFrom('players').select('id').where('external_id', '=', externalId).executeTakeFirst();
  return r?.id;
}

/** A player of the season with this name and date of birth (a second entry of the same child), if any. */
export async function seasonTwin(db: Db, seasonId: string, p: { firstName: string; lastName: string; birthDate: string }): Promise<string | undefined> {
  const r = await db
    .selectFrom('players as p')
    .innerJoin('season_players as sp', 'sp.player_id', 'p.id')
    .select('p.id')
    .where('sp.season_id', '=', seasonId)
    .where('p.first_name', '=', p.firstName)
    .where('p.last_name', '=', p.lastName)
    .where('p.birth_date', '=', p.birthDate)
    .executeTakeFirst();
  return r?.id;
}

/** Who is linked to a player as guardian, and whether primary. */
export async function guardianLinksOf(db: Db, playerId: string) {
  return db.selectFrom('player_guardians').select(['person_id', 'is_primary']).where('player_id', '=', playerId).execute();
}
