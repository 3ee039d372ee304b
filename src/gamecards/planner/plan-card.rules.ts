import type { DisplayNames, PlayingTimeInput, PlayingTimeResult } from '../playing-time/card.rules.js';
import type { RotationPlan } from './planner.rules.js';
import { checkPlayingTime } from '../playing-time/playing-time.rules.js';
import type { PlayingTimePolicy } from '../playing-time/policy.rules.js';

/**
 * A plan as the game card's rows: every roster player attended, one cell per quarter; a keeper's
 * quarter is marked played and keeper; nobody is injured. A hand-edited plan is read as it stands
 * (a player listed as keeper or field player is on the field, wherever else they are listed).
 */
export function planToCard(plan: RotationPlan): PlayingTimeInput {
  return {
    playersOnField: plan.playersOnField,
    quarters: plan.quarters,
    players: plan.roster.map((r) => ({
      id: r.id,
      attended: true,
      arrivedQuarter: r.arrivedQuarter,
      quarters: plan.lineups.map((l) => {
        const keeper = l.keeper === r.id;
        return { played: keeper || l.field.includes(r.id), keeper, injured: false };
      }),
    })),
  };
}

/** Re-checks a plan, typically one a coach adjusted by hand: the same rule as the game card. */
export function recheckPlan(plan: RotationPlan, policy?: Partial<PlayingTimePolicy>, names?: DisplayNames): PlayingTimeResult {
  return checkPlayingTime(planToCard(plan), policy, names);
}
