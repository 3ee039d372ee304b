import type { Db } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { Division, RegionConfig } from '../../region/index.js';
import { findDivision } from '../../region/index.js';
import { findTeam, rosterOf, type TeamRow } from '../../teams/index.js';
import { resolvePolicy, type PlayingTimePolicy } from '../playing-time/policy.rules.js';
import type { CardHeader, RosterLine } from './cards.store.js';
import { findGame, type Game } from '../games/games.store.js';
import { staffNames } from '../staff.store.js';

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

export const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

/** The team's current roster in jersey-number order. */
export async function currentRoster(db: Db, teamId: string): Promise<RosterLine[]> {
  return (await rosterOf(db, teamId)).map((p) => ({ playerId: p.playerId, name: fullName(p), jersey: p.jersey }));
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
