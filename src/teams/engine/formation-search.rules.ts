import { shuffleInPlace } from './formation-model.rules.js';
import type { Prepared } from './formation-prepare.rules.js';
import { keyOf, SLOTS } from './formation-prepare.rules.js';
import type { State } from './formation-state.rules.js';
import { countCost, exchangeCountDelta, place, unplace } from './formation-state.rules.js';

/** A shared, deterministic work budget (candidate evaluations), never wall-clock time. */
export interface Budget {
  left: number;
}

const DEV_EPS = 1e-7;

/**
 * Local search over swaps of two players between teams and moves of one player from a team of
 * q + 1 to a team of q. A change is kept only if it improves, in order: the rating spread (never
 * counted below `target`, the lower bound), then (while above target) the squared distance of team
 * keys from the centre, which lets the search leave plateaus, then the spread of the balanced counts.
 */
class LocalSearch {
  private readonly key: Float64Array;
  private readonly top: number[] = [];
  private readonly bottom: number[] = [];
  private spread = 0;
  private readonly centre: number;
  private readonly A: number;
  /** Count cost now, and the least it could ever be (see Prepared.countFloor). */
  private cost: number;
  private readonly costFloor: number;
  /** Per (team, player type): the sweep step at which it was last tried against the current player. */
  private readonly tried: Int32Array;
  private stamp = 0;

  constructor(
    private readonly p: Prepared,
    private readonly s: State,
    private readonly target: number,
    private readonly budget: Budget,
  ) {
    this.key = new Float64Array(p.k);
    this.centre = p.key.centreNum / p.key.centreDen;
    this.A = p.attrCount;
    this.cost = countCost(s);
    this.costFloor = p.countFloor;
    this.tried = new Int32Array(p.k * p.typeCount);
    this.refresh();
  }

  /** Nothing left to gain: rating spread at the target and every count as even as it can be. */
  done(): boolean {
    return this.spread <= this.target && this.cost <= this.costFloor;
  }

  /** Recomputes keys, the three highest and lowest teams, and the spread. */
  private refresh(): void {
    const { p, s, key } = this;
    for (let t = 0; t < p.k; t++) key[t] = keyOf(p.key, s.size[t]!, s.g[t]!);
    const order = Array.from({ length: p.k }, (_, t) => t).sort((a, b) => key[b]! - key[a]!);
    this.top.length = 0;
    this.bottom.length = 0;
    for (let x = 0; x < Math.min(3, p.k); x++) {
      this.top.push(order[x]!);
      this.bottom.push(order[p.k - 1 - x]!);
    }
    this.spread = key[order[0]!]! - key[order[p.k - 1]!]!;
  }

  private maxOther(a: number, b: number): number {
    for (const t of this.top) if (t !== a && t !== b) return this.key[t]!;
    return -Infinity;
  }

  private minOther(a: number, b: number): number {
    for (const t of this.bottom) if (t !== a && t !== b) return this.key[t]!;
    return Infinity;
  }

  /**
   * How new keys for teams a and b compare with now on rating alone: -1 better (a smaller spread,
   * never counted below the target; or, above the target, the same spread with team keys closer to
   * the centre), 0 as good, 1 worse.
   */
  private ratingOrder(a: number, ka: number, b: number, kb: number): number {
    const hi = Math.max(ka, kb, this.maxOther(a, b));
    const lo = Math.min(ka, kb, this.minOther(a, b));
    const now = Math.max(this.spread, this.target);
    const next = Math.max(hi - lo, this.target);
    if (next !== now) return next < now ? -1 : 1;
    if (this.spread <= this.target) return 0;
    const d = this.deviationChange(a, ka, b, kb);
    return d < -DEV_EPS ? -1 : d > DEV_EPS ? 1 : 0;
  }

  /** Change in the squared distances of teams a's and b's keys from the centre. */
  private deviationChange(a: number, ka: number, b: number, kb: number): number {
    const { key, centre } = this;
    return (ka - centre) ** 2 + (kb - centre) ** 2 - (key[a]! - centre) ** 2 - (key[b]! - centre) ** 2;
  }

  /** Is (new keys of teams a and b, change in count cost) better than now? Keeps the change in count cost when so. */
  private better(a: number, ka: number, b: number, kb: number, countDelta: number): boolean {
    const order = this.ratingOrder(a, ka, b, kb);
    // At equal rating balance: fewer uneven counts, then (counts equal) team keys closer to the centre.
    const ok = order < 0 || (order === 0 && (countDelta < 0 || (countDelta === 0 && this.deviationChange(a, ka, b, kb) < -DEV_EPS)));
    if (ok) this.cost += countDelta;
    return ok;
  }

