import { seededRandom } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { factsOf } from '../playing-time/card.rules.js';
import { owedFromFacts } from '../playing-time/owed.rules.js';
import { resolvePolicy, type PlayingTimePolicy } from '../playing-time/policy.rules.js';

/** A player at the game, as the rotation planner needs them. */
export interface RotationPlayer {
  id: string;
  canKeep: boolean;
  /** 1-based quarter the player arrives in (or is expected to); absent means from the start. */
  arrivedQuarter?: number;
  /** Quarters this player sat out so far this season. */
  seasonSatQuarters: number;
  /** Quarters this player played so far this season. */
  seasonPlayedQuarters: number;
}

export interface RotationInput {
  /** Attending players only. */
  players: readonly RotationPlayer[];
  playersOnField: number;
  quarters: number;
  policy?: Partial<PlayingTimePolicy>;
  seed: number;
  /** Plan quarters without a keeper when nobody can keep goal in them (default false: refuse). */
  allowNoKeeper?: boolean;
}

/** Everything the planner derives from its input. Player arrays are indexed by priority rank. */
export interface PlanContext {
  players: readonly RotationPlayer[];
  quarterCount: number;
  playersOnField: number;
  policy: PlayingTimePolicy;
  /** [p][q]: present in quarter q (0-based). */
  avail: boolean[][];
  share: number[];
  /** Quarters each player must play (owedQuarters). */
  required: number[];
  /** Most quarters each player may play: their share when the game is crowded, else all present. */
  upper: number[];
  /** Most quarters each player may keep goal (0 for those who cannot keep). */
  keeperCap: number[];
  /** [q]: a keeper is needed (at least two places and two players present: the checker's rule). */
  needsKeeper: boolean[];
  cap: number;
  crowded: boolean;
}

const fail = (message: string): never => {
  throw new AppError('VALIDATION', message);
};
const isCount = (n: number) => Number.isInteger(n) && n >= 0;

function validate(input: RotationInput, policy: PlayingTimePolicy): void {
  const Q = policy.quarters;
  if (input.quarters !== Q) fail(`The plan asks for ${input.quarters} quarters, but the region's games have ${Q}.`);
  if (!Number.isInteger(input.playersOnField) || input.playersOnField < 1) fail('Players on the field must be a whole number of at least 1.');
  if (!Number.isFinite(input.seed)) fail('The seed must be a number.');
  const seen = new Set<string>();
  for (const p of input.players) {
    if (p.id === '' || seen.has(p.id)) fail(`Every player needs a distinct id ("${p.id}" is empty or repeated).`);
    seen.add(p.id);
    const a = p.arrivedQuarter;
    if (a !== undefined && (!Number.isInteger(a) || a < 1 || a > Q)) fail(`Player ${p.id}: the arrival quarter must be from 1 to ${Q}.`);
    if (!isCount(p.seasonSatQuarters) || !isCount(p.seasonPlayedQuarters)) fail(`Player ${p.id}: season quarters must be whole numbers of at least 0.`);
  }
}

/**
 * Priority order, first = most deserving of time on the field: most quarters sat this season, then
 * fewest played, then a seeded draw. Ids are sorted before the draw, so the order depends on the
 * seed and the players, not on the order they were listed in.
 */
export function prioritize(players: readonly RotationPlayer[], seed: number): RotationPlayer[] {
  const byId = [...players].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rng = seededRandom(seed);
  const keyed = byId.map((p) => ({ p, key: rng() }));
  keyed.sort((a, b) => b.p.seasonSatQuarters - a.p.seasonSatQuarters || a.p.seasonPlayedQuarters - b.p.seasonPlayedQuarters || a.key - b.key);
  return keyed.map((k) => k.p);
}

/** Validates the input (AppError VALIDATION) and derives the planning context. */
export function planContext(input: RotationInput): PlanContext {
  const policy = resolvePolicy(input.policy);
  validate(input, policy);
  const players = prioritize(input.players, input.seed);
  const Q = policy.quarters;
  const blank = Array.from({ length: Q }, () => ({ played: false, keeper: false, injured: false }));
  const facts = players.map((p) => factsOf({ id: p.id, attended: true, arrivedQuarter: p.arrivedQuarter, quarters: blank }, Q));
  const owed = owedFromFacts(facts, input.playersOnField, policy);
  const share = facts.map((f) => owed.byPlayer[f.id].share);
  const upper = facts.map((f, i) => (owed.crowded ? share[i] : f.present));
  const minField = policy.keeperMinFieldQuarters;
  return {
    players,
    quarterCount: Q,
    playersOnField: input.playersOnField,
    policy,
    avail: facts.map((f) => f.available),
    share,
    upper,
    required: facts.map((f) => owed.byPlayer[f.id].owed),
    keeperCap: players.map((p, i) => (p.canKeep ? Math.max(0, Math.min(policy.keeperMaxQuarters, facts[i].present - minField, upper[i] - minField)) : 0)),
    needsKeeper: blank.map((_, q) => Math.min(input.playersOnField, facts.filter((f) => f.available[q]).length) >= 2),
    cap: owed.cap,
    crowded: owed.crowded,
  };
}

/** The seating problem left once keepers are fixed (undefined = keeper not chosen yet). */
export interface FieldProblem {
  allowed: boolean[][];
  seats: number[];
  /** Field quarters (out of goal) each player still needs. */
  need: number[];
  kept: number[];
}

/**
 * Given keepers per quarter, what the field players still need: each player needs
 * max(required - kept, keeperMinField if they keep at all) quarters out of goal, in quarters they
 * are present and not keeping, with one place fewer in a quarter that has a keeper. A quarter whose
 * keeper is still undecided keeps all its places: a relaxation, so "infeasible" is final.
 */
export function fieldProblem(ctx: PlanContext, keepers: readonly (number | null | undefined)[]): FieldProblem {
  const kept = ctx.players.map(() => 0);
  keepers.forEach((k) => {
    if (k !== null && k !== undefined) kept[k]++;
  });
  return {
    allowed: ctx.avail.map((row, p) => row.map((a, q) => a && keepers[q] !== p)),
    seats: keepers.map((k) => ctx.playersOnField - (k === null || k === undefined ? 0 : 1)),
    need: kept.map((f, p) => Math.max(ctx.required[p] - f, f > 0 ? ctx.policy.keeperMinFieldQuarters : 0)),
    kept,
  };
}
