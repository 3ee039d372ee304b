import type { Db } from '../../platform/db/database.js';
import type { GameDraft } from './schedule.rules.js';

/** A scheduled game with both teams' names and numbers. */
export interface Game {
  id: string;
  seasonId: string;
  division: string;
  program: string;
  date: string;
  time: string;
  fieldId: string;
  home: { id: string; name: string; number: number };
  away: { id: string; name: string; number: number };
  createdAt: string;
  updatedAt: string;
}

export interface GameFilter {
  seasonId: string;
  division?: string;
  /** Only games these teams play in. */
  teamIds?: readonly string[];
}

function baseQuery(db: Db) {
  return db
    .selectFrom('games')
    .innerJoin('teams as h', 'h.id', 'games.home_team_id')
    .innerJoin('teams as a', 'a.id', 'games.away_team_id')
    .select([
      'games.id',
      'games.season_id',
      'games.division',
      'games.program',
      'games.date',
      'games.time',
      'games.field_id',
      'games.home_team_id',
      'games.away_team_id',
      'games.created_at',
      'games.updated_at',
      'h.name as home_name',
      'h.number as home_number',
      'a.name as away_name',
      'a.number as away_number',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

const toGame = (r: Row): Game => ({
  id: r.id,
  seasonId: r.season_id,
  division: r.division,
  program: r.program,
  date: r.date,
  time: r.time,
  fieldId: r.field_id,
  home: { id: r.home_team_id, name: r.home_name, number: r.home_number },
  away: { id: r.away_team_id, name: r.away_name, number: r.away_number },
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Games of a season in date and time order. */
export async function listGames(db: Db, f: GameFilter): Promise<Game[]> {
  if (f.teamIds && f.teamIds.length === 0) return [];
  let q = baseQuery(db).where('games.season_id', '=', f.seasonId);
  if (f.division) q = q.where('games.division', '=', f.division);
  if (f.teamIds) {
    const ids = [...f.teamIds];
    q = q.where((eb) => eb.or([eb('games.home_team_id', 'in', ids), eb('games.away_team_id', 'in', ids)]));
  }
  const rows = await q.orderBy('games.date').orderBy('games.time').orderBy('games.id').execute();
  return rows.map(toGame);
}

export async function findGame(db: Db, id: string): Promise<Game | undefined> {
  const r = await baseQuery(db).where('games.id', '=', id).executeTakeFirst();
  return r ? toGame(r) : undefined;
}

export interface NewGame extends GameDraft {
  id: string;
  seasonId: string;
  division: string;
  program: string;
}

export async function insertGames(db: Db, games: readonly NewGame[], at: string, by: string | null): Promise<void> {
  for (let i = 0; i < games.length; i += 200) {
    const chunk = games.slice(i, i + 200).map((g) => ({
      id: g.id,
      season_id: g.seasonId,
      division: g.division,
      program: g.program,
      date: g.date,
      time: g.time,
      field_id: g.fieldId,
      home_team_id: g.homeTeamId,
      away_team_id: g.awayTeamId,
      created_at: at,
      created_by: by,
      updated_at: at,
    }));
    await db.insertInto('games').values(chunk).execute();
  }
}

export async function updateGame(db: Db, g: NewGame, at: string): Promise<void> {
  await db
    .updateTable('games')
    .set({ division: g.division, program: g.program, date: g.date, time: g.time, field_id: g.fieldId, home_team_id: g.homeTeamId, away_team_id: g.awayTeamId, updated_at: at })
    .where('id', '=', g.id)
    .execute();
}

export async function deleteGame(db: Db, id: string): Promise<void> {
  await db.deleteFrom('games').where('id', '=', id).execute();
}

/** Status of each saved card of these games, keyed "gameId|teamId". */
export async function cardStatuses(db: Db, gameIds: readonly string[]): Promise<Map<string, { status: string; revision: number; violations: number }>> {
  const out = new Map<string, { status: string; revision: number; violations: number }>();
  for (let i = 0; i < gameIds.length; i += 500) {
    const rows = await db
      .selectFrom('game_cards')
      .select(['game_id', 'team_id', 'status', 'revision', 'violation_count'])
      .where('game_id', 'in', gameIds.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(`${r.game_id}|${r.team_id}`, { status: r.status, revision: r.revision, violations: r.violation_count });
  }
  return out;
}

export async function hasCards(db: Db, gameId: string): Promise<boolean> {
  const r = await db.selectFrom('game_cards').select('id').where('game_id', '=', gameId).executeTakeFirst();
  return !!r;
}
