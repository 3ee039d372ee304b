/**
 * Types and small shared helpers of balanced team formation (spec/rules.md, "Team formation" and
 * "Player ratings"). Everything here is pure: no database, no clock, randomness comes from a seed.
 */

export type Gender = 'M' | 'F';

/** How team rating balance is measured: spread of team mean ratings (default) or of team sums. */
export type RatingObjective = 'mean' | 'sum';

import type { RatingScale } from '../../players/rating-scale.rules.js';

export type { RatingScale } from '../../players/rating-scale.rules.js';
export { DEFAULT_RATING_SCALE } from '../../players/rating-scale.rules.js';

/** One registered player of a division, as formation needs them. */
export interface FormationPlayer {
  id: string;
  gender: Gender;
  /** YYYY-MM-DD; the birth year is balanced across teams. */
  birthDate: string;
  /** Last season's coach rating, or null for a new (unrated) player. */
  rating: number | null;
  /** The teamId of the player's parent head coach: the one exception to the random draw. */
  coachChildOf: string | null;
  goalkeeper: boolean;
}

/** One team to form in the division, with its head coach. */
export interface FormationTeam {
  teamId: string;
  coachId: string;
}

export interface FormationOptions {
  /** Same inputs and seed give the same teams; another seed gives another draw. */
  seed: number;
  /** Default 'mean'. */
  objective?: RatingObjective;
  scale: RatingScale;
  /** In a co-ed division the number of girls is balanced too. */
  coed: boolean;
}

export interface Assignment {
  playerId: string;
  teamId: string;
}

/** A formed team's figures (ratings are effective ratings: an unrated player counts as the division mean). */
export interface TeamFigures {
  teamId: string;
  coachId: string;
  size: number;
  ratingSum: number;
  ratingMean: number;
  girls: number;
  unrated: number;
  keepers: number;
  /** Birth year (YYYY) -> players of that year on the team, every year of the division listed. */
  birthYears: Record<string, number>;
}

/** Max minus min over teams of each balanced count. */
export interface CountSpreads {
  girls: number;
  unrated: number;
  keepers: number;
  birthYears: Record<string, number>;
}

/** How balanced a formation is, measured the same way for the engine and the baselines. */
export interface FormationFigures {
  teams: TeamFigures[];
  objective: RatingObjective;
  /** The rating value an unrated player counts as. */
  unratedCountsAs: number;
  /** Spread of the objective: max - min of team means ('mean') or of team sums ('sum'). */
  spread: number;
  /** Best spread any formation could reach (see ratingLowerBound). */
  lowerBound: number;
  reachesBound: boolean;
  /** Population standard deviation of the team mean ratings. */
  meanStdDev: number;
  counts: CountSpreads;
  /**
   * True when every balanced count is split as evenly as it can be: within one per team, except
   * where coach's children already on a team force more.
   */
  countsEven: boolean;
}

/** The engine's result for one division. */
export interface DivisionFormation extends FormationFigures {
  /** Sorted by team id, then player id. */
  assignments: Assignment[];
  /** True when the spread reaches the lower bound or an exhaustive search proved nothing better exists. */
  provenOptimal: boolean;
}

/**
 * The engine's version, kept in each published formation's draw record: the same inputs, seed and
 * version always give the same teams. Raised whenever a change can give other teams for the same
 * inputs and seed (2: ratings on any step searched and bounded on the coarsest grid they lie on).
 */
export const FORMATION_ENGINE_VERSION = 2;

/** Rounds away binary floating-point noise (0.30000000000000004) from reported figures. */
export function tidy(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/** Integer floor division, correct for negative numerators. */
export function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

export function ceilDiv(a: number, b: number): number {
  return Math.ceil(a / b);
}

/** Compares ids as the sort that makes formation independent of input order. */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A 32-bit seed for one division, mixing the run's seed with the division's name (FNV-1a). */
export function divisionSeed(seed: number, division: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < division.length; i++) {
    h = Math.imul(h ^ division.charCodeAt(i), 0x01000193) >>> 0;
  }
  return Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
}

/** Fisher-Yates shuffle in place with the given PRNG. */
export function shuffleInPlace<T>(items: T[], rand: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = items[i]!;
    items[i] = items[j]!;
    items[j] = t;
  }
  return items;
}
