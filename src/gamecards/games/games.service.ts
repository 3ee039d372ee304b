import type { Deps } from '../../platform/feature.js';
import type { Db } from '../../platform/db/database.js';
import { recordAudit, type Actor } from '../../platform/audit.js';
import { newId } from '../../platform/clock.js';
import { isIsoDate, readCsvTable } from '../../platform/csv.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import type { Auth } from '../../platform/http/access.js';
import type { RegionConfig, Season } from '../../region/index.js';
import { findSeason } from '../../region/index.js';
import { getRegionConfig, seasonNow } from '../../region/index.js';
import { listTeams } from '../../teams/index.js';
import { visibleTeamIds } from '../gamecards.access.js';
import { cardStatuses, deleteGame, findGame, hasCards, insertGames, listGames, updateGame, type Game, type NewGame } from './games.store.js';
import { gameProblems, parseTime, readSchedule, resolveField, resolveTeam, type GameDraft, type ScheduleContext } from './schedule.rules.js';

/** The season asked for, or the current one; VALIDATION for an unknown id. */
export function seasonOf(config: RegionConfig, deps: Pick<Deps, 'clock'>, seasonId?: string): Season {
  if (seasonId) {
    const s = findSeason(config, seasonId);
    if (!s) throw invalid(`There is no season "${seasonId}"; use one of: ${config.membershipYears.flatMap((y) => y.seasons.map((x) => x.id)).join(', ')}.`);
    return s.season;
  }
  const now = seasonNow(config, deps.clock);
  if (!now) throw invalid('The region has no season: add a membership year first.');
  return now.season;
}

async function scheduleContext(db: Db, config: RegionConfig, season: Season, exclude?: string): Promise<ScheduleContext> {
  const teams = await listTeams(db, season.id);
  const existing = (await listGames(db, { seasonId: season.id }))
    .filter((g) => g.id !== exclude)
    .map((g) => ({ id: g.id, date: g.date, time: g.time, fieldId: g.fieldId, homeTeamId: g.home.id, awayTeamId: g.away.id }));
  return { teams, fields: config.fields, season, existing };
}

/** One game as a person types it: field and teams by id or name. */
export interface GameInput {
  date: string;
  time: string;
  field: string;
  home: string;
  away: string;
}

function draftOf(input: GameInput, ctx: ScheduleContext): GameDraft {
  const errors: string[] = [];
  if (!isIsoDate(input.date)) errors.push(`Date: "${input.date}" is not a date; write it as YYYY-MM-DD.`);
  const time = parseTime(input.time);
  if (!time.ok) errors.push(`Time: ${time.message}`);
  const field = resolveField(ctx.fields, input.field);
  if (!field.ok) errors.push(`Field: ${field.message}.`);
  const home = resolveTeam(ctx.teams, input.home);
  if (!home.ok) errors.push(`Home team: ${home.message}.`);
  const away = resolveTeam(ctx.teams, input.away);
  if (!away.ok) errors.push(`Away team: ${away.message}.`);
  if (!(time.ok && field.ok && home.ok && away.ok) || errors.length > 0) throw invalid(errors[0]!, { errors });
  const g: GameDraft = { date: input.date, time: time.value, fieldId: field.value.id, homeTeamId: home.value.id, awayTeamId: away.value.id };
  const problems = gameProblems(g, ctx).map((p) => `${p[0]!.toUpperCase()}${p.slice(1)}.`);
  if (problems.length > 0) throw new AppError(problems.some((p) => p.includes('already plays')) ? 'CONFLICT' : 'VALIDATION', problems[0]!, { errors: problems });
  return g;
}

function newGame(g: GameDraft, ctx: ScheduleContext, id = newId()): NewGame {
  const home = ctx.teams.find((t) => t.id === g.homeTeamId)!;
  return { ...g, id, seasonId: ctx.season.id, division: home.division, program: home.program };
}

export async function createGame(deps: Deps, actor: Actor, seasonId: string | undefined, input: GameInput): Promise<Game> {
  const config = await getRegionConfig(deps.db);
  const season = seasonOf(config, deps, seasonId);
  const at = deps.clock.now().toISOString();
  const id = await deps.db.transaction().execute(async (trx) => {
    const ctx = await scheduleContext(trx, config, season);
    const g = newGame(draftOf(input, ctx), ctx);
    await insertGames(trx, [g], at, actor.id);
    await recordAudit(trx, { actor, at, action: 'game.create', entity: 'game', entityId: g.id, after: g });
    return g.id;
  });
  return (await findGame(deps.db, id))!;
}

