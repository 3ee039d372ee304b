import { factsOf, type PlayerFacts, type PlayingTimeInput } from './card.rules.js';
import { resolvePolicy, type PlayingTimePolicy } from './policy.rules.js';
import { canSeat } from './seat-flow.rules.js';

/** What one attending player is owed, and why. */
export interface OwedEntry {
  /** The player's share for the quarters they were present (see personalShare). */
  share: number;
  /** Quarters excused for injury; each one counts as played. */
  excused: number;
  /** Quarters the player must actually play: min(share - excused, cap). */
  owed: number;
}

export interface OwedReport {
  /**
   * The largest number of quarters every attending player can play at once, given the number of
   * places on the field in each quarter and when each player was available.
   */
  cap: number;
  /** True when the cap holds someone below their share: then nobody may play beyond their share. */
  crowded: boolean;
  /** Attending players only (absent players are not counted). */
  byPlayer: Record<string, OwedEntry>;
}

/**
 * A player's share of a game they were present for `presentQuarters` of:
 * ceil(minQuarters x present / quarters), never more than `presentQuarters`.
 *
 * Why round up: the region's rule is "every player who attends plays at least three quarters", and
 * rounding up keeps that literally for late arrivals whenever it is still possible. With the default
 * policy a player arriving in quarter 2 is owed 3 (all remaining), in quarter 3 owed 2, in quarter 4
 * owed 1; nobody who shows up is owed nothing. For other policies it is the proportional share,
 * rounded in the player's favour.
 */
export function personalShare(presentQuarters: number, policy: PlayingTimePolicy): number {
  if (presentQuarters <= 0) return 0;
  const scaled = policy.minQuarters * presentQuarters;
  return Math.min(presentQuarters, Math.floor((scaled + policy.quarters - 1) / policy.quarters));
}

/** The share less excused (injured) quarters: what the player needs to play when nobody is crowded. */
export function personalOwed(f: PlayerFacts, policy: PlayingTimePolicy): number {
  return Math.max(0, personalShare(f.present, policy) - f.excused);
}

/**
 * The largest c such that every player p can play min(personalOwed(p), c) quarters in quarters they
 * were available for, with at most `playersOnField` players (keeper included) in each quarter.
 * Without late arrivals or injuries this is min(minQuarters, floor(quarters x onField / attending)).
 */
export function commonCap(facts: readonly PlayerFacts[], personal: readonly number[], playersOnField: number): number {
  const quarterCount = facts[0]?.available.length ?? 0;
  const seats = new Array<number>(quarterCount).fill(Math.max(0, playersOnField));
  const allowed = facts.map((f) => f.available);
  for (let c = Math.max(0, ...personal); c > 0; c--) {
    if (
      canSeat(
        allowed,
        seats,
        personal.map((x) => Math.min(x, c)),
      )
    )
      return c;
  }
  return 0;
}

/** owedQuarters for rows already read (the checker and the planner share this). */
export function owedFromFacts(facts: readonly PlayerFacts[], playersOnField: number, policy: PlayingTimePolicy): OwedReport {
  const personal = facts.map((f) => personalOwed(f, policy));
  const cap = commonCap(facts, personal, playersOnField);
  const byPlayer: Record<string, OwedEntry> = {};
  facts.forEach((f, i) => {
    byPlayer[f.id] = { share: personalShare(f.present, policy), excused: f.excused, owed: Math.min(personal[i], cap) };
  });
  return { cap, crowded: personal.some((x) => x > cap), byPlayer };
}

/**
 * What each attending player is owed on this card, for the card to show beside each name.
 *
 * owed = min(share - excused, cap): the player's share for the quarters they were present
 * (personalShare, rounded up), less one for every quarter lost to injury (an excused quarter counts
 * as played), but never more than the team-wide cap, which only bites when there are more players
 * than places (e.g. 12 players, 7 on the field: 28 places for 36 owed quarters, so everyone is owed
 * floor(28 / 12) = 2). Absent players are left out. Expects `input.quarters === policy.quarters`.
 */
export function owedQuarters(input: PlayingTimeInput, policy?: Partial<PlayingTimePolicy>): OwedReport {
  const rules = resolvePolicy(policy);
  const facts = input.players.filter((p) => p.attended).map((p) => factsOf(p, input.quarters));
  return owedFromFacts(facts, input.playersOnField, rules);
}
