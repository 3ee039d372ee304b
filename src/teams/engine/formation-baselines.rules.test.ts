import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../platform/clock.js';
import type { Assignment, FormationOptions, FormationPlayer, FormationTeam } from './formation.rules.js';
import { DEFAULT_RATING_SCALE, evaluateFormation, formDivision, greedyWeakest, randomDeal, snakeDraft } from './formation.rules.js';

function division(seed: number): { players: FormationPlayer[]; teams: FormationTeam[]; options: FormationOptions } {
  const rand = seededRandom(seed);
  const k = 3 + Math.floor(rand() * 6);
  const n = k * (6 + Math.floor(rand() * 8)) + Math.floor(rand() * k);
  const players = Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    gender: rand() < 0.5 ? ('F' as const) : ('M' as const),
    birthDate: `${2014 + Math.floor(rand() * 2)}-06-01`,
    rating: rand() < 0.3 ? null : 1 + Math.floor(rand() * 5),
    coachChildOf: i < k && i % 2 === 0 ? `t${i}` : null,
    goalkeeper: rand() < 0.1,
  }));
  const teams = Array.from({ length: k }, (_, t) => ({ teamId: `t${t}`, coachId: `c${t}` }));
  return { players, teams, options: { seed, objective: seed % 2 ? 'sum' : 'mean', scale: DEFAULT_RATING_SCALE, coed: true } };
}

const DEALS = { randomDeal, snakeDraft, greedyWeakest };
const CASES = Array.from({ length: 25 }, (_, i) => division(300 + i));

describe('baselines (for the benchmark only)', () => {
  for (const [name, deal] of Object.entries(DEALS)) {
    it(`${name} keeps the hard rules: everyone once, sizes within one, coach's children with their parent`, () => {
      for (const c of CASES) {
        const out: Assignment[] = deal(c.players, c.teams, c.options);
        expect(out.map((a) => a.playerId).sort()).toEqual(c.players.map((p) => p.id).sort());
        const sizes = c.teams.map((t) => out.filter((a) => a.teamId === t.teamId).length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        const teamOf = new Map(out.map((a) => [a.playerId, a.teamId]));
        for (const p of c.players) if (p.coachChildOf) expect(teamOf.get(p.id)).toBe(p.coachChildOf);
        expect(deal(c.players, c.teams, c.options)).toEqual(out);
      }
    });
  }

  it('snake draft and greedy beat the random deal on average, and the engine beats them all', () => {
    const avg = (f: (c: (typeof CASES)[number]) => number) => CASES.reduce((a, c) => a + f(c), 0) / CASES.length;
    const spreadOf = (deal: typeof randomDeal) => avg((c) => evaluateFormation(c.players, c.teams, c.options, deal(c.players, c.teams, c.options)).meanStdDev);
    const random = spreadOf(randomDeal);
    const snake = spreadOf(snakeDraft);
    const greedy = spreadOf(greedyWeakest);
    const engine = avg((c) => formDivision(c.players, c.teams, c.options).meanStdDev);
    expect(snake).toBeLessThan(random);
    expect(greedy).toBeLessThan(random);
    expect(engine).toBeLessThan(Math.min(snake, greedy));
  });

  it('never gets below the lower bound the engine reports', () => {
    for (const c of CASES) {
      const bound = formDivision(c.players, c.teams, c.options).lowerBound;
      for (const deal of Object.values(DEALS)) {
        expect(evaluateFormation(c.players, c.teams, c.options, deal(c.players, c.teams, c.options)).spread).toBeGreaterThanOrEqual(bound - 1e-9);
      }
    }
  });

  it('evaluateFormation refuses a formation that misses or repeats a player', () => {
    const c = CASES[0]!;
    const out = randomDeal(c.players, c.teams, c.options);
    expect(() => evaluateFormation(c.players, c.teams, c.options, out.slice(1))).toThrow(/is not assigned/);
    expect(() => evaluateFormation(c.players, c.teams, c.options, [...out, out[0]!])).toThrow(/assigned twice/);
  });
});
