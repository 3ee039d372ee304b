import type { Db } from '../platform/db/database.js';
import { AppError, forbidden, notFound } from '../platform/errors.js';
import { hasAnyRole, type Auth } from '../platform/http/access.js';
import type { Role } from '../platform/roles.js';
import type { Division, RegionConfig } from '../region/index.js';
import { findDivision } from '../region/index.js';
import { coachesTeam, findTeam, rosterOf, type TeamRow } from '../teams/index.js';
import { resolvePolicy, type PlayingTimePolicy } from './policy.rules.js';
import type { CardHeader, RosterLine } from './cards.store.js';
import { findGame, type Game } from './games.store.js';

/** Board roles that see every team's games, cards and children's names. */
export const CARD_BOARD: readonly Role[] = ['coach-administrator', 'region-administrator'];
/** The only role that corrects a submitted card. */
export const CORRECTOR: readonly Role[] = ['coach-administrator'];
/** Roles that keep the schedule. */
export const SCHEDULERS: readonly Role[] = ['coach-administrator', 'region-administrator'];

/** Everything about one team's card that does not depend on what is written on it. */
export interface CardContext {
  config: RegionConfig;
  game: Game;
  team: TeamRow;
  opponent: Game['home'];
  side: 'home' | 'away';
  division: Division;
  policy: PlayingTimePolicy;
  quarters: number;
  playersOnField: number;
}

/** The game, the team (one of its two) and the division's rule; NOT_FOUND otherwise (also for a division without game cards). */
export async function loadCardContext(db: Db, config: RegionConfig, gameId: string, teamId: string): Promise<CardContext> {
  const game = await findGame(db, gameId);
  if (!game) throw notFound('That game');
  const side = game.home.id === teamId ? 'home' : game.away.id === teamId ? 'away' : null;
  if (!side) throw notFound('That team in this game');
  const team = await findTeam(db, teamId);
  if (!team) throw notFound('That team');
  const division = findDivision(config, game.division);
  if (!division) throw notFound(`The division ${game.division}`);
  if (!division.gameCard) throw new AppError('NOT_FOUND', `${division.name} games have no game card (only divisions set to use game cards in the region configuration have one).`);
  const policy = resolvePolicy(config.playingTime);
  return { config, game, team, opponent: side === 'home' ? game.away : game.home, side, division, policy, quarters: policy.quarters, playersOnField: division.playersOnField };
}

/** What a person may do with a team's cards. */
export interface CardAccess {
  /** On the team's staff (head or assistant coach). */
  coach: boolean;
  /** Sees every card (coach administrator, region administrator). */
  board: boolean;
  /** May fill in a draft card. */
  canEdit: boolean;
  /** May correct a submitted card (coach administrator). */
  canCorrect: boolean;
}

/** A team's coaches and the board roles that need children's names; FORBIDDEN for anyone else. */
export async function cardAccess(db: Db, auth: Auth | null, teamId: string): Promise<CardAccess> {
  if (!auth) throw new AppError('UNAUTHENTICATED', 'Log in first.');
  const coach = await coachesTeam(db, auth.personId, teamId);
  const board = hasAnyRole(auth, CARD_BOARD);
  if (!coach && !board) throw forbidden("Only this team's coaches and the coach administrator can see this team's game cards.");
  const corrector = hasAnyRole(auth, CORRECTOR);
  return { coach, board, canEdit: coach || corrector, canCorrect: corrector };
}

/** Ids of the teams whose games and cards a person sees: null = every team (board). */
export async function visibleTeamIds(db: Db, auth: Auth, seasonId: string): Promise<string[] | null> {
  if (hasAnyRole(auth, CARD_BOARD)) return null;
  const rows = await db
    .selectFrom('team_staff')
    .innerJoin('teams', 'teams.id', 'team_staff.team_id')
    .select('teams.id')
    .where('team_staff.person_id', '=', auth.personId)
    .where('teams.season_id', '=', seasonId)
    .execute();
  return rows.map((r) => r.id);
}

export const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

/** The team's current roster in jersey-number order. */
export async function currentRoster(db: Db, teamId: string): Promise<RosterLine[]> {
  return (await rosterOf(db, teamId)).map((p) => ({ playerId: p.playerId, name: fullName(p), jersey: p.jersey }));
}

async function staffNames(db: Db, teamId: string, role: string): Promise<string[]> {
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

/** The card's header as it stands today. */
export async function headerOf(db: Db, ctx: CardContext): Promise<CardHeader> {
  const { config, game, team, opponent } = ctx;
  return {
    region: `Region ${config.region.number} ${config.region.name}`,
    ageGroup: `${ctx.division.name} ${team.program}`,
    teamNumber: team.number,
    teamName: team.name,
    coach: (await staffNames(db, team.id, 'head-coach')).join(', '),
    assistant: (await staffNames(db, team.id, 'assistant-coach')).join(', '),
    date: game.date,
    time: game.time,
    opponent: `${opponent.name} (#${opponent.number})`,
    field: config.fields.find((f) => f.id === game.fieldId)?.name ?? game.fieldId,
    side: ctx.side,
  };
}
