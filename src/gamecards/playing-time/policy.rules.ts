import { AppError } from '../../platform/errors.js';

/**
 * The region's playing-time policy (region configuration, not code). Defaults are what the region
 * ships with: four quarters, at least three of them for every attending player, at most two in goal,
 * and anyone who keeps goal also plays at least one quarter on the field (out of goal).
 */
export interface PlayingTimePolicy {
  /** Quarters (periods) in a game. */
  quarters: number;
  /** Quarters every attending player plays, out of `quarters`, when the whole game is available. */
  minQuarters: number;
  /** Most quarters one player may keep goal in a game. */
  keeperMaxQuarters: number;
  /** Quarters a player who keeps goal must also play on the field, not in goal. */
  keeperMinFieldQuarters: number;
}

export const DEFAULT_PLAYING_TIME_POLICY: Readonly<PlayingTimePolicy> = Object.freeze({
  quarters: 4,
  minQuarters: 3,
  keeperMaxQuarters: 2,
  keeperMinFieldQuarters: 1,
});

function whole(name: string, value: number, lo: number, hi: number): number {
  if (!Number.isInteger(value) || value < lo || value > hi) {
    throw new AppError('VALIDATION', `The playing-time setting ${name} must be a whole number from ${lo} to ${hi} (it is ${value}).`);
  }
  return value;
}

/**
 * A complete, checked policy from a partial one: missing settings take the region defaults.
 * Throws AppError VALIDATION when a setting is out of range (a region configuration mistake).
 */
export function resolvePolicy(partial?: Partial<PlayingTimePolicy>): PlayingTimePolicy {
  const d = DEFAULT_PLAYING_TIME_POLICY;
  const quarters = whole('quarters', partial?.quarters ?? d.quarters, 1, 12);
  return {
    quarters,
    minQuarters: whole('minQuarters', partial?.minQuarters ?? d.minQuarters, 0, quarters),
    keeperMaxQuarters: whole('keeperMaxQuarters', partial?.keeperMaxQuarters ?? d.keeperMaxQuarters, 0, quarters),
    keeperMinFieldQuarters: whole('keeperMinFieldQuarters', partial?.keeperMinFieldQuarters ?? d.keeperMinFieldQuarters, 0, quarters),
  };
}
