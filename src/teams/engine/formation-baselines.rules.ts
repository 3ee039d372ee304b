/**
 * Baselines, for the benchmark and for comparison only (the region's rules forbid drafts): a random
 * deal, a snake draft and a greedy deal to the weakest team. All keep the engine's hard rules
 * (coach's children on their parent's team, sizes within one) and use effective ratings.
 */
import { seededRandom } from '../../platform/clock.js';
import { prepareDivision } from './formation-division.rules.js';
import type { Assignment, FormationOptions, FormationPlayer, FormationTeam } from './formation-model.rules.js';
import { byText, shuffleInPlace } from './formation-model.rules.js';
import type { Prepared } from './formation-prepare.rules.js';
import { ratingSumOf } from './formation-prepare.rules.js';
import type { State } from './formation-state.rules.js';
import { emptyState, place, placePins, plannedSizes, snakeDeal } from './formation-state.rules.js';

interface Start {
  p: Prepared;
  s: State;
  cap: Int32Array;
  rand: () => number;
  teamOrder: number[];
}

function start(players: readonly FormationPlayer[], teams: readonly FormationTeam[], options: FormationOptions): Start {
  const p = prepareDivision(players, teams, options);
  const rand = seededRandom(options.seed);
  const s = emptyState(p);
  placePins(p, s);
  const cap = plannedSizes(p, rand);
  const teamOrder = shuffleInPlace(
    Array.from({ length: p.k }, (_, t) => t),
    rand,
  );
  return { p, s, cap, rand, teamOrder };
}

function strongestFirst({ p, rand }: Start): number[] {
  const sign = p.scale.higherIsStronger ? 1 : -1;
  return shuffleInPlace([...p.free], rand).sort((a, b) => sign * (p.w[b]! - p.w[a]!));
}

function result({ p, s }: Start): Assignment[] {
  return p.players.map((pl, i) => ({ playerId: pl.id, teamId: p.teams[s.teamOf[i]!]!.teamId })).sort((a, b) => byText(a.teamId, b.teamId) || byText(a.playerId, b.playerId));
}

/** Shuffles the players and deals them out like cards: balance only by luck. */
export function randomDeal(players: readonly FormationPlayer[], teams: readonly FormationTeam[], options: FormationOptions): Assignment[] {
  const st = start(players, teams, options);
  snakeDeal(st.p, st.s, shuffleInPlace([...st.p.free], st.rand), st.teamOrder, st.cap);
  return result(st);
}

/** Strongest player first, teams picking in a snake order (1..k, k..1, ...). */
export function snakeDraft(players: readonly FormationPlayer[], teams: readonly FormationTeam[], options: FormationOptions): Assignment[] {
  const st = start(players, teams, options);
  snakeDeal(st.p, st.s, strongestFirst(st), st.teamOrder, st.cap);
  return result(st);
}

/**
 * Strongest player first, each to the team with room whose rating sum is weakest so far, ties to
 * the team earlier in a random order (the classic greedy; room is what keeps sizes within one).
 */
export function greedyWeakest(players: readonly FormationPlayer[], teams: readonly FormationTeam[], options: FormationOptions): Assignment[] {
  const st = start(players, teams, options);
  const { p, s, cap, teamOrder } = st;
  const sign = p.scale.higherIsStronger ? 1 : -1;
  const strength = (t: number) => sign * ratingSumOf(p, s.size[t]!, s.g[t]!);
  for (const i of strongestFirst(st)) {
    let best = -1;
    for (const t of teamOrder) {
      if (s.size[t]! >= cap[t]!) continue;
      if (best < 0 || strength(t) < strength(best)) best = t;
    }
    place(p, s, i, best);
  }
  return result(st);
}