  /** Change in count cost when player i leaves team from for team to (pairs shared with j cancel). */
  private countShift(i: number, from: number, to: number, j: number): number {
    const { p, s, A } = this;
    let d = 0;
    for (let slot = 0; slot < SLOTS; slot++) {
      const a = p.attr[i * SLOTS + slot]!;
      if (a < 0 || (j >= 0 && p.attr[j * SLOTS + slot] === a)) continue;
      d += 2 * (s.cnt[to * A + a]! - s.cnt[from * A + a]! + 1);
    }
    return d;
  }

  trySwap(i: number, j: number): boolean {
    const { p, s } = this;
    const a = s.teamOf[i]!;
    const b = s.teamOf[j]!;
    if (a === b) return false;
    this.budget.left--;
    const dw = p.w[j]! - p.w[i]!;
    const ka = keyOf(p.key, s.size[a]!, s.g[a]! + dw);
    const kb = keyOf(p.key, s.size[b]!, s.g[b]! - dw);
    if (!this.better(a, ka, b, kb, this.countShift(i, a, b, j) + this.countShift(j, b, a, i))) return false;
    unplace(p, s, i);
    unplace(p, s, j);
    place(p, s, i, b);
    place(p, s, j, a);
    this.refresh();
    return true;
  }

  tryMove(i: number, b: number): boolean {
    const { p, s } = this;
    const a = s.teamOf[i]!;
    if (s.size[a]! !== p.q + 1 || s.size[b]! !== p.q) return false;
    this.budget.left--;
    const ka = keyOf(p.key, p.q, s.g[a]! - p.w[i]!);
    const kb = keyOf(p.key, p.q + 1, s.g[b]! + p.w[i]!);
    if (!this.better(a, ka, b, kb, this.countShift(i, a, b, -1))) return false;
    unplace(p, s, i);
    place(p, s, i, b);
    this.refresh();
    return true;
  }

  /** Tries player i against every other free player, skipping players alike to one already tried on the same team. */
  private sweep(i: number, order: readonly number[]): number {
    const { p, s, tried } = this;
    let kept = 0;
    let stamp = ++this.stamp;
    for (const j of order) {
      const slot = s.teamOf[j]! * p.typeCount + p.type[j]!;
      if (tried[slot] === stamp) continue;
      tried[slot] = stamp;
      if (this.trySwap(i, j)) {
        kept++;
        if (this.done()) return kept;
        stamp = ++this.stamp;
      }
    }
    return kept;
  }

  /** One sweep over all free players; returns how many changes were kept. */
  pass(order: readonly number[]): number {
    const { p } = this;
    let kept = 0;
    for (const i of order) {
      if (this.done() || this.budget.left <= 0) break;
      kept += this.sweep(i, order);
      if (p.r > 0) for (let b = 0; b < p.k && !this.done(); b++) if (this.tryMove(i, b)) kept++;
    }
    return kept;
  }

  /**
   * When no single swap or move helps and the spread is still above the target: exchanges two
   * players of one team for two of another (or, between a team of q + 1 and one of q, two for one),
   * the first such exchange that balances the ratings better, teams farthest from the centre
   * first. Ratings that lie on a fine or lumpy grid (averages of 0.3 and 0.7 steps, say) often
   * let no single swap shift a team by one grid step while a pair of swaps does.
   */
  exchange(): boolean {
    const { p, s, key, centre } = this;
    if (this.spread <= this.target || p.free.length < 3) return false;
    const members: number[][] = Array.from({ length: p.k }, () => []);
    for (const i of p.free) members[s.teamOf[i]!]!.push(i);
    const teams = Array.from({ length: p.k }, (_, t) => t).sort((a, b) => Math.abs(key[b]! - centre) - Math.abs(key[a]! - centre) || a - b);
    for (let x = 0; x < teams.length; x++) {
      for (let y = x + 1; y < teams.length; y++) {
        if (this.budget.left <= 0) return false;
        if (this.exchangeBetween(teams[x]!, teams[y]!, members)) return true;
      }
    }
    return false;
  }

