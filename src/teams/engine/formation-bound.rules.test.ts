import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../platform/clock.js';
import type { DivisionFormation, FormationOptions, FormationPlayer, FormationTeam, RatingScale } from './formation.rules.js';
import { DEFAULT_RATING_SCALE, formDivision } from './formation.rules.js';

interface Case {
  players: FormationPlayer[];
  teams: FormationTeam[];
  options: FormationOptions;
}

const int = (rand: () => number, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

const SCALES: RatingScale[] = [DEFAULT_RATING_SCALE, { min: 0, max: 10, step: 0.5, higherIsStronger: true }, { min: 1, max: 3, step: 1, higherIsStronger: false }];

/** A tiny division: 2 or 3 teams, up to 9 players, maybe coach's children. */
function tinyCase(seed: number): Case {
  const rand = seededRandom(seed);
  const k = int(rand, 2, 3);
  const n = int(rand, k, k === 2 ? 9 : 8);
  const scale = SCALES[int(rand, 0, 2)]!;
  const levels = Math.round((scale.max - scale.min) / scale.step);
  const players: FormationPlayer[] = Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    gender: rand() < 0.5 ? 'F' : 'M',
    birthDate: `${2015 + int(rand, 0, 1)}-05-01`,
    rating: rand() < 0.25 ? null : scale.min + scale.step * int(rand, 0, levels),
    coachChildOf: null,
    goalkeeper: rand() < 0.25,
  }));
  const teams = Array.from({ length: k }, (_, t) => ({ teamId: `t${t}`, coachId: `c${t}` }));
  const q = Math.floor(n / k);
  for (const t of teams) {
    const kids = rand() < 0.5 ? 0 : int(rand, 1, Math.min(2, q));
    for (const p of players.filter((pl) => pl.coachChildOf === null).slice(0, kids)) p.coachChildOf = t.teamId;
  }
  const objective = rand() < 0.5 ? ('mean' as const) : ('sum' as const);
  return { players, teams, options: { seed, objective, scale, coed: rand() < 0.5 } };
}

/** Effective ratings computed independently of the engine: unrated = rated mean rounded to the step. */
function effective(c: Case): number[] {
  const { min, step, max } = c.options.scale;
  const rated = c.players.filter((p) => p.rating !== null).map((p) => p.rating!);
  const mean = rated.length ? rated.reduce((a, b) => a + b, 0) / rated.length : (min + max) / 2;
  const asMean = min + step * Math.round((mean - min) / step);
  return c.players.map((p) => p.rating ?? asMean);
}

function countCost(c: Case, team: readonly number[]): number {
  const tallies = new Map<string, number>();
  const bump = (key: string) => tallies.set(key, (tallies.get(key) ?? 0) + 1);
  c.players.forEach((p, i) => {
    if (c.options.coed && p.gender === 'F') bump(`${team[i]}:girl`);
    if (p.rating === null) bump(`${team[i]}:unrated`);
    if (p.goalkeeper) bump(`${team[i]}:keeper`);
    bump(`${team[i]}:${p.birthDate.slice(0, 4)}`);
  });
  return [...tallies.values()].reduce((a, v) => a + v * v, 0);
}

function spreadOf(c: Case, r: readonly number[], team: readonly number[]): number | null {
  const k = c.teams.length;
  const sums = new Array<number>(k).fill(0);
  const sizes = new Array<number>(k).fill(0);
  team.forEach((t, i) => {
    sums[t]! += r[i]!;
    sizes[t]!++;
  });
  if (Math.max(...sizes) - Math.min(...sizes) > 1) return null;
  const values = c.options.objective === 'sum' ? sums : sums.map((s, t) => s / sizes[t]!);
  return Math.max(...values) - Math.min(...values);
}

/** Every formation (k^n of them): the least spread, and the least count cost among those reaching it. */
function bruteForce(c: Case): { spread: number; cost: number } {
  const r = effective(c);
  const k = c.teams.length;
  const pinned = c.players.map((p) => (p.coachChildOf === null ? -1 : c.teams.findIndex((t) => t.teamId === p.coachChildOf)));
  let best = { spread: Infinity, cost: Infinity };
  const team = new Array<number>(c.players.length).fill(0);
  for (let code = 0; code < k ** c.players.length; code++) {
    let x = code;
    for (let i = 0; i < team.length; i++, x = Math.floor(x / k)) team[i] = x % k;
    if (pinned.some((t, i) => t >= 0 && team[i] !== t)) continue;
    const spread = spreadOf(c, r, team);
    if (spread === null) continue;
    const cost = countCost(c, team);
    if (spread < best.spread - 1e-9 || (Math.abs(spread - best.spread) <= 1e-9 && cost < best.cost)) best = { spread, cost };
  }
  return best;
}

function teamIndexes(c: Case, f: DivisionFormation): number[] {
  const byPlayer = new Map(f.assignments.map((a) => [a.playerId, c.teams.findIndex((t) => t.teamId === a.teamId)]));
  return c.players.map((p) => byPlayer.get(p.id)!);
}

