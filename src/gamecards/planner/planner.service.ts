import { createHash } from 'node:crypto';
import type { Deps } from '../../platform/feature.js';
import type { Db } from '../../platform/db/database.js';
import { invalid } from '../../platform/errors.js';
import type { Auth } from '../../platform/http/access.js';
import { getRegionConfig } from '../../region/index.js';
import type { PlayingTimeResult } from '../playing-time/card.rules.js';
import { blankQuarters, seasonTally, type CardInput, type SeasonLine } from '../cards/card-state.rules.js';
import { cardAccess } from '../gamecards.access.js';
import { currentRoster, loadCardContext, type CardContext } from '../cards/card-context.service.js';
import { findCard, submittedCards, type RosterLine } from '../cards/cards.store.js';
import { namesOf } from '../cards/cards.service.js';
import { planToCard, recheckPlan } from './plan-card.rules.js';
import { planRotation, type QuarterLineup, type RotationPlan } from './planner.rules.js';
import { registeredGoalkeepers } from './planner.store.js';

/** Who is at the game, as the coach tells the planner. */
export interface PlanPlayer {
  id: string;
  arrivedQuarter?: number;
  /** Default: the player's registration says they can keep goal. */
  canKeep?: boolean;
}

export interface PlanRequest {
  teamId: string;
  /** Attending players; default: those marked attending on the saved card, else the whole roster. */
  players?: readonly PlanPlayer[];
  seed?: number;
  allowNoKeeper?: boolean;
}

export interface PlanResult {
  plan: RotationPlan;
  check: PlayingTimeResult;
  /** Season so far per roster player, from this team's submitted cards (other games). */
  season: Record<string, SeasonLine>;
  /** The plan as card rows (absent players included), ready to PUT on the card. */
  cardPlayers: CardInput['players'];
  roster: RosterLine[];
  canKeep: Record<string, boolean>;
}

/** A stable seed per game and team, so asking twice gives the same plan. */
export function defaultSeed(gameId: string, teamId: string): number {
  return createHash('sha256').update(`${gameId}|${teamId}`).digest().readUInt32BE(0);
}

/** Season totals of a team's players from its submitted cards, leaving out one game. */
export async function seasonSoFar(db: Db, ctx: CardContext, exceptGameId: string): Promise<Record<string, SeasonLine>> {
  const cards = (await submittedCards(db, ctx.game.seasonId, [ctx.team.id])).filter((c) => c.gameId !== exceptGameId);
  return seasonTally(
    cards.map((c) => c.state),
    ctx.quarters,
  );
}

async function attendingDefault(db: Db, gameId: string, teamId: string, roster: readonly RosterLine[]): Promise<PlanPlayer[]> {
  const card = await findCard(db, gameId, teamId);
  const rows = new Map((card && card.revision > 0 ? card.state.rows : []).map((r) => [r.playerId, r]));
  return roster.filter((p) => rows.get(p.playerId)?.attended ?? true).map((p) => ({ id: p.playerId, arrivedQuarter: rows.get(p.playerId)?.arrivedQuarter ?? 1 }));
}

/** The plan as card rows for the whole roster: planned players attending, the others absent. */
export function planAsCardPlayers(plan: RotationPlan, roster: readonly RosterLine[]): CardInput['players'] {
  const planned = new Map(planToCard(plan).players.map((p) => [p.id, p]));
  return roster.map((r) => {
    const p = planned.get(r.playerId);
    return p
      ? { id: r.playerId, attended: true, arrivedQuarter: p.arrivedQuarter ?? 1, quarters: [...p.quarters] }
      : { id: r.playerId, attended: false, arrivedQuarter: 1, quarters: blankQuarters(plan.quarters) };
  });
}

/**
 * A quarter-by-quarter plan for one team's game that meets the playing-time rule and spreads
 * sitting over the season (planRotation), with its check and the rows to pre-fill the card.
 */
