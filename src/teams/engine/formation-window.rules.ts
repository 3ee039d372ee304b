import { ceilDiv, floorDiv } from './formation-model.rules.js';
import type { Prepared } from './formation-prepare.rules.js';
import type { Budget } from './formation-search.rules.js';

/** A partial formation as the exact search holds it: players placed strongest first. */
export interface Partial {
  p: Prepared;
  size: Int32Array;
  g: Float64Array;
  /** Prefix sums of the free players' grid positions, in placing order. */
  pre: Float64Array;
  /** Players placed so far (of pre.length - 1). */
  depth: number;
  /** Teams already at q + 1 players. */
  bigUsed: number;
}

/**
 * Pruning test of the exact search: could every final team key lie in one window [lo, lo + span]
 * while the teams' grid totals still add up to the division's total? A relaxation (each team may
 * reach any whole total between its least and most), so "no" is certain and prunes safely.
 */
export class WindowCheck {
  private readonly low: Float64Array;
  private readonly high: Float64Array;
  /** Per team: grid range keeping its size class [smallLo, smallHi] and becoming big [bigLo, bigHi]. */
  private readonly range = new Float64Array(4);

  constructor(k: number) {
    this.low = new Float64Array(k + 2);
    this.high = new Float64Array(k + 2);
  }

  /** Is there such a window whose low end (a key value) lies in [loMin, loMax]? */
  someFits(part: Partial, span: number, loMin: number, loMax: number, budget: Budget): boolean {
    const { r, aSmall, mSmall, aBig, mBig } = part.p.key;
    const models = r === 0 || (aBig === aSmall && mBig === mSmall) ? 1 : 2;
    for (let x = 0; x < models; x++) {
      const a = x === 0 ? aSmall : aBig;
      const m = x === 0 ? mSmall : mBig;
      for (let lo = a + m * ceilDiv(loMin - a, m); lo <= loMax; lo += m) {
        budget.left -= part.p.k * (part.p.key.r - part.bigUsed + 1);
        if (this.fits(part, lo, lo + span)) return true;
      }
    }
    return false;
  }

  /** Fills this.range for team t with the grid totals that keep its key within [lo, hi]. */
  private teamRange(part: Partial, t: number, lo: number, hi: number): void {
    const { p, size, g, pre, depth } = part;
    const { q, r } = p.key;
    const m = pre.length - 1;
    const st = size[t]!;
    const range = this.range.fill(Infinity, 0, 1).fill(-Infinity, 1, 2).fill(Infinity, 2, 3).fill(-Infinity, 3, 4);
    const canGrow = r > 0 && part.bigUsed < r;
    for (let s = st === q + 1 ? q + 1 : q; s <= (st === q + 1 || canGrow ? q + 1 : q); s++) {
      const need = s - st;
      if (need > m - depth) continue;
      const a = s === q ? p.key.aSmall : p.key.aBig;
      const mul = s === q ? p.key.mSmall : p.key.mBig;
      const gLo = Math.max(ceilDiv(lo - a, mul), g[t]! + pre[m]! - pre[m - need]!);
      const gHi = Math.min(floorDiv(hi - a, mul), g[t]! + pre[depth + need]! - pre[depth]!);
      if (gLo > gHi) continue;
      const at = s === q + 1 && st <= q ? 2 : 0;
      range[at] = gLo;
      range[at + 1] = gHi;
    }
  }

  /** Least and most total over teams, per number of teams that become big (a knapsack over teams). */
  private fits(part: Partial, lo: number, hi: number): boolean {
    const { p } = part;
    const { low, high, range } = this;
    const extraBig = p.key.r - part.bigUsed;
    low.fill(Infinity, 0, extraBig + 1);
    high.fill(-Infinity, 0, extraBig + 1);
    low[0] = 0;
    high[0] = 0;
    for (let t = 0, reach = 0; t < p.k; t++, reach = Math.min(reach + 1, extraBig)) {
      this.teamRange(part, t, lo, hi);
      if (range[0] === Infinity && range[2] === Infinity) return false;
      for (let b = Math.min(reach + 1, extraBig); b >= 0; b--) {
        const stay = range[0] !== Infinity && low[b] !== Infinity;
        const grow = b > 0 && range[2] !== Infinity && low[b - 1] !== Infinity;
        const nLo = Math.min(stay ? low[b]! + range[0]! : Infinity, grow ? low[b - 1]! + range[2]! : Infinity);
        const nHi = Math.max(stay ? high[b]! + range[1]! : -Infinity, grow ? high[b - 1]! + range[3]! : -Infinity);
        low[b] = nLo;
        high[b] = nHi;
      }
    }
    return low[extraBig]! <= p.gridTotal && p.gridTotal <= high[extraBig]!;
  }
}
