import { seededRandom } from '../../platform/clock.js';
import { ratingLowerBound } from './formation-bound.rules.js';
import { exactSearch } from './formation-exact.rules.js';
import { figuresOf } from './formation-figures.rules.js';
import type { Assignment, DivisionFormation, FormationFigures, FormationOptions, FormationPlayer, FormationTeam } from './formation-model.rules.js';
import { byText } from './formation-model.rules.js';
import type { Prepared } from './formation-prepare.rules.js';
import { prepare } from './formation-prepare.rules.js';
import { shakeAndImprove } from './formation-kick.rules.js';
import { pairExchange } from './formation-polish.rules.js';
import type { Budget } from './formation-search.rules.js';
import { improve } from './formation-search.rules.js';
import type { State } from './formation-state.rules.js';
import { countCost, initialState, stateFrom } from './formation-state.rules.js';
import { divisionProblems, refuse } from './formation-validate.rules.js';

/**
 * Work budgets, counted in candidate evaluations and search nodes rather than time so that the
 * same inputs and seed always give the same teams. Sized so a 5,000-player region forms well
 * under a second on whole ratings (about a second of CPU on ratings averaged onto a 0.1 step); a
 * typical division stops long before (at the bound, or at a local optimum). The rating search and
 * the count polish each get a local budget, so a long way down to the bound leaves the counts theirs.
 */
const LOCAL_EVALUATIONS_PER_PAIR = 8;
const LOCAL_EVALUATIONS_MIN = 100_000;
const EXACT_STEPS = 400_000;
const POLISH_ROUNDS = 50;
const KICK_ROUNDS = 60;
const KICK_EVALUATIONS = 100_000;
const COUNT_RESTARTS = 3;

function localBudget(p: Prepared): number {
  return Math.max(LOCAL_EVALUATIONS_MIN, LOCAL_EVALUATIONS_PER_PAIR * p.free.length * p.free.length);
}

/** Checks a division's request and prepares it, refusing it whole with every reason found. */
export function prepareDivision(players: readonly FormationPlayer[], teams: readonly FormationTeam[], options: FormationOptions): Prepared {
  const problems = divisionProblems(players, teams, options);
  if (problems.length > 0) refuse(problems);
  return prepare(players, teams, options);
}

function assignmentsOf(p: Prepared, teamOf: ArrayLike<number>): Assignment[] {
  return p.players.map((pl, i) => ({ playerId: pl.id, teamId: p.teams[teamOf[i]!]!.teamId })).sort((a, b) => byText(a.teamId, b.teamId) || byText(a.playerId, b.playerId));
}

interface Found {
  state: State;
  spread: number;
  proven: boolean;
}

/** Exact search for better than `spread`; proven when it ran to the end. */
function tryExact(p: Prepared, state: State, spread: number, bound: number, rand: () => number, steps: number): Found {
  const exact = exactSearch(p, spread, bound, rand, { left: steps });
  if (exact.teamOf) return { state: stateFrom(p, exact.teamOf), spread: exact.spread, proven: exact.complete };
  return { state, spread, proven: exact.complete };
}

/**
 * When local search stops above the bound: a short exact search first (it often proves the spread
 * optimal at once, or finds better), else shake the local search and search exactly again.
 */
function beyondLocalSearch(p: Prepared, start: Found, bound: number, rand: () => number): Found {
  const first = tryExact(p, start.state, start.spread, bound, rand, EXACT_STEPS / 8);
  if (first.proven) return first;
  const shaken = shakeAndImprove(p, first.state, first.spread, bound, rand, { left: KICK_EVALUATIONS }, KICK_ROUNDS);
  if (shaken.spread <= bound) return { ...shaken, proven: true };
  return tryExact(p, shaken.state, shaken.spread, bound, rand, EXACT_STEPS);
}

