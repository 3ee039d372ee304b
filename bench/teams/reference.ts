/**
 * A simple reference search to hold the engine against, written independently of it: many random
 * restarts, each a random formation (coach's children on their teams, sizes within one) improved by
 * hill climbing over swaps of two players and moves of one player from a bigger team to a smaller
 * one, minimizing the standard deviation of the team mean ratings directly. The best restart wins.
 * Deterministic for a seed. It knows nothing of lower bounds, counts or plateaus.
 */
import { seededRandom } from '../../src/platform/clock.js';
import type { RatingScale } from '../../src/players/index.js';
import { gridIndex } from '../../src/players/index.js';
import type { Assignment, RegionPlayer, RegionTeam } from '../../src/teams/index.js';

interface Problem {
  n: number;
  k: number;
  q: number;
  r: number;
  /** Effective grid position per player (unrated: the rated players' mean, rounded). */
  w: number[];
  pin: number[];
  free: number[];
  pinCount: number[];
}

function problemOf(players: readonly RegionPlayer[], teams: readonly RegionTeam[], scale: RatingScale): Problem {
  const teamIndex = new Map(teams.map((t, i) => [t.teamId, i]));
  const grids = players.map((p) => (p.rating === null ? null : gridIndex(p.rating, scale)!));
  const rated = grids.filter((g): g is number => g !== null);
  const unrated = rated.length ? Math.round(rated.reduce((a, b) => a + b, 0) / rated.length) : Math.round(Math.round((scale.max - scale.min) / scale.step) / 2);
  const pin = players.map((p) => (p.coachChildOf === null ? -1 : teamIndex.get(p.coachChildOf)!));
  const pinCount = teams.map((_, t) => pin.filter((x) => x === t).length);
  const n = players.length;
  const k = teams.length;
  return {
    n,
    k,
    q: Math.floor(n / k),
    r: n % k,
    w: grids.map((g) => g ?? unrated),
    pin,
    free: pin.flatMap((t, i) => (t < 0 ? [i] : [])),
    pinCount,
  };
}

function shuffle<T>(xs: T[], rand: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

/** One restart: a random formation, then first-improvement hill climbing on the variance of team means. */
function climb(pr: Problem, rand: () => number): { teamOf: number[]; score: number } {
  const { k, q, r, w } = pr;
  const cap = pr.pinCount.map((c) => (c > q ? q + 1 : q));
  const others = shuffle(
    cap.flatMap((c, t) => (c === q ? [t] : [])),
    rand,
  );
  for (const t of others.slice(0, r - cap.filter((c) => c > q).length)) cap[t] = q + 1;
  const teamOf = [...pr.pin];
  const size = pr.pinCount.slice();
  const sum = new Array<number>(k).fill(0);
  pr.pin.forEach((t, i) => {
    if (t >= 0) sum[t]! += w[i]!;
  });
  let t = 0;
  for (const i of shuffle([...pr.free], rand)) {
    while (size[t]! >= cap[t]!) t = (t + 1) % k;
    teamOf[i] = t;
    size[t]!++;
    sum[t]! += w[i]!;
  }
  // Team means scaled by L = q (q + 1) are whole numbers (grid sums over sizes q or q + 1), so the
  // objective k * sum(M^2) - (sum M)^2 = k^2 L^2 variance is computed exactly: no rounding can
  // make a swap and its reverse both look like improvements.
  const L = q * (q + 1);
  const scaled = (s: number, c: number) => (s * L) / c;
  let s1 = 0;
  let s2 = 0;
  for (let x = 0; x < k; x++) {
    s1 += scaled(sum[x]!, size[x]!);
    s2 += scaled(sum[x]!, size[x]!) ** 2;
  }
  /** Change in k^2 L^2 variance when teams a and b get sums sa, sb and sizes ca, cb. */
  const delta = (a: number, sa: number, ca: number, b: number, sb: number, cb: number) => {
    const ma = scaled(sum[a]!, size[a]!);
    const mb = scaled(sum[b]!, size[b]!);
    const na = scaled(sa, ca);
    const nb = scaled(sb, cb);
    const n1 = s1 - ma - mb + na + nb;
    const n2 = s2 - ma * ma - mb * mb + na * na + nb * nb;
    return k * (n2 - s2) - (n1 * n1 - s1 * s1);
  };
  const apply = (a: number, sa: number, ca: number, b: number, sb: number, cb: number) => {
    const ma = scaled(sum[a]!, size[a]!);
    const mb = scaled(sum[b]!, size[b]!);
    sum[a] = sa;
    size[a] = ca;
    sum[b] = sb;
    size[b] = cb;
    const na = scaled(sa, ca);
    const nb = scaled(sb, cb);
    s1 += na + nb - ma - mb;
    s2 += na * na + nb * nb - ma * ma - mb * mb;
  };
  const order = [...pr.free];
  for (let improved = true; improved; ) {
    improved = false;
    shuffle(order, rand);
    for (const i of order) {
      for (const j of order) {
        const a = teamOf[i]!;
        const b = teamOf[j]!;
        if (a === b) continue;
        const dw = w[j]! - w[i]!;
        if (dw === 0) continue;
        const sa = sum[a]! + dw;
        const sb = sum[b]! - dw;
        if (delta(a, sa, size[a]!, b, sb, size[b]!) < 0) {
          apply(a, sa, size[a]!, b, sb, size[b]!);
          teamOf[i] = b;
          teamOf[j] = a;
          improved = true;
        }
      }
      const a = teamOf[i]!;
      if (size[a]! !== q + 1) continue;
      for (let b = 0; b < k; b++) {
        if (size[b]! !== q) continue;
        const sa = sum[a]! - w[i]!;
        const sb = sum[b]! + w[i]!;
        if (delta(a, sa, q, b, sb, q + 1) < 0) {
          apply(a, sa, q, b, sb, q + 1);
          teamOf[i] = b;
          improved = true;
          break;
        }
      }
    }
  }
  return { teamOf, score: k * s2 - s1 * s1 };
}

/** The reference search's formation of one division: the best of `restarts` hill climbs. */
export function referenceSearch(players: readonly RegionPlayer[], teams: readonly RegionTeam[], scale: RatingScale, seed: number, restarts: number): Assignment[] {
  const pr = problemOf(players, teams, scale);
  const rand = seededRandom(seed);
  let best: { teamOf: number[]; score: number } | null = null;
  for (let run = 0; run < restarts; run++) {
    const found = climb(pr, rand);
    if (!best || found.score < best.score) best = found;
  }
  return players.map((p, i) => ({ playerId: p.id, teamId: teams[best!.teamOf[i]!]!.teamId }));
}