export async function editGame(deps: Deps, actor: Actor, gameId: string, input: GameInput): Promise<Game> {
  const config = await getRegionConfig(deps.db);
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const before = await findGame(trx, gameId);
    if (!before) throw notFound('That game');
    const ctx = await scheduleContext(trx, config, seasonOf(config, deps, before.seasonId), gameId);
    const g = newGame(draftOf(input, ctx), ctx, gameId);
    const teamsChanged = g.homeTeamId !== before.home.id || g.awayTeamId !== before.away.id;
    if (teamsChanged && (await hasCards(trx, gameId)))
      throw new AppError('CONFLICT', 'A team of this game has started its game card, so the teams cannot change. Change only the date, time or field, or ask the coaches first.');
    await updateGame(trx, g, at);
    await recordAudit(trx, { actor, at, action: 'game.update', entity: 'game', entityId: gameId, before, after: g });
  });
  return (await findGame(deps.db, gameId))!;
}

export async function removeGame(deps: Deps, actor: Actor, gameId: string): Promise<void> {
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const before = await findGame(trx, gameId);
    if (!before) throw notFound('That game');
    if (await hasCards(trx, gameId)) throw new AppError('CONFLICT', 'This game has a game card, so it cannot be removed. Change its date instead.');
    await deleteGame(trx, gameId);
    await recordAudit(trx, { actor, at, action: 'game.delete', entity: 'game', entityId: gameId, before });
  });
}

/**
 * Imports a schedule file (date, time, field, home, away) into a season, all or nothing: any bad row
 * refuses the whole file (VALIDATION, details.errors lists "Row N: reason" for every bad row).
 */
export async function importSchedule(deps: Deps, actor: Actor, seasonId: string | undefined, file: string | Uint8Array): Promise<{ seasonId: string; count: number }> {
  const config = await getRegionConfig(deps.db);
  const season = seasonOf(config, deps, seasonId);
  const read = readCsvTable(file);
  if (!read.ok) throw invalid(read.errors[0]!.message, { errors: read.errors.map((e) => e.message) });
  const at = deps.clock.now().toISOString();
  const count = await deps.db.transaction().execute(async (trx) => {
    const ctx = await scheduleContext(trx, config, season);
    const r = readSchedule(read.table, ctx);
    if (!r.ok)
      throw invalid(`The schedule was not imported: ${r.errors.length} row(s) have problems. Fix them and import the whole file again.`, {
        errors: r.errors.map((e) => e.message),
      });
    const games = r.games.map((g) => newGame(g, ctx));
    await insertGames(trx, games, at, actor.id);
    await recordAudit(trx, { actor, at, action: 'game.import', entity: 'season', entityId: season.id, after: { count: games.length, games: games.map((g) => g.id) } });
    return games.length;
  });
  return { seasonId: season.id, count };
}

export interface GameListItem extends Game {
  /** Card state per team of the game, keyed by team id ('none' when not started). */
  cards: Record<string, { status: string; revision: number; violations: number } | null>;
  /** Team ids of this game whose cards the person may open. */
  myTeams: string[];
}

/** The games a person sees: every game for the board, their teams' games for coaches. */
export async function gamesFor(
  deps: Deps,
  auth: Auth,
  f: { seasonId?: string; division?: string; teamId?: string },
): Promise<{ season: Season; games: GameListItem[]; board: boolean }> {
  const config = await getRegionConfig(deps.db);
  const season = seasonOf(config, deps, f.seasonId);
  const visible = await visibleTeamIds(deps.db, auth, season.id);
  const teamIds = f.teamId ? (visible === null || visible.includes(f.teamId) ? [f.teamId] : []) : (visible ?? undefined);
  const games = await listGames(deps.db, { seasonId: season.id, division: f.division, teamIds });
  const statuses = await cardStatuses(
    deps.db,
    games.map((g) => g.id),
  );
  const items = games.map((g) => ({
    ...g,
    cards: Object.fromEntries([g.home.id, g.away.id].map((t) => [t, statuses.get(`${g.id}|${t}`) ?? null])),
    myTeams: [g.home.id, g.away.id].filter((t) => visible === null || visible.includes(t)),
  }));
  return { season, games: items, board: visible === null };
}
