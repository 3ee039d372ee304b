import { describe, expect, it } from 'vitest';
import type { CardPlayer } from './card.rules.js';
import { owedQuarters, personalShare } from './owed.rules.js';
import { resolvePolicy } from './policy.rules.js';

const blank = (n: number) => Array.from({ length: n }, () => ({ played: false, keeper: false, injured: false }));
const player = (id: string, arrivedQuarter = 1, injured: number[] = [], attended = true): CardPlayer => ({
  id,
  attended,
  arrivedQuarter,
  quarters: blank(4).map((c, i) => ({ ...c, injured: injured.includes(i + 1) })),
});
const team = (n: number, extra: CardPlayer[] = []) => [...Array.from({ length: n }, (_, i) => player(`p${i + 1}`)), ...extra];

describe('personalShare (late arrivals: rounded up, capped by what is left)', () => {
  it.each([
    { policy: {}, present: [4, 3, 2, 1, 0], expected: [3, 3, 2, 1, 0] },
    { policy: { minQuarters: 2 }, present: [4, 3, 2, 1], expected: [2, 2, 1, 1] },
    { policy: { minQuarters: 4 }, present: [4, 3, 1], expected: [4, 3, 1] },
    { policy: { quarters: 2, minQuarters: 1 }, present: [2, 1], expected: [1, 1] },
    { policy: { quarters: 6, minQuarters: 4 }, present: [6, 5, 4, 3, 2, 1], expected: [4, 4, 3, 2, 2, 1] },
  ])('policy $policy', ({ policy, present, expected }) => {
    const rules = resolvePolicy(policy);
    expect(present.map((p) => personalShare(p, rules))).toEqual(expected);
  });
});

describe('owedQuarters', () => {
  const owed = (players: CardPlayer[], onField: number) => owedQuarters({ playersOnField: onField, quarters: 4, players });

  it.each([
    { attending: 8, onField: 7, cap: 3, crowded: false },
    { attending: 9, onField: 7, cap: 3, crowded: false },
    { attending: 10, onField: 7, cap: 2, crowded: true },
    { attending: 12, onField: 7, cap: 2, crowded: true },
    { attending: 15, onField: 7, cap: 1, crowded: true },
    { attending: 12, onField: 9, cap: 3, crowded: false },
    { attending: 13, onField: 9, cap: 2, crowded: true },
    { attending: 18, onField: 11, cap: 2, crowded: true },
  ])('$attending players, $onField on the field: everyone owed $cap', ({ attending, onField, cap, crowded }) => {
    const report = owed(team(attending), onField);
    expect(report.cap).toBe(cap);
    expect(report.crowded).toBe(crowded);
    expect(Math.min(3, Math.floor((4 * onField) / attending))).toBe(cap);
    expect(new Set(Object.values(report.byPlayer).map((e) => e.owed))).toEqual(new Set([cap]));
  });

  it('late arrivals are owed their rounded-up share; absent players are left out', () => {
    const report = owed(team(4, [player('q2', 2), player('q3', 3), player('q4', 4), player('gone', 1, [], false)]), 7);
    expect(Object.fromEntries(Object.entries(report.byPlayer).map(([id, e]) => [id, e.owed]))).toEqual({
      p1: 3,
      p2: 3,
      p3: 3,
      p4: 3,
      q2: 3,
      q3: 2,
      q4: 1,
    });
  });

  it('each injured quarter reduces what is owed by one', () => {
    const report = owed(team(5, [player('hurt1', 1, [2]), player('hurt3', 1, [2, 3, 4]), player('lateHurt', 3, [4])]), 7);
    expect(report.byPlayer.hurt1).toEqual({ share: 3, excused: 1, owed: 2 });
    expect(report.byPlayer.hurt3).toEqual({ share: 3, excused: 3, owed: 0 });
    expect(report.byPlayer.lateHurt).toEqual({ share: 2, excused: 1, owed: 1 });
    expect(report.byPlayer.p1.owed).toBe(3);
  });

  it('the cap accounts for when players were there, not just how many came', () => {
    // 4 places; five players only there for quarter 4 cannot all play it, so the cap falls to 0.
    const crowdedEnd = owed(
      team(
        3,
        Array.from({ length: 5 }, (_, i) => player(`late${i}`, 4)),
      ),
      4,
    );
    expect(crowdedEnd.cap).toBe(0);
    // Three of them fit in quarter 4 beside the others' three quarters each.
    const fits = owed(
      team(
        3,
        Array.from({ length: 3 }, (_, i) => player(`late${i}`, 4)),
      ),
      4,
    );
    expect(fits.cap).toBe(3);
    expect(fits.crowded).toBe(false);
  });
});
