import type { FormationOptions, FormationPlayer, FormationTeam, RatingObjective, RatingScale } from './formation-model.rules.js';
import { byText } from './formation-model.rules.js';
import { gridIndex, sizePlan, sumUnitDivisor } from './formation-validate.rules.js';

/**
 * Team rating balance in exact integers. Ratings are first put on the coarsest grid that holds
 * every effective rating of the division (see Grid): a player's grid position is a whole number
 * 0, 1, 2, ... A team of size s whose players' grid positions add up to G has the key
 * a(s) + m(s) * G, and the objective is max key - min key:
 * - sum: key = team sum / unit, unit = grid step / d (d makes the grid's base / its step whole);
 * - mean: key = (team mean - grid base) * L / grid step with L = q (all sizes equal) or q (q + 1),
 *   so means of teams of q and q + 1 players compare exactly.
 * Sizes are always q or q + 1 (r teams of q + 1).
 */
export interface KeyModel {
  q: number;
  r: number;
  aSmall: number;
  mSmall: number;
  aBig: number;
  mBig: number;
  /** Rating units per key unit. */
  unit: number;
  /** Some team's key is <= centreNum / centreDen <= some team's key (average sum, or overall mean). */
  centreNum: number;
  centreDen: number;
}

/**
 * The grid the search works on. Effective ratings are whole steps of the scale (any step: 1, 0.5,
 * 0.25, 0.1 ...), read as whole scale positions once with a tolerance, so binary noise (0.1 + 0.2)
 * never reaches the search. The division's positions are then shifted to start at 0 and divided
 * by their greatest common divisor: ratings averaged onto a 0.1 step that all happen to be whole
 * or half numbers are searched and bounded exactly as on a scale of step 1 or 0.5. Every search
 * table (sums, shifts, windows) then spans the division's own range of ratings, not the scale's.
 * A rating is min + step * (base + unit * grid position).
 */
export interface Grid {
  /** Scale position (0 = the scale's min) of grid position 0: the lowest effective rating. */
  base: number;
  /** Scale positions per grid position. */
  unit: number;
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y) [x, y] = [y, x % y];
  return x;
}

/** The coarsest grid holding all these scale positions, and each position on it. */
export function divisionGrid(positions: Int32Array): { grid: Grid; w: Int32Array } {
  let base = Infinity;
  for (const x of positions) if (x < base) base = x;
  if (!Number.isFinite(base)) base = 0;
  let unit = 0;
  for (const x of positions) unit = gcd(unit, x - base);
  if (unit === 0) unit = 1;
  return { grid: { base, unit }, w: positions.map((x) => (x - base) / unit) };
}

/** A team's rating sum in rating units (size players with grid positions adding up to g). */
export function ratingSumOf(p: Prepared, size: number, g: number): number {
  const { min, step } = p.scale;
  return size * min + step * (size * p.grid.base + p.grid.unit * g);
}

/** Attribute slots per player: girl, unrated, keeper, birth year (ids: 0, 1, 2, 3 + year index). */
export const SLOTS = 4;

/** A division ready for the search: sorted, indexed, ratings on the integer grid. */
export interface Prepared {
  players: FormationPlayer[];
  teams: FormationTeam[];
  n: number;
  k: number;
  q: number;
  r: number;
  objective: RatingObjective;
  scale: RatingScale;
  coed: boolean;
  /** Effective grid position per player (unrated -> the rounded division mean), on the division's grid. */
  w: Int32Array;
  grid: Grid;
  /** Pinned team index per player, -1 when free. */
  pin: Int32Array;
  pinCount: Int32Array;
  pinGrid: Float64Array;
  free: number[];
  /** The scale position (not grid position) an unrated player counts as. */
  unratedGrid: number;
  gridTotal: number;
  /** The highest effective grid position of any player. */
  gridTop: number;
  /** Attribute id per player and slot (-1 = none); attributes 0..attrCount-1. */
  attr: Int32Array;
  attrCount: number;
  /**
   * The least count cost (sum over teams and attributes of squared tallies) any formation could
   * have: each tally split as evenly as possible, given the coach's children already placed.
   */
  countFloor: number;
  /** Players of the same type (grid position and attributes) are interchangeable in the search. */
  type: Int32Array;
  typeCount: number;
  years: string[];
  key: KeyModel;
}

export function keyOf(km: KeyModel, size: number, g: number): number {
  return size === km.q ? km.aSmall + km.mSmall * g : km.aBig + km.mBig * g;
}

function keyModel(objective: RatingObjective, scale: RatingScale, grid: Grid, n: number, k: number, gridTotal: number): KeyModel {
  const { q, r } = sizePlan(n, k);
  const gridStep = scale.step * grid.unit;
  if (objective === 'sum') {
    // Team sum = s * (min + step * base) + step * unit * G. With min / step = c / d0 (d0 from the
    // scale), the grid base over the grid step is (c + base * d0) / (d0 * unit): reduced to o / d.
    const d0 = sumUnitDivisor(scale) ?? 1;
    const c = Math.round((d0 * scale.min) / scale.step);
    const num = c + grid.base * d0;
    const den = d0 * grid.unit;
    const common = gcd(num, den) || 1;
    const o = num / common;
    const d = den / common;
    return { q, r, aSmall: q * o, mSmall: d, aBig: (q + 1) * o, mBig: d, unit: gridStep / d, centreNum: n * o + d * gridTotal, centreDen: k };
  }
  const L = r === 0 ? q : q * (q + 1);
  const mSmall = L / q;
  return { q, r, aSmall: 0, mSmall, aBig: 0, mBig: r === 0 ? mSmall : L / (q + 1), unit: gridStep / L, centreNum: L * gridTotal, centreDen: n };
}

