import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { CardQuarter } from '../playing-time/card.rules.js';
import { planRotation, type RotationInput } from './planner.rules.js';
import { checkPlayingTime } from '../playing-time/playing-time.rules.js';
import type { PlayingTimePolicy } from '../playing-time/policy.rules.js';

/** Every way to fill one quarter: at most one keeper (among those who can keep), at most `onField` on the field. */
function quarterOptions(present: boolean[], canKeep: boolean[], onField: number): CardQuarter[][] {
  const n = present.length;
  const out: CardQuarter[][] = [];
  for (let keeper = -1; keeper < n; keeper++) {
    if (keeper >= 0 && (!present[keeper] || !canKeep[keeper])) continue;
    for (let mask = 0; mask < 1 << n; mask++) {
      const on = (p: number) => (mask >> p) & 1;
      if ([...Array(n).keys()].some((p) => on(p) && (!present[p] || p === keeper))) continue;
      const count = [...Array(n).keys()].filter(on).length + (keeper >= 0 ? 1 : 0);
      if (count > onField) continue;
      out.push([...Array(n).keys()].map((p) => ({ played: on(p) === 1 || p === keeper, keeper: p === keeper, injured: false })));
    }
  }
  return out;
}

interface Partial {
  /** Per player: quarters kept, quarters on the field out of goal. */
  counts: number[];
  /** Quarters without a keeper (bit q). */
  keeperless: number;
  chosen: CardQuarter[][];
}

/**
 * Brute force: does any card at all pass checkPlayingTime? Independent of the planner. The verdict
 * on a card depends only on each player's counts and on which quarters lack a keeper, so partial
 * cards with the same of both are merged, and one representative of each is checked at the end.
 */
function anyValidCard(input: RotationInput, policy: PlayingTimePolicy): boolean {
  const Q = policy.quarters;
  const arrived = input.players.map((p) => p.arrivedQuarter ?? 1);
  let states: Partial[] = [{ counts: input.players.flatMap(() => [0, 0]), keeperless: 0, chosen: [] }];
  for (let q = 0; q < Q; q++) {
    const next = new Map<string, Partial>();
    const options = quarterOptions(
      arrived.map((a) => a <= q + 1),
      input.players.map((p) => p.canKeep),
      input.playersOnField,
    );
    for (const s of states) {
      for (const opt of options) {
        const counts = s.counts.map((c, i) => c + (i % 2 === 0 ? Number(opt[i >> 1].keeper) : Number(opt[i >> 1].played && !opt[i >> 1].keeper)));
        const keeperless = s.keeperless | (opt.some((c) => c.keeper) ? 0 : 1 << q);
        const key = `${counts.join()}|${keeperless}`;
        if (!next.has(key)) next.set(key, { counts, keeperless, chosen: [...s.chosen, opt] });
      }
    }
    states = [...next.values()];
  }
  return states.some(
    (s) =>
      checkPlayingTime(
        {
          playersOnField: input.playersOnField,
          quarters: Q,
          players: input.players.map((p, i) => ({ id: p.id, attended: true, arrivedQuarter: arrived[i], quarters: s.chosen.map((c) => c[i]) })),
        },
        policy,
      ).ok,
  );
}

describe('planner against brute force (small games, 3 periods)', () => {
  it('plans whenever any valid card exists, and refuses only when none does', () => {
    let found = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const rnd = seededRandom(seed * 7919);
      const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
      const policy: PlayingTimePolicy = { quarters: 3, minQuarters: int(1, 3), keeperMaxQuarters: int(1, 3), keeperMinFieldQuarters: int(0, 2) };
      const players = Array.from({ length: int(3, 5) }, (_, i) => ({
        id: `p${i}`,
        canKeep: rnd() < 0.6,
        seasonSatQuarters: int(0, 5),
        seasonPlayedQuarters: int(0, 9),
        ...(rnd() < 0.3 ? { arrivedQuarter: int(2, 3) } : {}),
      }));
      const input: RotationInput = { players, playersOnField: int(2, 3), quarters: 3, policy, seed };
      const exists = anyValidCard(input, policy);
      let planned = true;
      try {
        planRotation(input);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        planned = false;
      }
      expect(planned, `seed ${seed}: ${JSON.stringify(input)}`).toBe(exists);
      if (exists) found++;
    }
    expect(found).toBeGreaterThan(15);
    expect(found).toBeLessThan(60);
  });
});
