import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../platform/clock.js';
import { groupSums } from './formation-sums.rules.js';
import type { FormationOptions, FormationPlayer, FormationTeam, RatingObjective, RatingScale } from './formation.rules.js';
import { formDivision } from './formation.rules.js';

/** Ratings on decimal steps: regions that average several evaluators' whole ratings onto 0.5, 0.25 or 0.1. */
const scale = (step: number): RatingScale => ({ min: 1, max: 5, step, higherIsStronger: true });
const int = (rand: () => number, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

/** 1 to 4 evaluators' whole ratings averaged onto a step of 1 / units, in whole numbers (x.0, x.3, x.5, x.7, x.8 on 0.1). */
function averaged(rand: () => number, units: number): number {
  const level = int(rand, 0, 4);
  const evaluators = int(rand, 1, 4);
  let total = 0;
  for (let e = 0; e < evaluators; e++) total += Math.min(5, Math.max(1, 1 + level + int(rand, -1, 1)));
  return 1 + Math.round(((total - evaluators) * units) / evaluators) / units;
}

const player = (id: string, rating: number | null, rand: () => number, coachChildOf: string | null = null): FormationPlayer => ({
  id,
  gender: rand() < 0.4 ? 'F' : 'M',
  birthDate: `${2015 + int(rand, 0, 1)}-06-01`,
  rating,
  coachChildOf,
  goalkeeper: rand() < 0.1,
});

const teamsOf = (k: number): FormationTeam[] => Array.from({ length: k }, (_, t) => ({ teamId: `t${t}`, coachId: `c${t}` }));

/** Averages of 1 to 4 whole ratings on a 0.1 step, in tenths: x.0, x.3, x.5, x.7 and x.8 (1.0 to 5.0). */
const LUMPY = Array.from({ length: 41 }, (_, x) => 10 + x).filter((t) => [0, 3, 5, 7, 8].includes(t % 10));

/**
 * k teams of 2m players with equal totals by construction, from averaged ratings only: for each of
 * m slots a total is drawn, and every team takes a pair adding up to it (1.3 + 2.7, 2.0 + 2.0,
 * 1.5 + 2.5 ...). A perfect split exists, yet a single swap moves a team by 0.2 at the least.
 */
function perfectSplit(seed: number, k: number, m: number): FormationPlayer[] {
  const rand = seededRandom(seed);
  const tenths: number[] = [];
  for (let slot = 0; slot < m; slot++) {
    let pairs: Array<[number, number]> = [];
    while (pairs.length < 3) {
      const total = int(rand, 25, 85);
      pairs = LUMPY.filter((a) => LUMPY.includes(total - a)).map((a) => [a, total - a]);
    }
    for (let t = 0; t < k; t++) tenths.push(...pairs[int(rand, 0, pairs.length - 1)]!);
  }
  for (let i = tenths.length - 1; i > 0; i--) {
    const j = int(rand, 0, i);
    [tenths[i], tenths[j]] = [tenths[j]!, tenths[i]!];
  }
  return tenths.map((t, x) => player(`p${String(x).padStart(3, '0')}`, t / 10, rand));
}

describe('decimal rating steps: a perfect split is found', () => {
  const cases = Array.from({ length: 8 }, (_, x) => {
    const k = [4, 8, 12, 16][x % 4]!;
    return { seed: 100 + x, k, players: perfectSplit(100 + x, k, [4, 6, 8][x % 3]!) };
  });

  it('puts every team on the same mean (spread 0 = the bound) with 0.1 ratings, for either objective', () => {
    for (const objective of ['mean', 'sum'] as RatingObjective[]) {
      for (const c of cases) {
        const r = formDivision(c.players, teamsOf(c.k), { seed: c.seed, objective, scale: scale(0.1), coed: true });
        expect({ seed: c.seed, lowerBound: r.lowerBound, spread: r.spread }).toEqual({ seed: c.seed, lowerBound: 0, spread: 0 });
        expect(r.reachesBound).toBe(true);
      }
    }
  });
});

/** Effective grid positions, computed apart from the engine: unrated = the rated positions' mean, rounded. */
function effectiveTenths(players: readonly FormationPlayer[], step: number): number[] {
  const pos = players.map((p) => (p.rating === null ? null : Math.round((p.rating - 1) / step)));
  const rated = pos.filter((x): x is number => x !== null);
  const mean = rated.length ? Math.round(rated.reduce((a, b) => a + b, 0) / rated.length) : Math.round(4 / step / 2);
  return pos.map((x) => x ?? mean);
}

/** The least spread of any formation (every assignment, sizes within one, coach's children fixed), by brute force. */
function bruteSpread(players: readonly FormationPlayer[], k: number, options: FormationOptions): number {
  const step = options.scale.step;
  const g = effectiveTenths(players, step);
  const pin = players.map((p) => (p.coachChildOf === null ? -1 : Number(p.coachChildOf.slice(1))));
  const team = new Array<number>(players.length).fill(0);
  let best = Infinity;
  for (let code = 0; code < k ** players.length; code++) {
    let x = code;
    for (let i = 0; i < team.length; i++, x = Math.floor(x / k)) team[i] = x % k;
    if (pin.some((t, i) => t >= 0 && team[i] !== t)) continue;
    const sums = new Array<number>(k).fill(0);
    const sizes = new Array<number>(k).fill(0);
    team.forEach((t, i) => {
      sums[t]! += 1 + step * g[i]!;
      sizes[t]!++;
    });
    if (Math.max(...sizes) - Math.min(...sizes) > 1 || Math.min(...sizes) === 0) continue;
    const values = options.objective === 'sum' ? sums : sums.map((v, t) => v / sizes[t]!);
    best = Math.min(best, Math.max(...values) - Math.min(...values));
  }
  return best;
}

describe('decimal rating steps: the lower bound is valid and the optimum is found, by brute force on tiny divisions', () => {
  const cases = Array.from({ length: 90 }, (_, x) => {
    const seed = 900 + x;
    const rand = seededRandom(seed);
    const step = [0.1, 0.25, 0.5][x % 3]!;
    const k = int(rand, 2, 3);
    const n = int(rand, k + 1, k === 2 ? 9 : 8);
    const players = Array.from({ length: n }, (_, i) => player(`p${i}`, rand() < 0.2 ? null : averaged(rand, Math.round(1 / step)), rand));
    if (rand() < 0.5) players[0]!.coachChildOf = 't0';
    const objective: RatingObjective = rand() < 0.5 ? 'mean' : 'sum';
    return { players, k, options: { seed, objective, scale: scale(step), coed: true } as FormationOptions };
  });

  it('never puts the bound above the true optimum, and reaches the optimum', () => {
    for (const c of cases) {
      const r = formDivision(c.players, teamsOf(c.k), c.options);
      const best = bruteSpread(c.players, c.k, c.options);
      expect(r.lowerBound).toBeLessThanOrEqual(best + 1e-9);
      expect(r.spread).toBeCloseTo(best, 9);
      expect(r.provenOptimal).toBe(true);
    }
  });
});

/** A co-ed division of n players with ratings averaged onto the step, 15% unrated, and some coach's children. */
function averagedDivision(seed: number, n: number, k: number, step: number): FormationPlayer[] {
  const rand = seededRandom(seed);
  const players = Array.from({ length: n }, (_, i) => player(`P${String(i).padStart(4, '0')}`, rand() < 0.15 ? null : averaged(rand, Math.round(1 / step)), rand));
  for (let t = 0; t < k; t += 2) players[int(rand, 0, n - 1)]!.coachChildOf ??= `t${t}`;
  return players;
}

describe('decimal rating steps on full-size divisions', () => {
  it('reaches the lower bound on 250-player divisions averaged onto 0.1 where single swaps get stuck', () => {
    for (const [seed, k] of [
      [1, 12],
      [3, 25],
      [7, 21],
    ] as const) {
      const r = formDivision(averagedDivision(seed, 250, k, 0.1), teamsOf(k), { seed, scale: scale(0.1), coed: true });
      expect({ seed, spread: r.spread }).toEqual({ seed, spread: r.lowerBound });
    }
  });

  it('gives the same teams for the same inputs and seed, whatever the order of the rows', () => {
    const players = averagedDivision(11, 250, 17, 0.1);
    const options = { seed: 42, scale: scale(0.1), coed: true };
    const first = formDivision(players, teamsOf(17), options);
    const shuffled = [...players].reverse();
    const again = formDivision(shuffled, [...teamsOf(17)].reverse(), options);
    expect(again.assignments).toEqual(first.assignments);
    expect(formDivision(players, teamsOf(17), { ...options, seed: 43 }).assignments).not.toEqual(first.assignments);
  });

  it('forms whole ratings on a 0.1 or 0.25 scale exactly as on a scale of 1', () => {
    const rand = seededRandom(77);
    const players = Array.from({ length: 120 }, (_, i) => player(`P${i}`, int(rand, 1, 5), rand, i < 3 ? `t${i}` : null));
    for (const objective of ['mean', 'sum'] as RatingObjective[]) {
      const whole = formDivision(players, teamsOf(9), { seed: 5, objective, scale: scale(1), coed: true });
      for (const step of [0.5, 0.25, 0.1]) {
        const fine = formDivision(players, teamsOf(9), { seed: 5, objective, scale: scale(step), coed: true });
        expect(fine.assignments).toEqual(whole.assignments);
        expect([fine.spread, fine.lowerBound]).toEqual([whole.spread, whole.lowerBound]);
      }
    }
  });

  it('sees that ratings on a 0.1 scale that are all whole or half numbers split in halves, never tenths', () => {
    // 67 x 1.5, 67 x 2 and 66 x 3.5 add up to 465.5: two teams of 100 cannot be closer than 0.5.
    const rand = seededRandom(3);
    const ratings = [...Array(67).fill(1.5), ...Array(67).fill(2), ...Array(66).fill(3.5)] as number[];
    const players = ratings.map((r, i) => player(`p${String(i).padStart(3, '0')}`, r, rand));
    const r = formDivision(players, teamsOf(2), { seed: 1, objective: 'sum', scale: scale(0.1), coed: false });
    expect([r.lowerBound, r.spread, r.reachesBound]).toEqual([0.5, 0.5, true]);
  });
});

describe('group sums (the bound sharpener) on bitsets', () => {
  it('lists exactly the totals that c of the values can make, across 32-bit word edges', () => {
    const rand = seededRandom(12);
    for (let round = 0; round < 40; round++) {
      const values = Array.from({ length: int(rand, 1, 9) }, () => int(rand, 0, 70));
      const maxCount = int(rand, 1, Math.min(4, values.length));
      const sums = groupSums(values, maxCount)!;
      const reach = Array.from({ length: maxCount + 1 }, () => new Set<number>());
      for (let mask = 0; mask < 1 << values.length; mask++) {
        const picked = values.filter((_, i) => mask & (1 << i));
        if (picked.length <= maxCount) reach[picked.length]!.add(picked.reduce((a, b) => a + b, 0));
      }
      for (let c = 0; c <= maxCount; c++) {
        const top = sums.down[c]!.length - 1;
        for (let x = 0; x <= top; x++) {
          const up = [...reach[c]!].filter((v) => v >= x);
          const down = [...reach[c]!].filter((v) => v <= x);
          expect(sums.up[c]![x]).toBe(up.length ? Math.min(...up) : Infinity);
          expect(sums.down[c]![x]).toBe(down.length ? Math.max(...down) : -Infinity);
        }
      }
    }
  });
});
