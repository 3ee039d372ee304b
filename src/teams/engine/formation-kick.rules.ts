import type { Prepared } from './formation-prepare.rules.js';
import type { Budget } from './formation-search.rules.js';
import { improve } from './formation-search.rules.js';
import type { State } from './formation-state.rules.js';
import { countCost, place, stateFrom, unplace } from './formation-state.rules.js';

/** Shakes a formation: a few random swaps of free players between teams (sizes unchanged). */
function kick(p: Prepared, s: State, swaps: number, rand: () => number): void {
  const m = p.free.length;
  for (let done = 0, tries = 0; done < swaps && tries < swaps * 20; tries++) {
    const i = p.free[Math.floor(rand() * m)]!;
    const j = p.free[Math.floor(rand() * m)]!;
    const a = s.teamOf[i]!;
    const b = s.teamOf[j]!;
    if (a === b) continue;
    unplace(p, s, i);
    unplace(p, s, j);
    place(p, s, i, b);
    place(p, s, j, a);
    done++;
  }
}

/**
 * Iterated local search: when single swaps and moves are stuck above the bound (or with counts
 * still uneven), shake the best formation so far with a few random swaps and search again, keeping
 * whatever is better (rating spread first, then counts). Stops when both are as good as they can
 * be, after `rounds` shakes, or when the budget ends.
 */
export function shakeAndImprove(p: Prepared, start: State, spread: number, bound: number, rand: () => number, budget: Budget, rounds: number): { state: State; spread: number } {
  let best = start;
  let bestSpread = spread;
  let bestCost = countCost(start);
  if (p.free.length < 2) return { state: best, spread: bestSpread };
  for (let round = 0; round < rounds && (bestSpread > bound || bestCost > p.countFloor) && budget.left > 0; round++) {
    budget.left -= p.n;
    const s = stateFrom(p, best.teamOf);
    kick(p, s, 2 + (round % 4), rand);
    const found = improve(p, s, bound, rand, budget);
    const cost = countCost(s);
    if (found < bestSpread || (found === bestSpread && cost < bestCost)) {
      best = s;
      bestSpread = found;
      bestCost = cost;
    }
  }
  return { state: best, spread: bestSpread };
}
