import { shuffleInPlace } from './formation-model.rules.js';
import type { Prepared } from './formation-prepare.rules.js';
import { keyOf, SLOTS } from './formation-prepare.rules.js';
import type { State } from './formation-state.rules.js';
import { countCost, place, unplace } from './formation-state.rules.js';

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

  /** Is (new keys of teams a and b, change in count cost) better than now? Keeps the change in count cost when so. */
  private better(a: number, ka: number, b: number, kb: number, countDelta: number): boolean {
    const hi = Math.max(ka, kb, this.maxOther(a, b));
    const lo = Math.min(ka, kb, this.minOther(a, b));
    const now = Math.max(this.spread, this.target);
    const next = Math.max(hi - lo, this.target);
    let ok = next < now;
    if (next === now && this.spread > this.target) {
      const { key, centre } = this;
      const d = (ka - centre) ** 2 + (kb - centre) ** 2 - (key[a]! - centre) ** 2 - (key[b]! - centre) ** 2;
      ok = d < -DEV_EPS || (d <= DEV_EPS && countDelta < 0);
    } else if (next === now) ok = countDelta < 0;
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

  currentSpread(): number {
    return this.spread;
  }
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
    if (search.pass(order) === 0) break;
  }
  return search.currentSpread();
}