const CASES = Array.from({ length: 200 }, (_, i) => tinyCase(500 + i));

describe('rating lower bound and optimality, checked by brute force on tiny divisions', () => {
  const results = CASES.map((c) => ({ c, f: formDivision(c.players, c.teams, c.options), brute: bruteForce(c) }));

  it('never puts the bound above the true optimum', () => {
    for (const { f, brute } of results) expect(f.lowerBound).toBeLessThanOrEqual(brute.spread + 1e-9);
  });

  it('reaches the true optimum and says it is proven', () => {
    for (const { f, brute } of results) {
      expect(f.spread).toBeCloseTo(brute.spread, 9);
      expect(f.provenOptimal).toBe(true);
    }
  });

  it('reports the bound reached exactly when the optimum equals the bound', () => {
    const reached = results.filter(({ f }) => f.reachesBound);
    for (const { f, brute } of results) expect(f.reachesBound).toBe(Math.abs(f.lowerBound - brute.spread) < 1e-9);
    expect(reached.length).toBeGreaterThan(results.length / 2);
    expect(reached.length).toBeLessThan(results.length);
  });

  it('balances the counts as well as any rating-optimal formation', () => {
    const missed = results.filter(({ c, f, brute }) => countCost(c, teamIndexes(c, f)) > brute.cost);
    expect(missed.map(({ c }) => c.options.seed)).toEqual([]);
  });
});

describe('rating lower bound on hand-worked divisions', () => {
  const p = (id: string, rating: number | null, coachChildOf: string | null = null): FormationPlayer => ({
    id,
    gender: 'M',
    birthDate: '2015-01-01',
    rating,
    coachChildOf,
    goalkeeper: false,
  });
  const two = [
    { teamId: 'a', coachId: 'ca' },
    { teamId: 'b', coachId: 'cb' },
  ];
  const sum = { seed: 9, objective: 'sum' as const, scale: DEFAULT_RATING_SCALE, coed: false };

  it('an odd total over two equal teams cannot split closer than one step', () => {
    const r = formDivision([p('1', 2), p('2', 3), p('3', 3), p('4', 4), p('5', 4), p('6', 5)], two, sum);
    expect(r.lowerBound).toBe(1);
    expect(r.spread).toBe(1);
    expect(r.reachesBound).toBe(true);
  });

  it("counts coach's children fixed on their team: two 5s on a team of two leave the 1s to the other", () => {
    const r = formDivision([p('1', 5, 'a'), p('2', 5, 'a'), p('3', 1), p('4', 1)], two, sum);
    expect(r.lowerBound).toBe(8);
    expect(r.spread).toBe(8);
    expect(r.assignments).toEqual([
      { playerId: '1', teamId: 'a' },
      { playerId: '2', teamId: 'a' },
      { playerId: '3', teamId: 'b' },
      { playerId: '4', teamId: 'b' },
    ]);
  });

  it('sees that a team total must be a sum of the division ratings (1, 5, 5, 5 over two teams)', () => {
    // Pairs can only total 6 (1 + 5) or 10 (5 + 5): the grid alone would allow 8 and 8.
    const r = formDivision([p('1', 1), p('2', 5), p('3', 5), p('4', 5)], two, sum);
    expect(r.lowerBound).toBe(4);
    expect(r.spread).toBe(4);
    expect(r.reachesBound).toBe(true);
  });

  it('proves optimality by search where the bound is not tight (1, 1, 3, 3, 3, 4 over three teams)', () => {
    // Only one pair totals 5 ({1, 4}); the best is then {1, 3} = 4 and {3, 3} = 6.
    const three = [...two, { teamId: 'c', coachId: 'cc' }];
    const r = formDivision([p('1', 1), p('2', 1), p('3', 3), p('4', 3), p('5', 3), p('6', 4)], three, sum);
    expect(r.lowerBound).toBe(0);
    expect(r.spread).toBe(2);
    expect(r.reachesBound).toBe(false);
    expect(r.provenOptimal).toBe(true);
  });

  it('compares means of teams of different sizes exactly (mean objective, 3 and 2 players)', () => {
    const r = formDivision([p('1', 1), p('2', 2), p('3', 3), p('4', 4), p('5', 5)], two, { ...sum, objective: 'mean' });
    // {1,3,5} and {2,4} (or {2,3,4} and {1,5}) both have mean 3.
    expect(r.spread).toBe(0);
    expect(r.teams.map((t) => t.ratingMean)).toEqual([3, 3]);
  });

  it('counts an unrated player as the rounded mean of the rated ones', () => {
    const r = formDivision([p('1', 1), p('2', 2), p('3', 5), p('4', null)], two, sum);
    expect(r.unratedCountsAs).toBe(3); // mean 8/3 rounds to 3
    // Best split: {1, 5} = 6 against {2, unrated 3} = 5.
    expect(r.teams.map((t) => t.ratingSum).sort((a, b) => a - b)).toEqual([5, 6]);
  });
});
