/**
 * Which grid totals a group of exactly c free players can have, for c up to a team's size: the
 * subset sums of the division's free players. They sharpen the rating lower bound where ratings
 * are lumpy (say, everyone rated 1 but a few 10s: a team's total then jumps by 9, never by 1).
 */
export interface GroupSums {
  /** For each count c: the least reachable total >= x (or Infinity), by x. */
  up: Float64Array[];
  /** For each count c: the most reachable total <= x (or -Infinity), by x. */
  down: Float64Array[];
}

/** Work cap (players x counts x totals) above which the sums are not computed (the bound then uses ranges only). */
const MAX_WORK = 4_000_000;

function reachable(values: readonly number[], maxCount: number, maxSum: number): Uint8Array[] {
  const reach = Array.from({ length: maxCount + 1 }, () => new Uint8Array(maxSum + 1));
  reach[0]![0] = 1;
  let used = 0;
  for (const v of values) {
    used++;
    for (let c = Math.min(used, maxCount); c >= 1; c--) {
      const from = reach[c - 1]!;
      const to = reach[c]!;
      for (let s = maxSum - v; s >= 0; s--) if (from[s]) to[s + v] = 1;
    }
  }
  return reach;
}

/** Subset sums of exactly c of the values for c = 0..maxCount, or null when too costly to compute. */
export function groupSums(values: readonly number[], maxCount: number): GroupSums | null {
  const sorted = [...values].sort((a, b) => b - a);
  const maxSum = sorted.slice(0, maxCount).reduce((a, b) => a + b, 0);
  if (values.length * (maxCount + 1) * (maxSum + 1) > MAX_WORK) return null;
  const reach = reachable(sorted, maxCount, maxSum);
  const up = reach.map((row) => {
    const out = new Float64Array(maxSum + 2).fill(Infinity);
    for (let s = maxSum; s >= 0; s--) out[s] = row[s] ? s : out[s + 1]!;
    return out;
  });
  const down = reach.map((row) => {
    const out = new Float64Array(maxSum + 1).fill(-Infinity);
    for (let s = 0; s <= maxSum; s++) out[s] = row[s] ? s : s > 0 ? out[s - 1]! : -Infinity;
    return out;
  });
  return { up, down };
}

/** Narrows [lo, hi] (totals of `count` free players) to reachable totals; lo > hi when none is. */
export function narrow(sums: GroupSums, count: number, lo: number, hi: number): [number, number] {
  const up = sums.up[count]!;
  const down = sums.down[count]!;
  const top = down.length - 1;
  const nLo = lo <= 0 ? up[0]! : lo > top ? Infinity : up[lo]!;
  const nHi = hi < 0 ? -Infinity : hi > top ? down[top]! : down[hi]!;
  return [nLo, nHi];
}
