import { AppError } from '../../platform/errors.js';
import { canCoverGoal, chooseKeepers } from './keepers.rules.js';
import { fieldProblem, planContext, type PlanContext, type RotationInput } from './planner-setup.rules.js';
import { SeatFlow } from '../playing-time/seat-flow.rules.js';
import { listOf, plural } from '../playing-time/wording.rules.js';

export type { RotationInput, RotationPlayer } from './planner-setup.rules.js';

/** One quarter of a plan. Lists are sorted by player id. */
export interface QuarterLineup {
  /** 1-based. */
  quarter: number;
  /** null only when the quarter needs no keeper, or the caller allowed a plan without one. */
  keeper: string | null;
  /** On the field out of goal. */
  field: string[];
  /** Present but not on the field. */
  sitting: string[];
  /** Not arrived yet. */
  notArrived: string[];
}

export interface RotationPlan {
  playersOnField: number;
  quarters: number;
  roster: { id: string; arrivedQuarter: number }[];
  lineups: QuarterLineup[];
  /** Player id -> quarters owed (owedQuarters), to show on the card. */
  owed: Record<string, number>;
  /** Sentences for the coach: crowded game, quarters left without a keeper. */
  warnings: string[];
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Adds quarters one at a time in priority order, round after round, while `wants` and room allow. */
function topUp(flow: SeatFlow, count: number, wants: (p: number) => boolean): void {
  const active = new Set(Array.from({ length: count }, (_, p) => p));
  while (active.size > 0) {
    for (let p = 0; p < count; p++) {
      if (active.has(p) && (!wants(p) || !flow.addOne(p))) active.delete(p);
    }
  }
}

/** Seats field players once keepers are fixed: what each is owed, then extra time by priority. */
function seatField(ctx: PlanContext, keepers: readonly (number | null)[]): SeatFlow {
  const { allowed, seats, need, kept } = fieldProblem(ctx, keepers);
  const flow = new SeatFlow(allowed, seats);
  need.forEach((n, p) => {
    for (let i = 0; i < n; i++) if (!flow.addOne(p)) throw new Error('planner: keepers were checked feasible');
  });
  topUp(flow, ctx.players.length, (p) => kept[p] + flow.total(p) < ctx.upper[p]);
  return flow;
}

function lineups(ctx: PlanContext, keepers: readonly (number | null)[], flow: SeatFlow): QuarterLineup[] {
  return keepers.map((k, q) => {
    const ids = (pick: (p: number) => boolean) =>
      ctx.players
        .filter((_, p) => pick(p))
        .map((pl) => pl.id)
        .sort(byId);
    return {
      quarter: q + 1,
      keeper: k === null ? null : ctx.players[k].id,
      field: ids((p) => flow.plays(p, q)),
      sitting: ids((p) => ctx.avail[p][q] && p !== k && !flow.plays(p, q)),
      notArrived: ids((p) => !ctx.avail[p][q]),
    };
  });
}

function noPlanError(ctx: PlanContext): AppError {
  const keepers = ctx.players.filter((p) => p.canKeep).map((p) => p.id);
  const { keeperMaxQuarters: max, keeperMinFieldQuarters: minField } = ctx.policy;
  const limits = `each keeper may keep goal in at most ${plural(max, 'quarter')} and must also play ${plural(minField, 'quarter')} on the field`;
  if (keepers.length === 0) {
    return new AppError('NO_KEEPER', 'Nobody at this game is marked as able to keep goal. Mark the players who can keep goal, or ask for a plan without a keeper.');
  }
  if (!canCoverGoal(ctx)) {
    return new AppError(
      'NO_KEEPER',
      `The players who can keep goal (${listOf(keepers, 5)}) cannot cover every quarter: ${limits}. Mark more players who can keep goal, or ask for a plan without a keeper.`,
    );
  }
  return new AppError(
    'NO_VALID_PLAN',
    `No lineup gives every player the quarters they are owed while also meeting the goalkeeper rules (${limits}): ${ctx.players.length} players and ${ctx.playersOnField} places on the field leave no room for both. Ask for a plan without a keeper, or plan by hand and check the card.`,
  );
}

function warnings(ctx: PlanContext, keepers: readonly (number | null)[]): string[] {
  const out: string[] = [];
  if (ctx.crowded) {
    out.push(`There are more players than places: everyone plays at least ${plural(ctx.cap, 'quarter')}, and nobody plays more than their share while a teammate is short.`);
  }
  keepers.forEach((k, q) => {
    if (k === null && ctx.needsKeeper[q]) out.push(`Nobody could keep goal in quarter ${q + 1}, so the plan leaves quarter ${q + 1} without a keeper, as asked.`);
  });
  return out;
}

/**
 * Plans who keeps goal, who plays and who sits in each quarter.
 *
 * Guarantees: the plan passes checkPlayingTime (see recheckPlan) whenever any valid plan exists;
 * each player plays what they are owed, and when there are more players than places nobody plays
 * beyond their share. Extra quarters go round by round in priority order (most quarters sat this
 * season first, then fewest played, then a seeded draw), so a player who sat more this season never
 * sits more today than a player who sat less, unless keeper duty or arrival times force it.
 * Keeper duty is spread as thinly as the rules allow (see chooseKeepers). Same input and seed, same
 * plan, whatever order the players are listed in.
 *
 * Refusals (AppError): VALIDATION for bad input; NO_KEEPER when the players who can keep goal cannot
 * cover every quarter; NO_VALID_PLAN when keepers exist but no lineup meets the rule with them.
 * With `allowNoKeeper`, instead of refusing it leaves the uncoverable quarters without a keeper and
 * says so in `warnings`; checking such a plan then reports NO_KEEPER for those quarters.
 */
export function planRotation(input: RotationInput): RotationPlan {
  const ctx = planContext(input);
  const keepers = chooseKeepers(ctx, false) ?? (input.allowNoKeeper ? chooseKeepers(ctx, true) : null);
  if (!keepers) throw noPlanError(ctx);
  const flow = seatField(ctx, keepers);
  const owed: Record<string, number> = {};
  ctx.players.forEach((p, i) => {
    owed[p.id] = ctx.required[i];
  });
  return {
    playersOnField: ctx.playersOnField,
    quarters: ctx.quarterCount,
    roster: ctx.players.map((p) => ({ id: p.id, arrivedQuarter: p.arrivedQuarter ?? 1 })).sort((a, b) => byId(a.id, b.id)),
    lineups: lineups(ctx, keepers, flow),
    owed,
    warnings: warnings(ctx, keepers),
  };
}
