import { ceilDiv, floorDiv, shuffleInPlace } from './formation-model.rules.js';
import type { Prepared } from './formation-prepare.rules.js';
import { keyOf } from './formation-prepare.rules.js';
import type { Budget } from './formation-search.rules.js';
import { WindowCheck } from './formation-window.rules.js';

export interface ExactResult {
  /** A formation better than the one given, or null if none was found. */
  teamOf: Int32Array | null;
  /** The best spread known at the end (key units). */
  spread: number;
  /** True when the search ran to the end: then `spread` is the true optimum. */
  complete: boolean;
}

/** Branch and bound over the free players, strongest first, looking for a smaller spread. */
class Exact {
  private readonly order: Int32Array;
  private readonly pre: Float64Array;
  private readonly size: Int32Array;
  private readonly g: Float64Array;
  private readonly at: Int32Array;
  /** Scratch list of candidate teams per depth. */
  private readonly cand: Int32Array;
  private readonly teamOrder: Int32Array;
  private bigUsed = 0;
  private readonly window: WindowCheck;
  best: number;
  found: Int32Array | null = null;
  aborted = false;

  constructor(
    private readonly p: Prepared,
    best: number,
    private readonly floor: number,
    rand: () => number,
    private readonly budget: Budget,
  ) {
    this.best = best;
    const order = shuffleInPlace([...p.free], rand).sort((a, b) => p.w[b]! - p.w[a]!);
    this.order = Int32Array.from(order);
    this.pre = new Float64Array(order.length + 1);
    order.forEach((i, x) => {
      this.pre[x + 1] = this.pre[x]! + p.w[i]!;
    });
    this.size = Int32Array.from(p.pinCount);
    this.g = Float64Array.from(p.pinGrid);
    for (let t = 0; t < p.k; t++) if (this.size[t] === p.q + 1) this.bigUsed++;
    this.at = new Int32Array(order.length);
    this.window = new WindowCheck(p.k);
    this.cand = new Int32Array((order.length + 1) * p.k);
    this.teamOrder = Int32Array.from(
      shuffleInPlace(
        Array.from({ length: p.k }, (_, t) => t),
        rand,
      ),
    );
  }

  /** True when no completion of this partial formation can have a spread below best. */
  private hopeless(depth: number): boolean {
    const { p, size, g, pre } = this;
    const { q, r, centreNum, centreDen } = p.key;
    const m = this.order.length;
    const left = m - depth;
    const canGrow = r > 0 && this.bigUsed < r;
    let maxOfMin = -Infinity;
    let minOfMax = Infinity;
    for (let t = 0; t < p.k; t++) {
      const st = size[t]!;
      let lo = Infinity;
      let hi = -Infinity;
      for (let s = st === q + 1 ? q + 1 : q; s <= (st === q + 1 || canGrow ? q + 1 : q); s++) {
        const need = s - st;
        if (need > left) continue;
        lo = Math.min(lo, keyOf(p.key, s, g[t]! + pre[m]! - pre[m - need]!));
        hi = Math.max(hi, keyOf(p.key, s, g[t]! + pre[depth + need]! - pre[depth]!));
      }
      if (lo > maxOfMin) maxOfMin = lo;
      if (hi < minOfMax) minOfMax = hi;
    }
    const best = this.best;
    // Some final key is <= the centre and some is >= it, so every key lies within best of it.
    if (maxOfMin - minOfMax >= best || maxOfMin * centreDen >= centreNum + best * centreDen || minOfMax * centreDen <= centreNum - best * centreDen) {
      return true;
    }
    if (!Number.isFinite(best)) return false;
    const loMin = Math.max(maxOfMin - best + 1, ceilDiv(centreNum - (best - 1) * centreDen, centreDen));
    const loMax = Math.min(minOfMax, floorDiv(centreNum, centreDen));
    const part = { p, size, g, pre, depth, bigUsed: this.bigUsed };
    return !this.window.someFits(part, best - 1, loMin, loMax, this.budget);
  }

  private canTake(t: number): boolean {
    const size = this.size[t]!;
    return size < this.p.q || (size === this.p.q && this.p.r > 0 && this.bigUsed < this.p.r);
  }

  private leaf(): void {
    const { p, size, g } = this;
    let max = -Infinity;
    let min = Infinity;
    for (let t = 0; t < p.k; t++) {
      const key = keyOf(p.key, size[t]!, g[t]!);
      if (key > max) max = key;
      if (key < min) min = key;
    }
    if (max - min >= this.best) return;
    this.best = max - min;
    const teamOf = Int32Array.from(p.pin);
    this.order.forEach((i, x) => {
      teamOf[i] = this.at[x]!;
    });
    this.found = teamOf;
  }

  /** Fills the candidate teams for depth (weakest first, one per identical size and total); returns how many. */
  private candidates(depth: number): number {
    const { p, size, g, cand } = this;
    const base = depth * p.k;
    let count = 0;
    for (const t of this.teamOrder) {
      if (!this.canTake(t)) continue;
      let twin = false;
      for (let c = 0; c < count && !twin; c++) twin = size[cand[base + c]!] === size[t] && g[cand[base + c]!] === g[t];
      if (twin) continue;
      const v = g[t]! / (size[t]! + 1);
      let c = count++;
      for (; c > 0 && g[cand[base + c - 1]!]! / (size[cand[base + c - 1]!]! + 1) > v; c--) cand[base + c] = cand[base + c - 1]!;
      cand[base + c] = t;
    }
    return count;
  }

  dfs(depth: number): void {
    if (this.aborted || this.best <= this.floor) return;
    this.budget.left -= this.p.k;
    if (this.budget.left < 0) {
      this.aborted = true;
      return;
    }
    if (depth === this.order.length) {
      this.leaf();
      return;
    }
    if (this.hopeless(depth)) return;
    const { p, size, g } = this;
    const w = p.w[this.order[depth]!]!;
    const count = this.candidates(depth);
    for (let c = 0; c < count; c++) {
      const t = this.cand[depth * p.k + c]!;
      const grows = size[t] === p.q;
      if (grows) this.bigUsed++;
      size[t]!++;
      g[t]! += w;
      this.at[depth] = t;
      this.dfs(depth + 1);
      size[t]!--;
      g[t]! -= w;
      if (grows) this.bigUsed--;
    }
  }
}

/**
 * Exhaustive search (with pruning and without trying teams that are interchangeable) for a
 * formation whose rating spread is below `best`, stopping at `floor` (the lower bound) or when the
 * budget (counted in team-steps: k per node and per window check) runs out. Used when local search stops above the bound: on small divisions it finds
 * the true optimum or proves that the current spread is already optimal.
 */
export function exactSearch(p: Prepared, best: number, floor: number, rand: () => number, budget: Budget): ExactResult {
  const search = new Exact(p, best, floor, rand, budget);
  search.dfs(0);
  return { teamOf: search.found, spread: search.best, complete: !search.aborted };
}
