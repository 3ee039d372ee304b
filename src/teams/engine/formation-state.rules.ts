import { shuffleInPlace } from './formation-model.rules.js';
import type { Prepared } from './formation-prepare.rules.js';
import { keyOf, SLOTS } from './formation-prepare.rules.js';

/** A (possibly partial) formation with each team's running figures. */
export interface State {
  /** Team index per player, -1 while unplaced. */
  teamOf: Int32Array;
  size: Int32Array;
  /** Sum of grid positions per team. */
  g: Float64Array;
  /** Balanced-count tallies, team-major: cnt[t * attrCount + a]. */
  cnt: Int32Array;
}

export function emptyState(p: Prepared): State {
  return {
    teamOf: new Int32Array(p.n).fill(-1),
    size: new Int32Array(p.k),
    g: new Float64Array(p.k),
    cnt: new Int32Array(p.k * p.attrCount),
  };
}

export function place(p: Prepared, s: State, i: number, t: number): void {
  s.teamOf[i] = t;
  s.size[t]!++;
  s.g[t]! += p.w[i]!;
  for (let slot = 0; slot < SLOTS; slot++) {
    const a = p.attr[i * SLOTS + slot]!;
    if (a >= 0) s.cnt[t * p.attrCount + a]!++;
  }
}

export function unplace(p: Prepared, s: State, i: number): void {
  const t = s.teamOf[i]!;
  s.teamOf[i] = -1;
  s.size[t]!--;
  s.g[t]! -= p.w[i]!;
  for (let slot = 0; slot < SLOTS; slot++) {
    const a = p.attr[i * SLOTS + slot]!;
    if (a >= 0) s.cnt[t * p.attrCount + a]!--;
  }
}

/** A full state from a team index per player. */
export function stateFrom(p: Prepared, teamOf: ArrayLike<number>): State {
  const s = emptyState(p);
  for (let i = 0; i < p.n; i++) place(p, s, i, teamOf[i]!);
  return s;
}

/** Max team key minus min team key: the rating spread in key units. */
export function spreadOf(p: Prepared, s: State): number {
  let max = -Infinity;
  let min = Infinity;
  for (let t = 0; t < p.k; t++) {
    const key = keyOf(p.key, s.size[t]!, s.g[t]!);
    if (key > max) max = key;
    if (key < min) min = key;
  }
  return max - min;
}

/** Sum of squared tallies: smaller means girls, unrated, keepers and birth years are spread more evenly. */
export function countCost(s: State): number {
  let cost = 0;
  for (const c of s.cnt) cost += c * c;
  return cost;
}

/** Change in count cost if players xs leave team hi for team lo and ys leave lo for hi. */
export function exchangeCountDelta(p: Prepared, s: State, hi: number, lo: number, xs: readonly number[], ys: readonly number[]): number {
  const A = p.attrCount;
  const d = new Map<number, number>();
  const bump = (i: number, by: number) => {
    for (let slot = 0; slot < SLOTS; slot++) {
      const a = p.attr[i * SLOTS + slot]!;
      if (a >= 0) d.set(a, (d.get(a) ?? 0) + by);
    }
  };
  for (const i of xs) bump(i, -1);
  for (const j of ys) bump(j, 1);
  let delta = 0;
  for (const [a, x] of d) delta += 2 * x * (s.cnt[hi * A + a]! - s.cnt[lo * A + a]!) + 2 * x * x;
  return delta;
}

/** Which teams get q + 1 players: those filled by coach's children first, the rest by lot. */
export function plannedSizes(p: Prepared, rand: () => number): Int32Array {
  const cap = new Int32Array(p.k).fill(p.q);
  let big = 0;
  const others: number[] = [];
  for (let t = 0; t < p.k; t++) {
    if (p.pinCount[t]! > p.q) {
      cap[t] = p.q + 1;
      big++;
    } else others.push(t);
  }
  shuffleInPlace(others, rand);
  for (const t of others.slice(0, p.r - big)) cap[t] = p.q + 1;
  return cap;
}

/** Places every coach's child on the parent's team. */
export function placePins(p: Prepared, s: State): void {
  for (let i = 0; i < p.n; i++) if (p.pin[i]! >= 0) place(p, s, i, p.pin[i]!);
}

/** Deals players in the given order back and forth over the teams (a snake), skipping full teams. */
export function snakeDeal(p: Prepared, s: State, order: readonly number[], teamOrder: readonly number[], cap: Int32Array): void {
  let pos = 0;
  let dir = 1;
  for (const i of order) {
    for (;;) {
      const t = teamOrder[pos]!;
      const next = pos + dir;
      if (next < 0 || next >= teamOrder.length) dir = -dir;
      else pos = next;
      if (s.size[t]! < cap[t]!) {
        place(p, s, i, t);
        break;
      }
    }
  }
}

/**
 * The starting formation of the search: coach's children on their teams, then the other players,
 * strongest grid position first and alike players together, snaked over the teams in a random order.
 */
export function initialState(p: Prepared, rand: () => number): State {
  const s = emptyState(p);
  placePins(p, s);
  const cap = plannedSizes(p, rand);
  const sig = (i: number) => {
    let v = 0;
    for (let slot = 0; slot < SLOTS; slot++) v = v * 1024 + (p.attr[i * SLOTS + slot]! + 1);
    return v;
  };
  const order = shuffleInPlace([...p.free], rand).sort((a, b) => p.w[b]! - p.w[a]! || sig(a) - sig(b));
  const teamOrder = shuffleInPlace(
    Array.from({ length: p.k }, (_, t) => t),
    rand,
  );
  snakeDeal(p, s, order, teamOrder, cap);
  return s;
}