  /** Tries the exchanges between teams a and b: 2 for 2, and 2 for 1 from a team of q + 1 to one of q. */
  private exchangeBetween(a: number, b: number, members: readonly number[][]): boolean {
    const { p, s } = this;
    const shapes: Array<[number, number]> = [[2, 2]];
    if (p.r > 0 && s.size[a] === p.q + 1 && s.size[b] === p.q) shapes.push([2, 1]);
    if (p.r > 0 && s.size[a] === p.q && s.size[b] === p.q + 1) shapes.push([1, 2]);
    for (const [na, nb] of shapes) {
      if (members[a]!.length < na || members[b]!.length < nb) continue;
      const shifts = this.ratingShifts(a, s.size[a]! - na + nb, b, s.size[b]! - nb + na, Math.max(na, nb) * p.gridTop);
      if (shifts.length === 0) continue;
      const ys = groupsBySum(p, members[b]!, nb);
      const xsList = groupsOf(p, members[a]!, na);
      this.budget.left -= ys.size + xsList.length;
      for (const dw of shifts) {
        for (const xs of xsList) {
          const list = ys.groups.get(xs.sum + dw);
          this.budget.left--;
          if (!list) continue;
          let pick: number[] | null = null;
          let pickDelta = Infinity;
          for (const cand of list) {
            const d = exchangeCountDelta(p, s, a, b, xs.players, cand);
            if (d < pickDelta) [pick, pickDelta] = [cand, d];
          }
          this.budget.left -= list.length;
          this.cost += pickDelta;
          for (const i of [...xs.players, ...pick!]) unplace(p, s, i);
          for (const i of xs.players) place(p, s, i, b);
          for (const j of pick!) place(p, s, j, a);
          this.refresh();
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The changes dw of team a's grid total (b's changing by -dw), at most reach either way, that
   * balance the ratings better once a has sizeA players and b sizeB; best outcome first.
   */
  private ratingShifts(a: number, sizeA: number, b: number, sizeB: number, reach: number): number[] {
    const { p, s } = this;
    const found: Array<{ dw: number; next: number; dev: number }> = [];
    this.budget.left -= 2 * reach + 1;
    for (let dw = -reach; dw <= reach; dw++) {
      const ka = keyOf(p.key, sizeA, s.g[a]! + dw);
      const kb = keyOf(p.key, sizeB, s.g[b]! - dw);
      if (this.ratingOrder(a, ka, b, kb) >= 0) continue;
      const next = Math.max(ka, kb, this.maxOther(a, b)) - Math.min(ka, kb, this.minOther(a, b));
      found.push({ dw, next: Math.max(next, this.target), dev: this.deviationChange(a, ka, b, kb) });
    }
    return found.sort((x, y) => x.next - y.next || x.dev - y.dev || x.dw - y.dw).map((f) => f.dw);
  }

  currentSpread(): number {
    return this.spread;
  }
}

interface Group {
  players: number[];
  sum: number;
}

/** Every group of `size` (1 or 2) of the members, with its total grid position. */
function groupsOf(p: Prepared, members: readonly number[], size: number): Group[] {
  if (size === 1) return members.map((i) => ({ players: [i], sum: p.w[i]! }));
  const out: Group[] = [];
  for (let x = 0; x < members.length; x++) {
    for (let y = x + 1; y < members.length; y++) out.push({ players: [members[x]!, members[y]!], sum: p.w[members[x]!]! + p.w[members[y]!]! });
  }
  return out;
}

/** The groups of `size` members by total grid position (one list per total). */
function groupsBySum(p: Prepared, members: readonly number[], size: number): { groups: Map<number, number[][]>; size: number } {
  const groups = new Map<number, number[][]>();
  let count = 0;
  for (const g of groupsOf(p, members, size)) {
    const list = groups.get(g.sum);
    if (list) list.push(g.players);
    else groups.set(g.sum, [g.players]);
    count++;
  }
  return { groups, size: count };
}

/**
 * Improves the state in place until no single swap or move helps (a local optimum) or the budget
 * runs out. Returns the final rating spread in key units.
 */
export function improve(p: Prepared, s: State, target: number, rand: () => number, budget: Budget): number {
  const search = new LocalSearch(p, s, target, budget);
  const order = [...p.free];
  while (budget.left > 0 && !search.done()) {
    shuffleInPlace(order, rand);
    if (search.pass(order) === 0 && !search.exchange()) break;
  }
  return search.currentSpread();
}
