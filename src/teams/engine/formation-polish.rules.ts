import type { Prepared } from './formation-prepare.rules.js';
import { keyOf } from './formation-prepare.rules.js';
import type { Budget } from './formation-search.rules.js';
import type { State } from './formation-state.rules.js';
import { exchangeCountDelta, place, unplace } from './formation-state.rules.js';

function freeMembers(p: Prepared, s: State, t: number): number[] {
  return p.free.filter((i) => s.teamOf[i] === t);
}

/** Every group of `size` players from members (combinations in index order). */
function groupsOf(members: readonly number[], size: number): number[][] {
  const out: number[][] = [];
  const pick = (from: number, group: number[]) => {
    if (group.length === size) return void out.push([...group]);
    for (let x = from; x <= members.length - (size - group.length); x++) {
      group.push(members[x]!);
      pick(x + 1, group);
      group.pop();
    }
  };
  pick(0, []);
  return out;
}

/** Groups of `size` free players of a team, by their total grid position. */
function groupsBySum(p: Prepared, members: readonly number[], size: number): Map<number, number[][]> {
  const bySum = new Map<number, number[][]>();
  for (const group of groupsOf(members, size)) {
    const sum = group.reduce((a, i) => a + p.w[i]!, 0);
    const list = bySum.get(sum);
    if (list) list.push(group);
    else bySum.set(sum, [group]);
  }
  return bySum;
}

/**
 * The changes dw of team hi's grid total (team lo changing by -dw) that keep the rating spread
 * within max(spread now, target).
 */
function allowedShifts(p: Prepared, s: State, hi: number, lo: number, target: number): number[] {
  const keys = Array.from({ length: p.k }, (_, t) => keyOf(p.key, s.size[t]!, s.g[t]!));
  const others = keys.filter((_, t) => t !== hi && t !== lo);
  const limit = Math.max(target, Math.max(...keys) - Math.min(...keys));
  const oMax = others.length ? Math.max(...others) : -Infinity;
  const oMin = others.length ? Math.min(...others) : Infinity;
  const reach = 2 * p.gridTop;
  const out: number[] = [];
  for (let dw = -reach; dw <= reach; dw++) {
    const kh = keyOf(p.key, s.size[hi]!, s.g[hi]! + dw);
    const kl = keyOf(p.key, s.size[lo]!, s.g[lo]! - dw);
    if (Math.max(kh, kl, oMax) - Math.min(kh, kl, oMin) <= limit) out.push(dw);
  }
  return out;
}

/** Largest team (free players) for which three-for-three exchanges are tried. */
const TRIPLES_UP_TO = 32;

/** Tries to exchange 2 (then 3) players of team hi for as many of team lo, keeping the rating spread in bounds. */
function exchangeBetween(p: Prepared, s: State, hi: number, lo: number, target: number, budget: Budget): boolean {
  const his = freeMembers(p, s, hi);
  const los = freeMembers(p, s, lo);
  const shifts = allowedShifts(p, s, hi, lo, target);
  for (const size of [2, 3]) {
    if (size === 3 && Math.max(his.length, los.length) > TRIPLES_UP_TO) break;
    const bySum = groupsBySum(p, los, size);
    const groups = groupsOf(his, size);
    budget.left -= bySum.size + groups.length;
    for (const xs of groups) {
      const sum = xs.reduce((a, i) => a + p.w[i]!, 0);
      budget.left -= shifts.length;
      if (budget.left < 0) return false;
      for (const dw of shifts) {
        for (const ys of bySum.get(sum + dw) ?? []) {
          if (--budget.left < 0) return false;
          if (exchangeCountDelta(p, s, hi, lo, xs, ys) >= 0) continue;
          for (const i of [...xs, ...ys]) unplace(p, s, i);
          for (const i of xs) place(p, s, i, lo);
          for (const j of ys) place(p, s, j, hi);
          return true;
        }
      }
    }
  }
  return false;
}

/**
 * When single swaps are stuck with a count still off by two or more between two teams, exchanges
 * two (or three) players for as many between those teams if that evens the counts without taking the rating
 * spread above max(spread now, target). Returns true when it changed something.
 */
export function pairExchange(p: Prepared, s: State, target: number, budget: Budget): boolean {
  const A = p.attrCount;
  for (let a = 0; a < A; a++) {
    for (let hi = 0; hi < p.k; hi++) {
      for (let lo = 0; lo < p.k; lo++) {
        if (s.cnt[hi * A + a]! - s.cnt[lo * A + a]! < 2) continue;
        if (exchangeBetween(p, s, hi, lo, target, budget)) return true;
        if (budget.left <= 0) return false;
      }
    }
  }
  return false;
}
