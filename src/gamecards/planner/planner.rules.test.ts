import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { planToCard, recheckPlan } from './plan-card.rules.js';
import { planRotation, type RotationInput, type RotationPlan, type RotationPlayer } from './planner.rules.js';

const kid = (id: string, seasonSatQuarters = 0, extra: Partial<RotationPlayer> = {}): RotationPlayer => ({
  id,
  canKeep: true,
  seasonSatQuarters,
  seasonPlayedQuarters: 10,
  ...extra,
});
const input = (players: RotationPlayer[], playersOnField: number, extra: Partial<RotationInput> = {}): RotationInput => ({
  players,
  playersOnField,
  quarters: 4,
  seed: 7,
  ...extra,
});
const played = (plan: RotationPlan, id: string) => plan.lineups.filter((l) => l.keeper === id || l.field.includes(id)).length;
const sat = (plan: RotationPlan, id: string) => plan.lineups.filter((l) => l.sitting.includes(id)).length;
const keepers = (plan: RotationPlan) => plan.lineups.map((l) => l.keeper);
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : 'not an AppError';
  }
  return 'no error';
};

describe('planRotation', () => {
  it('8 players for 7 places: the four who sat most this season sit none, four different keepers', () => {
    const players = [5, 0, 7, 1, 6, 2, 4, 3].map((s, i) => kid(`k${i}`, s));
    const plan = planRotation(input(players, 7));
    expect(recheckPlan(plan).ok).toBe(true);
    expect(players.map((p) => sat(plan, p.id))).toEqual([0, 1, 0, 1, 0, 1, 0, 1]);
    expect(new Set(keepers(plan)).size).toBe(4);
    for (const l of plan.lineups) expect(l.field.length).toBe(6);
  });

  it('12 players for 7 places: everyone plays 2 or 3, and the 3s go to who sat most', () => {
    const players = Array.from({ length: 12 }, (_, i) => kid(`k${String(i).padStart(2, '0')}`, i));
    const plan = planRotation(input(players, 7));
    expect(recheckPlan(plan).ok).toBe(true);
    expect(players.map((p) => played(plan, p.id))).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3]);
    expect(Object.values(plan.owed)).toEqual(Array(12).fill(2));
    expect(plan.warnings.join(' ')).toContain('everyone plays at least 2 quarters');
  });

  it('breaks equal sitting by fewer quarters played this season', () => {
    const players = Array.from({ length: 8 }, (_, i) => kid(`k${i}`, 3, { seasonPlayedQuarters: 20 - i }));
    const plan = planRotation(input(players, 7));
    expect(players.map((p) => sat(plan, p.id))).toEqual([1, 1, 1, 1, 0, 0, 0, 0]);
  });

  it('late arrivals are not planned before they arrive and get what they are owed', () => {
    const players = [...Array.from({ length: 8 }, (_, i) => kid(`k${i}`)), kid('late2', 0, { arrivedQuarter: 2 }), kid('late4', 0, { arrivedQuarter: 4 })];
    const plan = planRotation(input(players, 7));
    expect(recheckPlan(plan).ok).toBe(true);
    expect(plan.lineups.map((l) => l.notArrived)).toEqual([['late2', 'late4'], ['late4'], ['late4'], []]);
    expect(played(plan, 'late2')).toBeGreaterThanOrEqual(plan.owed.late2);
    expect(plan.owed).toMatchObject({ late2: 3, late4: 1 });
  });

  it('is deterministic for a seed and independent of the order players are listed in', () => {
    const players = Array.from({ length: 11 }, (_, i) => kid(`k${i}`, i % 3, { canKeep: i % 2 === 0 }));
    const plan = planRotation(input(players, 7));
    expect(planRotation(input(players, 7))).toEqual(plan);
    expect(planRotation(input([...players].reverse(), 7))).toEqual(plan);
    const others = [1, 2, 3, 4, 5].map((seed) => JSON.stringify(planRotation(input(players, 7, { seed })).lineups));
    expect(new Set([JSON.stringify(plan.lineups), ...others]).size).toBeGreaterThan(1);
  });

  it('spreads keeper duty over two keepers who each also play on the field', () => {
    const players = Array.from({ length: 9 }, (_, i) => kid(`k${i}`, 0, { canKeep: i < 2 }));
    const plan = planRotation(input(players, 7));
    expect(recheckPlan(plan).ok).toBe(true);
    expect(keepers(plan).filter((k) => k === 'k0')).toHaveLength(2);
    expect(keepers(plan).filter((k) => k === 'k1')).toHaveLength(2);
    for (const id of ['k0', 'k1']) expect(plan.lineups.some((l) => l.field.includes(id))).toBe(true);
  });

  it('chooses the one keeper who fits when the last quarter is full of late arrivals', () => {
    // Quarter 4 has 4 places and x1-x3 (there for quarter 4 only) plus y (quarters 3-4) all need it.
    const late = [kid('x1', 0, { arrivedQuarter: 4 }), kid('x2', 0, { arrivedQuarter: 4 }), kid('x3', 0, { arrivedQuarter: 4 })];
    const players = [...['a', 'b', 'c', 'd', 'e'].map((id) => kid(id, 9)), ...late, kid('y', 0, { arrivedQuarter: 3 })];
    const plan = planRotation(input(players, 4));
    expect(plan.lineups[3].keeper).toBe('y');
    expect(recheckPlan(plan).ok).toBe(true);
  });

  it('refuses when nobody can keep goal, and plans without a keeper only when allowed', () => {
    const players = Array.from({ length: 8 }, (_, i) => kid(`k${i}`, 0, { canKeep: false }));
    expect(() => planRotation(input(players, 7))).toThrow(/Nobody at this game is marked as able to keep goal/);
    expect(codeOf(() => planRotation(input(players, 7)))).toBe('NO_KEEPER');
    const plan = planRotation(input(players, 7, { allowNoKeeper: true }));
    expect(keepers(plan)).toEqual([null, null, null, null]);
    expect(plan.warnings).toHaveLength(4);
    expect(recheckPlan(plan).violations.map((v) => v.code)).toEqual(['NO_KEEPER', 'NO_KEEPER', 'NO_KEEPER', 'NO_KEEPER']);
  });

  it('refuses when the keepers cannot cover every quarter within the limits', () => {
    const players = Array.from({ length: 8 }, (_, i) => kid(`k${i}`, 0, { canKeep: i === 0 }));
    expect(codeOf(() => planRotation(input(players, 7)))).toBe('NO_KEEPER');
    const plan = planRotation(input(players, 7, { allowNoKeeper: true }));
    expect(keepers(plan).filter((k) => k === 'k0')).toHaveLength(2);
    expect(keepers(plan).filter((k) => k === null)).toHaveLength(2);
  });

  it('refuses when keepers exist but the places cannot also give them a field quarter', () => {
    // 13 players, 4 places: everyone is owed 1 (13 places), each keeper needs one more: 17 > 16.
    const players = Array.from({ length: 13 }, (_, i) => kid(`k${String(i).padStart(2, '0')}`));
    expect(codeOf(() => planRotation(input(players, 4)))).toBe('NO_VALID_PLAN');
    const plan = planRotation(input(players, 4, { allowNoKeeper: true }));
    expect(recheckPlan(plan).violations.map((v) => v.code)).toEqual(['NO_KEEPER']);
  });

  it.each([
    { name: 'quarter count differs from the policy', change: { quarters: 5 } },
    { name: 'no places', change: { playersOnField: 0 } },
    { name: 'duplicate ids', change: { players: [kid('a'), kid('a')] } },
    { name: 'arrival outside the game', change: { players: [kid('a', 0, { arrivedQuarter: 0 })] } },
    { name: 'negative season count', change: { players: [kid('a', -1)] } },
  ])('rejects bad input: $name', ({ change }) => {
    expect(codeOf(() => planRotation({ ...input([kid('a'), kid('b')], 7), ...change }))).toBe('VALIDATION');
  });
});

