import { AppError } from '../../platform/errors.js';
import { fieldProblem, type PlanContext } from './planner-setup.rules.js';
import { canSeat } from '../playing-time/seat-flow.rules.js';

/** Search nodes before giving up: a safety net far above what the symmetry-reduced search needs. */
const SEARCH_BUDGET = 20_000;

type Choice = number | null;

interface SearchState {
  keepers: (Choice | undefined)[];
  counts: number[];
  limit: number;
  allowGaps: boolean;
  order: number[];
  budget: { left: number };
}

function feasible(ctx: PlanContext, keepers: readonly (Choice | undefined)[]): boolean {
  const { allowed, seats, need } = fieldProblem(ctx, keepers);
  return canSeat(allowed, seats, need);
}

/**
 * What decides whether player k can keep goal in a plan. Two candidates with the same signature are
 * interchangeable, so the search tries only the first of them (this keeps it small and exhaustive).
 */
function signature(ctx: PlanContext, s: SearchState, k: number): string {
  const kept = s.keepers.map((x, q) => (x === k ? q : -1)).filter((q) => q >= 0);
  return [ctx.avail[k].join(), ctx.required[k], ctx.upper[k], ctx.keeperCap[k], kept.join()].join('|');
}

/** Keeper candidates for quarter q, least-used first, then by priority rank; null means no keeper. */
function choices(ctx: PlanContext, s: SearchState, q: number): Choice[] {
  const seen = new Set<string>();
  const ks = ctx.players
    .map((_, k) => k)
    .filter((k) => ctx.avail[k][q] && s.counts[k] < Math.min(s.limit, ctx.keeperCap[k]))
    .sort((a, b) => s.counts[a] - s.counts[b] || a - b)
    .filter((k) => {
      const sig = signature(ctx, s, k);
      if (seen.has(sig)) return false;
      seen.add(sig);
      return true;
    });
  if (!ctx.needsKeeper[q]) return [null, ...ks];
  return s.allowGaps ? [...ks, null] : ks;
}

function search(ctx: PlanContext, s: SearchState, depth: number): boolean {
  if (--s.budget.left < 0) {
    throw new AppError(
      'NO_VALID_PLAN',
      'The planner could not settle the goalkeepers for this roster. Mark more players who can keep goal, or plan the keepers by hand and check the card.',
    );
  }
  if (!feasible(ctx, s.keepers)) return false;
  if (depth === s.order.length) return true;
  const q = s.order[depth];
  for (const choice of choices(ctx, s, q)) {
    s.keepers[q] = choice;
    if (choice !== null) s.counts[choice]++;
    if (search(ctx, s, depth + 1)) return true;
    if (choice !== null) s.counts[choice]--;
  }
  s.keepers[q] = undefined;
  return false;
}

/**
 * Chooses the keeper of each quarter (player rank, or null) so that the playing-time rule can still
 * be met, or returns null when no choice works. Keeper duty is spread: it first looks for a plan in
 * which nobody keeps more than 1 quarter, then 2, and so on up to keeperMaxQuarters; within that,
 * the least-used keeper and then the highest-priority one (who sat most) is tried first. The search
 * is exhaustive (backtracking, pruned by an exact seating check), so null means no valid plan has
 * keepers in every quarter that needs one. With `allowGaps`, a quarter may be left without a keeper
 * as a last resort. Crowded quarters (most players present; later first) are decided first.
 */
export function chooseKeepers(ctx: PlanContext, allowGaps: boolean): Choice[] | null {
  const present = (q: number) => ctx.avail.filter((row) => row[q]).length;
  const order = ctx.needsKeeper.map((_, q) => q).sort((a, b) => present(b) - present(a) || b - a);
  const maxLoad = Math.max(1, ctx.policy.keeperMaxQuarters);
  const limits = allowGaps ? [maxLoad] : Array.from({ length: maxLoad }, (_, i) => i + 1);
  const budget = { left: SEARCH_BUDGET };
  for (const limit of limits) {
    const s: SearchState = { keepers: order.map(() => undefined), counts: ctx.players.map(() => 0), limit, allowGaps, order, budget };
    if (search(ctx, s, 0)) return s.keepers.map((k) => k ?? null);
  }
  return null;
}

/** True when the players who can keep goal could cover every quarter that needs a keeper. */
export function canCoverGoal(ctx: PlanContext): boolean {
  const quarters = ctx.needsKeeper.map((n, q) => (n ? q : -1)).filter((q) => q >= 0);
  const allowed = quarters.map((q) => ctx.players.map((_, k) => ctx.avail[k][q] && ctx.keeperCap[k] > 0));
  return canSeat(
    allowed,
    ctx.keeperCap,
    quarters.map(() => 1),
  );
}
