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

/**
 * Caps on the tables, which grow with the range of grid positions (a fine step such as 0.1 widens
 * it tenfold) and with the team size: the work in 32-bit words (values x counts x totals / 32) and
 * the entries of the look-up tables (counts x totals). Past either the sums are not computed and
 * the bound uses ranges only: still valid, only less sharp.
 */
const MAX_WORD_WORK = 24_000_000;
const MAX_ENTRIES = 1_000_000;

/** reach[c] |= from << v, on bitsets of 32-bit words. */
function shiftOr(to: Uint32Array, from: Uint32Array, v: number): void {
  const words = v >>> 5;
  const bits = v & 31;
  for (let i = to.length - 1; i >= words; i--) {
    const src = i - words;
    let x = from[src]! << bits;
    if (bits !== 0 && src > 0) x |= from[src - 1]! >>> (32 - bits);
    to[i]! |= x;
  }
}

/** Bitsets of the totals reachable by exactly c of the values, c = 0..maxCount. */
function reachable(values: readonly number[], maxCount: number, words: number): Uint32Array[] {
  const reach = Array.from({ length: maxCount + 1 }, () => new Uint32Array(words));
  reach[0]![0] = 1;
  let used = 0;
  for (const v of values) {
    used++;
    for (let c = Math.min(used, maxCount); c >= 1; c--) shiftOr(reach[c]!, reach[c - 1]!, v);
  }
  return reach;
}

/** A group of maxCount never holds more than maxCount players of one value: the rest change no sum. */
function usable(values: readonly number[], maxCount: number): number[] {
  const seen = new Map<number, number>();
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => b - a)) {
    const n = seen.get(v) ?? 0;
    if (n >= maxCount) continue;
    seen.set(v, n + 1);
    out.push(v);
  }
  return out;
}

/** Subset sums of exactly c of the values for c = 0..maxCount, or null when too costly to compute. */
export function groupSums(values: readonly number[], maxCount: number): GroupSums | null {
  const sorted = usable(values, maxCount);
  const maxSum = sorted.slice(0, maxCount).reduce((a, b) => a + b, 0);
  const words = (maxSum >>> 5) + 1;
  if (sorted.length * (maxCount + 1) * words > MAX_WORD_WORK || (maxCount + 1) * (maxSum + 2) > MAX_ENTRIES) return null;
  const reach = reachable(sorted, maxCount, words);
  const has = (row: Uint32Array, x: number) => (row[x >>> 5]! >>> (x & 31)) & 1;
  const up = reach.map((row) => {
    const out = new Float64Array(maxSum + 2).fill(Infinity);
    for (let x = maxSum; x >= 0; x--) out[x] = has(row, x) ? x : out[x + 1]!;
    return out;
  });
  const down = reach.map((row) => {
    const out = new Float64Array(maxSum + 1).fill(-Infinity);
    for (let x = 0; x <= maxSum; x++) out[x] = has(row, x) ? x : x > 0 ? out[x - 1]! : -Infinity;
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
