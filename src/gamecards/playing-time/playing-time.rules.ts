import { factsOf, type DisplayNames, type PlayingTimeInput, type PlayingTimeResult, type Violation } from './card.rules.js';
import { owedFromFacts } from './owed.rules.js';
import { absenceViolations, arrivalViolations, keeperViolations, minimumViolations, shareViolations, type CheckContext } from './player-checks.rules.js';
import { resolvePolicy, type PlayingTimePolicy } from './policy.rules.js';
import { quarterViolations, structuralViolations } from './team-checks.rules.js';

/**
 * Checks a game card against the region's playing-time rule (POST /api/v1/playing-time/check).
 *
 * The rule, with the policy's defaults in brackets:
 * - Absent players are not counted; marking one on the field is PLAYED_WHILE_ABSENT.
 * - Each attending player plays at least what owedQuarters says they are owed (UNDER_MINIMUM):
 *   their share of the quarters they were present for [3 of 4, rounded up for late arrivals], less
 *   quarters excused for injury, capped at what everyone can play at once when there are too many
 *   players for the places on the field.
 * - While anyone is short of their share, nobody plays beyond their own share (FOUR_WHILE_SHORT:
 *   nobody plays four while anyone has fewer than three).
 * - Nobody is marked on the field before the quarter they arrived in (PLAYED_BEFORE_ARRIVAL).
 * - At most `playersOnField` on the field per quarter, keeper included (TOO_MANY_ON_FIELD); exactly
 *   one keeper in a quarter where at least two places and two fit players allow one (NO_KEEPER,
 *   TWO_KEEPERS).
 * - A keeper keeps goal in at most [2] quarters (KEEPER_TOO_MANY) and also plays at least [1]
 *   quarter on the field out of goal (KEEPER_NO_FIELD).
 * A card with structural problems (wrong quarter count, bad arrival, duplicate rows) gets only those.
 * Messages name players by `names` when given, else as "Player <id>". Throws AppError VALIDATION
 * only for an invalid policy (a region configuration mistake, not the coach's).
 */
export function checkPlayingTime(input: PlayingTimeInput, policy?: Partial<PlayingTimePolicy>, names?: DisplayNames): PlayingTimeResult {
  const rules = resolvePolicy(policy);
  const structural = structuralViolations(input, rules, names);
  if (structural.length > 0) return { ok: false, violations: structural };
  const attending = input.players.filter((p) => p.attended);
  const facts = attending.map((p) => factsOf(p, input.quarters));
  const ctx: CheckContext = {
    policy: rules,
    names,
    attending: attending.length,
    playersOnField: input.playersOnField,
    owed: owedFromFacts(facts, input.playersOnField, rules),
  };
  const violations: Violation[] = [
    ...quarterViolations(input, names),
    ...input.players.filter((p) => !p.attended).flatMap((p) => absenceViolations(p, names)),
    ...attending.flatMap((p) => arrivalViolations(p, names)),
    ...facts.flatMap((f) => minimumViolations(f, ctx)),
    ...shareViolations(facts, ctx),
    ...facts.flatMap((f) => keeperViolations(f, ctx)),
  ];
  return { ok: violations.length === 0, violations };
}