function unratedGrid(players: readonly FormationPlayer[], scale: RatingScale): number {
  let sum = 0;
  let count = 0;
  for (const p of players) {
    if (p.rating === null) continue;
    sum += gridIndex(p.rating, scale) ?? 0;
    count++;
  }
  if (count === 0) return Math.round(Math.round((scale.max - scale.min) / scale.step) / 2);
  return Math.round(sum / count);
}

function attributes(players: readonly FormationPlayer[], coed: boolean): { attr: Int32Array; years: string[] } {
  const years = [...new Set(players.map((p) => p.birthDate.slice(0, 4)))].sort(byText);
  const yearIndex = new Map(years.map((y, i) => [y, i]));
  const attr = new Int32Array(players.length * SLOTS).fill(-1);
  players.forEach((p, i) => {
    if (coed && p.gender === 'F') attr[i * SLOTS] = 0;
    if (p.rating === null) attr[i * SLOTS + 1] = 1;
    if (p.goalkeeper) attr[i * SLOTS + 2] = 2;
    attr[i * SLOTS + 3] = 3 + yearIndex.get(p.birthDate.slice(0, 4))!;
  });
  return { attr, years };
}

function playerTypes(w: Int32Array, attr: Int32Array): { type: Int32Array; typeCount: number } {
  const ids = new Map<string, number>();
  const type = new Int32Array(w.length);
  for (let i = 0; i < w.length; i++) {
    const sig = `${w[i]}|${attr.subarray(i * SLOTS, i * SLOTS + SLOTS).join(',')}`;
    let id = ids.get(sig);
    if (id === undefined) ids.set(sig, (id = ids.size));
    type[i] = id;
  }
  return { type, typeCount: ids.size };
}

/** Least sum of squares of whole counts c_t >= least[t] adding up to total (fill the lowest first). */
export function evenSplitCost(least: readonly number[], total: number): number {
  let lo = 0;
  let hi = total;
  const fill = (level: number) => least.reduce((a, m) => a + Math.max(m, level), 0);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fill(mid) <= total) lo = mid;
    else hi = mid - 1;
  }
  let extra = total - fill(lo);
  let cost = 0;
  for (const m of least) {
    let c = Math.max(m, lo);
    if (m <= lo && extra > 0) {
      c++;
      extra--;
    }
    cost += c * c;
  }
  return cost;
}

function countFloor(attr: Int32Array, pin: Int32Array, k: number, attrCount: number): number {
  const least = new Array<number>(k * attrCount).fill(0);
  const totals = new Array<number>(attrCount).fill(0);
  for (let x = 0; x < attr.length; x++) {
    const a = attr[x]!;
    if (a < 0) continue;
    totals[a]!++;
    const t = pin[Math.floor(x / SLOTS)]!;
    if (t >= 0) least[t * attrCount + a]!++;
  }
  let floor = 0;
  for (let a = 0; a < attrCount; a++) {
    floor += evenSplitCost(
      Array.from({ length: k }, (_, t) => least[t * attrCount + a]!),
      totals[a]!,
    );
  }
  return floor;
}

/** Sorts players by id and teams by team id (so row order never matters) and indexes the division. */
export function prepare(players: readonly FormationPlayer[], teams: readonly FormationTeam[], options: FormationOptions): Prepared {
  const ps = [...players].sort((a, b) => byText(a.id, b.id));
  const ts = [...teams].sort((a, b) => byText(a.teamId, b.teamId));
  const n = ps.length;
  const k = ts.length;
  const teamIndex = new Map(ts.map((t, i) => [t.teamId, i]));
  const ug = unratedGrid(ps, options.scale);
  const { grid, w } = divisionGrid(Int32Array.from(ps, (p) => (p.rating === null ? ug : gridIndex(p.rating, options.scale)!)));
  const pin = Int32Array.from(ps, (p) => (p.coachChildOf === null ? -1 : teamIndex.get(p.coachChildOf)!));
  const pinCount = new Int32Array(k);
  const pinGrid = new Float64Array(k);
  const free: number[] = [];
  let gridTotal = 0;
  for (let i = 0; i < n; i++) {
    gridTotal += w[i]!;
    const t = pin[i]!;
    if (t < 0) free.push(i);
    else {
      pinCount[t]!++;
      pinGrid[t]! += w[i]!;
    }
  }
  const objective = options.objective ?? 'mean';
  const { attr, years } = attributes(ps, options.coed);
  const { q, r } = sizePlan(n, k);
  const { type, typeCount } = playerTypes(w, attr);
  return {
    players: ps,
    teams: ts,
    n,
    k,
    q,
    r,
    objective,
    scale: options.scale,
    coed: options.coed,
    w,
    grid,
    pin,
    pinCount,
    pinGrid,
    free,
    unratedGrid: ug,
    gridTotal,
    gridTop: w.reduce((a, x) => Math.max(a, x), 0),
    attr,
    attrCount: 3 + years.length,
    type,
    typeCount,
    years,
    countFloor: countFloor(attr, pin, k, 3 + years.length),
    key: keyModel(objective, options.scale, grid, n, k, gridTotal),
  };
}