describe('planToCard and recheckPlan', () => {
  const players = [...Array.from({ length: 8 }, (_, i) => kid(`k${i}`, i)), kid('late', 0, { arrivedQuarter: 3 })];
  const plan = planRotation(input(players, 7));

  it('turns the plan into card rows', () => {
    const card = planToCard(plan);
    expect(card).toMatchObject({ playersOnField: 7, quarters: 4 });
    const late = card.players.find((p) => p.id === 'late');
    expect(late?.arrivedQuarter).toBe(3);
    expect(late?.quarters.slice(0, 2)).toEqual([
      { played: false, keeper: false, injured: false },
      { played: false, keeper: false, injured: false },
    ]);
    const q1Keeper = card.players.find((p) => p.id === plan.lineups[0].keeper);
    expect(q1Keeper?.quarters[0]).toEqual({ played: true, keeper: true, injured: false });
    expect(card.players.every((p) => p.attended)).toBe(true);
  });

  it('catches hand edits that break the rule', () => {
    const sitter = plan.lineups[0].sitting[0];
    const crowded = { ...plan, lineups: plan.lineups.map((l, q) => (q === 0 ? { ...l, field: [...l.field, sitter] } : l)) };
    expect(recheckPlan(crowded).violations.map((v) => v.code)).toContain('TOO_MANY_ON_FIELD');
    const early = { ...plan, lineups: plan.lineups.map((l, q) => (q === 0 ? { ...l, keeper: 'late' } : l)) };
    const result = recheckPlan(early, undefined, { late: 'Lou' });
    expect(result.violations.find((v) => v.code === 'PLAYED_BEFORE_ARRIVAL')?.message).toContain('Lou is marked as playing in quarter 1');
  });
});