export async function planFor(deps: Deps, auth: Auth | null, gameId: string, r: PlanRequest): Promise<PlanResult> {
  const ctx = await loadCardContext(deps.db, await getRegionConfig(deps.db), gameId, r.teamId);
  await cardAccess(deps.db, auth, r.teamId);
  const roster = await currentRoster(deps.db, r.teamId);
  const players = r.players ?? (await attendingDefault(deps.db, gameId, r.teamId, roster));
  const onRoster = new Set(roster.map((p) => p.playerId));
  const strangers = players.filter((p) => !onRoster.has(p.id)).map((p) => p.id);
  if (strangers.length > 0) throw invalid(`These players are not on the team's roster: ${strangers.join(', ')}.`);
  const registeredKeepers = await registeredGoalkeepers(
    deps.db,
    ctx.game.seasonId,
    roster.map((p) => p.playerId),
  );
  const canKeep = Object.fromEntries(roster.map((p) => [p.playerId, players.find((x) => x.id === p.playerId)?.canKeep ?? registeredKeepers.has(p.playerId)]));
  const season = await seasonSoFar(deps.db, ctx, gameId);
  const plan = planRotation({
    players: players.map((p) => ({
      id: p.id,
      canKeep: canKeep[p.id] ?? false,
      arrivedQuarter: p.arrivedQuarter,
      seasonSatQuarters: season[p.id]?.sat ?? 0,
      seasonPlayedQuarters: season[p.id]?.played ?? 0,
    })),
    playersOnField: ctx.playersOnField,
    quarters: ctx.quarters,
    policy: ctx.policy,
    seed: r.seed ?? defaultSeed(gameId, r.teamId),
    allowNoKeeper: r.allowNoKeeper,
  });
  return { plan, check: recheckPlan(plan, ctx.policy, namesOf(roster)), season, cardPlayers: planAsCardPlayers(plan, roster), roster, canKeep };
}

/** A plan the coach changed by hand, checked by the same rule as the card. */
export async function recheckFor(
  deps: Deps,
  auth: Auth | null,
  gameId: string,
  teamId: string,
  p: { roster: readonly { id: string; arrivedQuarter?: number }[]; lineups: readonly Pick<QuarterLineup, 'quarter' | 'keeper' | 'field'>[] },
): Promise<PlayingTimeResult> {
  const ctx = await loadCardContext(deps.db, await getRegionConfig(deps.db), gameId, teamId);
  await cardAccess(deps.db, auth, teamId);
  const roster = await currentRoster(deps.db, teamId);
  const plan: RotationPlan = {
    playersOnField: ctx.playersOnField,
    quarters: ctx.quarters,
    owed: {},
    warnings: [],
    roster: p.roster.map((x) => ({ id: x.id, arrivedQuarter: x.arrivedQuarter ?? 1 })),
    lineups: Array.from({ length: ctx.quarters }, (_, i) => {
      const l = p.lineups.find((x) => x.quarter === i + 1);
      return { quarter: i + 1, keeper: l?.keeper ?? null, field: [...(l?.field ?? [])], sitting: [], notArrived: [] };
    }),
  };
  return recheckPlan(plan, ctx.policy, namesOf(roster));
}

/** What the plan page starts from: who is expected (the saved card, else everyone), who can keep goal, the season so far. */
export async function planSetup(deps: Deps, auth: Auth | null, gameId: string, teamId: string) {
  const ctx = await loadCardContext(deps.db, await getRegionConfig(deps.db), gameId, teamId);
  await cardAccess(deps.db, auth, teamId);
  const roster = await currentRoster(deps.db, teamId);
  const registered = await registeredGoalkeepers(
    deps.db,
    ctx.game.seasonId,
    roster.map((p) => p.playerId),
  );
  const attending = await attendingDefault(deps.db, gameId, teamId, roster);
  return {
    season: await seasonSoFar(deps.db, ctx, gameId),
    canKeep: Object.fromEntries(roster.map((p) => [p.playerId, registered.has(p.playerId)])) as Record<string, boolean>,
    attendance: Object.fromEntries(
      roster.map((p) => {
        const a = attending.find((x) => x.id === p.playerId);
        return [p.playerId, { attended: !!a, arrivedQuarter: a?.arrivedQuarter ?? 1 }];
      }),
    ) as Record<string, { attended: boolean; arrivedQuarter: number }>,
  };
}
