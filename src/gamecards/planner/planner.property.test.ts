import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { owedQuarters } from '../playing-time/owed.rules.js';
import { planToCard, recheckPlan } from './plan-card.rules.js';
import { planRotation, type RotationInput, type RotationPlan } from './planner.rules.js';
import type { PlayingTimePolicy } from '../playing-time/policy.rules.js';

interface GenOptions {
  allKeep?: boolean;
  noLate?: boolean;
  randomPolicy?: boolean;
}

/** A seeded roster: 4..18 players, 4..11 on the field, some late arrivals, random season history. */
function generate(seed: number, opts: GenOptions = {}): RotationInput {
  const rnd = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  let policy: Partial<PlayingTimePolicy> = {};
  if (opts.randomPolicy) {
    const quarters = int(2, 6);
    policy = { quarters, minQuarters: int(1, quarters), keeperMaxQuarters: int(1, quarters), keeperMinFieldQuarters: int(0, quarters - 1) };
  }
  const Q = policy.quarters ?? 4;
  const count = int(4, 18);
  const players = Array.from({ length: count }, (_, i) => ({
    id: `p${String(i).padStart(2, '0')}`,
    canKeep: opts.allKeep === true || rnd() < 0.5,
    seasonSatQuarters: int(0, 12),
    seasonPlayedQuarters: int(0, 40),
    ...(!opts.noLate && rnd() < 0.25 ? { arrivedQuarter: int(2, Q) } : {}),
  }));
  return { players, playersOnField: int(4, 11), quarters: Q, policy, seed: int(0, 1_000_000) };
}

/** The plan, or the code of the AppError the planner refused with. */
function attempt(input: RotationInput): RotationPlan | string {
  try {
    return planRotation(input);
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

const seeds = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
const onFieldIn = (plan: RotationPlan, q: number) => plan.lineups[q].field.length + (plan.lineups[q].keeper ? 1 : 0);
const satCount = (plan: RotationPlan, id: string) => plan.lineups.filter((l) => l.sitting.includes(id)).length;

/** Every present player is exactly one of keeper / field / sitting; the rest are not arrived yet. */
function expectWellFormed(input: RotationInput, plan: RotationPlan): void {
  plan.lineups.forEach((l, q) => {
    const listed = [...(l.keeper ? [l.keeper] : []), ...l.field, ...l.sitting, ...l.notArrived].sort();
    expect(listed).toEqual(input.players.map((p) => p.id).sort());
    expect(l.notArrived).toEqual(
      input.players
        .filter((p) => (p.arrivedQuarter ?? 1) > q + 1)
        .map((p) => p.id)
        .sort(),
    );
  });
}

describe('planner properties (seeded rosters)', () => {
  it.each([
    { name: 'default policy', opts: {}, from: 1000 },
    { name: 'default policy, everyone can keep', opts: { allKeep: true }, from: 2000 },
    { name: 'random region policies', opts: { randomPolicy: true }, from: 3000 },
  ])('every plan passes the checker, or the refusal is a keeper/no-plan refusal: $name', ({ opts, from }) => {
    let planned = 0;
    for (const seed of seeds(from, 300)) {
      const input = generate(seed, opts);
      const plan = attempt(input);
      if (typeof plan === 'string') {
        expect(['NO_KEEPER', 'NO_VALID_PLAN']).toContain(plan);
        continue;
      }
      planned++;
      expect(recheckPlan(plan, input.policy).violations).toEqual([]);
      expectWellFormed(input, plan);
    }
    expect(planned).toBeGreaterThan(150);
  });

  it('fills every place when there are not too many players', () => {
    let checked = 0;
    for (const seed of seeds(4000, 300)) {
      const input = generate(seed);
      const plan = attempt(input);
      if (typeof plan === 'string' || owedQuarters(planToCard(plan)).crowded) continue;
      checked++;
      plan.lineups.forEach((l, q) => {
        const present = input.players.length - l.notArrived.length;
        expect(onFieldIn(plan, q)).toBe(Math.min(input.playersOnField, present));
      });
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('finds a plan exactly when one exists (everyone can keep, nobody late, default policy)', () => {
    // Everyone is owed c; each keeper also needs a field quarter. Fewest extra places keepers need
    // beyond c: c=0: two keepers x (2 in goal + 1 field) = 6; c=1: 4 (one per keeper quarter); c>=2: 0.
    const extra = [6, 4, 0, 0];
    for (const seed of seeds(5000, 300)) {
      const input = generate(seed, { allKeep: true, noLate: true });
      const n = input.players.length;
      const places = 4 * input.playersOnField;
      const c = Math.min(3, Math.floor(places / n));
      const plan = attempt(input);
      expect(typeof plan !== 'string', `${n} players, ${input.playersOnField} on the field`).toBe(n * c + extra[c] <= places);
      if (typeof plan !== 'string' && c >= 2) expect(new Set(plan.lineups.map((l) => l.keeper)).size).toBe(4);
    }
  });

  it('who sat more this season sits no more today (same arrival, neither in goal)', () => {
    let pairs = 0;
    for (const seed of seeds(6000, 300)) {
      const input = generate(seed, { allKeep: seed % 2 === 0 });
      const plan = attempt(input);
      if (typeof plan === 'string') continue;
      const keepers = new Set(plan.lineups.map((l) => l.keeper));
      const field = input.players.filter((p) => !keepers.has(p.id));
      for (const a of field) {
        for (const b of field) {
          if ((a.arrivedQuarter ?? 1) !== (b.arrivedQuarter ?? 1) || a.seasonSatQuarters <= b.seasonSatQuarters) continue;
          pairs++;
          expect(satCount(plan, a.id), `${a.id} vs ${b.id}, seed ${seed}`).toBeLessThanOrEqual(satCount(plan, b.id));
        }
      }
    }
    expect(pairs).toBeGreaterThan(3000);
  });

  it('is deterministic for a seed whatever order the players are listed in', () => {
    for (const seed of seeds(7000, 60)) {
      const input = generate(seed);
      const reversed = { ...input, players: [...input.players].reverse() };
      expect(attempt(reversed)).toEqual(attempt(input));
    }
  });
});
