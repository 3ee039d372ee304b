import { ceilDiv, floorDiv } from './formation-model.rules.js';
import type { Prepared } from './formation-prepare.rules.js';
import type { GroupSums } from './formation-sums.rules.js';
import { groupSums, narrow } from './formation-sums.rules.js';

/** For one team and one size: the grid totals G the team could have, before any window. */
interface SizeOption {
  big: boolean;
  a: number;
  m: number;
  gMin: number;
  gMax: number;
  /** Grid total of the team's coach's children, and how many free players it still takes. */
  base: number;
  need: number;
}

function prefixSums(values: number[]): number[] {
  const out = [0];
  for (const v of values) out.push(out[out.length - 1]! + v);
  return out;
}

/** Each team's possible sizes with the least and most its grid total could be (pins included). */
function teamOptions(p: Prepared): SizeOption[][] {
  const vals = p.free.map((i) => p.w[i]!).sort((x, y) => x - y);
  const pre = prefixSums(vals);
  const m = vals.length;
  const { q, r, aSmall, mSmall, aBig, mBig } = p.key;
  return p.teams.map((_, t) => {
    const c = p.pinCount[t]!;
    const base = p.pinGrid[t]!;
    const opts: SizeOption[] = [];
    const add = (size: number, big: boolean, a: number, mult: number) => {
      const need = size - c;
      if (need < 0 || need > m) return;
      opts.push({ big, a, m: mult, gMin: base + pre[need]!, gMax: base + pre[m]! - pre[m - need]!, base, need });
    };
    add(q, false, aSmall, mSmall);
    if (r > 0) add(q + 1, true, aBig, mBig);
    return opts;
  });
}

/**
 * Could every team's key lie in [lo, lo + span]? A relaxation: each team's G may be any whole
 * number its size and pins allow, the G's must add up to the division's total, and exactly r teams
 * are big. "No" is certain; "yes" may be optimistic, which keeps the bound valid.
 */
/** The grid totals of one option that keep its key in [lo, lo + span], narrowed to reachable ones. */
function optionRange(o: SizeOption, lo: number, span: number, sums: GroupSums | null): [number, number] {
  const gLo = Math.max(ceilDiv(lo - o.a, o.m), o.gMin);
  const gHi = Math.min(floorDiv(lo + span - o.a, o.m), o.gMax);
  if (!sums || gLo > gHi) return [gLo, gHi];
  const [fLo, fHi] = narrow(sums, o.need, gLo - o.base, gHi - o.base);
  return [fLo + o.base, fHi + o.base];
}

function windowFits(options: SizeOption[][], r: number, total: number, lo: number, span: number, dp: Float64Array[], sums: GroupSums | null): boolean {
  const [low, high] = dp as [Float64Array, Float64Array];
  low.fill(Infinity);
  high.fill(-Infinity);
  low[0] = 0;
  high[0] = 0;
  for (let t = 0, reach = 0; t < options.length; t++, reach = Math.min(reach + 1, r)) {
    let sLo = Infinity,
      sHi = -Infinity,
      bLo = Infinity,
      bHi = -Infinity;
    for (const o of options[t]!) {
      const [gLo, gHi] = optionRange(o, lo, span, sums);
      if (gLo > gHi) continue;
      if (o.big) {
        bLo = gLo;
        bHi = gHi;
      } else {
        sLo = gLo;
        sHi = gHi;
      }
    }
    if (sLo === Infinity && bLo === Infinity) return false;
    for (let b = Math.min(reach + 1, r); b >= 0; b--) {
      const stay = sLo !== Infinity && low[b] !== Infinity;
      const grow = b > 0 && bLo !== Infinity && low[b - 1] !== Infinity;
      const nLo = Math.min(stay ? low[b]! + sLo : Infinity, grow ? low[b - 1]! + bLo : Infinity);
      high[b] = Math.max(stay ? high[b]! + sHi : -Infinity, grow ? high[b - 1]! + bHi : -Infinity);
      low[b] = nLo;
    }
  }
  return low[r]! <= total && total <= high[r]!;
}

/** Is some window of width span feasible? Its low end is a key value at most the centre. */
function spanFits(p: Prepared, options: SizeOption[][], span: number, sums: GroupSums | null): boolean {
  const { centreNum: num, centreDen: den, r } = p.key;
  const loMin = ceilDiv(num - span * den, den);
  const loMax = floorDiv(num, den);
  const dp = [new Float64Array(r + 1), new Float64Array(r + 1)];
  const models = [{ a: p.key.aSmall, m: p.key.mSmall }];
  if (r > 0) models.push({ a: p.key.aBig, m: p.key.mBig });
  for (const { a, m } of models) {
    for (let g = ceilDiv(loMin - a, m); a + m * g <= loMax; g++) {
      if (windowFits(options, r, p.gridTotal, a + m * g, span, dp, sums)) return true;
    }
  }
  return false;
}

/**
 * The least rating spread (in key units) any formation of this division could have. Ratings lie on
 * a grid, so team sums (or means) can only take certain values: e.g. a total of 31 grid steps over
 * 2 teams of equal size cannot split closer than 15 and 16; and a team's total must be a sum of
 * that many of this division's ratings. Coach's children are fixed on their team, which also
 * limits the sums that team can reach. The bound is valid (never above the true
 * optimum) and usually reached; when it is not, the exact search may still prove optimality.
 * `quick` skips the sums of ratings (grid and pins only): a weaker bound, equal to the full one
 * whenever a formation reaches it, so the engine computes the full one only when it must.
 */
export function ratingLowerBound(p: Prepared, quick = false): number {
  const options = teamOptions(p);
  const sums = quick
    ? null
    : groupSums(
        p.free.map((i) => p.w[i]!),
        p.q + 1,
      );
  const fits = (span: number) => spanFits(p, options, span, sums);
  if (fits(0)) return 0;
  let lo = 0;
  let hi = 1;
  while (!fits(hi)) {
    lo = hi;
    hi *= 2;
    if (hi > 2 ** 40) throw new Error('rating bound search did not converge');
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