/** Evens the counts at the given rating spread: exchanges between two teams, then swaps again; then shakes. */
function polishCounts(p: Prepared, start: State, target: number, rand: () => number): State {
  let state = start;
  const polish: Budget = { left: localBudget(p) };
  for (let round = 0; round < POLISH_ROUNDS && countCost(state) > p.countFloor; round++) {
    let exchanged = 0;
    while (countCost(state) > p.countFloor && pairExchange(p, state, target, polish)) exchanged++;
    if (exchanged === 0) break;
    improve(p, state, target, rand, polish);
  }
  if (countCost(state) > p.countFloor) {
    state = shakeAndImprove(p, state, target, target, rand, { left: KICK_EVALUATIONS }, KICK_ROUNDS).state;
  }
  return state;
}

/**
 * Rating balance down to the bound (local search, then exact search), then the counts. When the
 * counts stay uneven, the rating search starts again from other draws (a formation at the same
 * spread can leave the counts more room: ratings on a fine step, say, where the unrated players'
 * counted rating is nobody else's) and the most even formation at that spread is kept.
 */
function search(p: Prepared, rand: () => number): Found & { bound: number } {
  const quick = ratingLowerBound(p, true);
  const budget: Budget = { left: localBudget(p) };
  const start = initialState(p, rand);
  const local = improve(p, start, quick, rand, budget);
  const bound = local <= quick ? quick : ratingLowerBound(p);
  const reached = { state: start, spread: local, proven: local <= bound };
  const found = reached.proven ? reached : beyondLocalSearch(p, reached, bound, rand);
  const target = Math.max(found.spread, bound);
  if (found.spread > bound) improve(p, found.state, target, rand, budget);
  let state = polishCounts(p, found.state, target, rand);
  for (let again = 0; again < COUNT_RESTARTS && countCost(state) > p.countFloor; again++) {
    const other = initialState(p, rand);
    if (improve(p, other, target, rand, { left: localBudget(p) }) > target) continue;
    const polished = polishCounts(p, other, target, rand);
    if (countCost(polished) < countCost(state)) state = polished;
  }
  return { ...found, state, bound };
}

/**
 * Forms one division's teams (spec "Team formation"): each head coach's own children on the
 * coach's team, sizes within one, then a seeded random draw balanced first on rating (an unrated
 * player counts as the division's mean rating, rounded to the scale step) and then on girls
 * (co-ed), unrated players, goalkeepers and each birth year. The rating balance is searched down
 * to a proven lower bound (local search, then an exact search when still above it). Same inputs
 * and seed give the same teams whatever the input order. Throws AppError (VALIDATION or
 * FORMATION_IMPOSSIBLE) listing every reason when the request cannot be met.
 */
export function formDivision(players: readonly FormationPlayer[], teams: readonly FormationTeam[], options: FormationOptions): DivisionFormation {
  const p = prepareDivision(players, teams, options);
  const { state, bound, proven } = search(p, seededRandom(options.seed));
  return { ...figuresOf(p, state.teamOf, bound), assignments: assignmentsOf(p, state.teamOf), provenOptimal: proven };
}

/**
 * Measures any formation of a division (an engine result or a baseline) the way formDivision
 * reports its own, including the rating lower bound. Throws AppError if a player is missing,
 * placed twice or placed on an unknown team.
 */
export function evaluateFormation(
  players: readonly FormationPlayer[],
  teams: readonly FormationTeam[],
  options: FormationOptions,
  assignments: readonly Assignment[],
): FormationFigures {
  const p = prepareDivision(players, teams, options);
  const teamIndex = new Map(p.teams.map((t, i) => [t.teamId, i]));
  const playerIndex = new Map(p.players.map((pl, i) => [pl.id, i]));
  const teamOf = new Int32Array(p.n).fill(-1);
  const problems: string[] = [];
  for (const a of assignments) {
    const i = playerIndex.get(a.playerId);
    const t = teamIndex.get(a.teamId);
    if (i === undefined || t === undefined) problems.push(`Assignment ${a.playerId} -> ${a.teamId} names an unknown player or team.`);
    else if (teamOf[i] !== -1) problems.push(`Player ${a.playerId} is assigned twice.`);
    else teamOf[i] = t;
  }
  p.players.forEach((pl, i) => {
    if (teamOf[i] === -1) problems.push(`Player ${pl.id} is not assigned.`);
  });
  if (problems.length > 0) refuse(problems.map((message) => ({ code: 'VALIDATION', message })));
  return figuresOf(p, teamOf, ratingLowerBound(p));
}
