/** The region's rating scale of players (spec/rules.md "Player ratings"): pure helpers. */

/** The region's rating scale (region setting; default 1 to 5 in steps of 1, higher is stronger). */
export interface RatingScale {
  min: number;
  max: number;
  step: number;
  /** Only the baselines (snake draft, greedy) and reports care which end is strong; balance does not. */
  higherIsStronger: boolean;
}

export const DEFAULT_RATING_SCALE: RatingScale = { min: 1, max: 5, step: 1, higherIsStronger: true };

/** Why a rating scale is unusable (empty when fine): formation needs a finite grid of ratings. */
export function scaleProblems(scale: RatingScale): string[] {
  const { min, max, step } = scale;
  if (![min, max, step].every(Number.isFinite)) return ['The rating scale needs finite min, max and step.'];
  if (!(step > 0)) return ['The rating scale step must be greater than 0.'];
  if (!(max > min)) return ['The rating scale max must be greater than its min.'];
  const levels = (max - min) / step;
  if (Math.abs(levels - Math.round(levels)) > 1e-6 || levels > 10_000) {
    return [`The rating scale ${min} to ${max} must be whole steps of ${step} (at most 10,000 steps).`];
  }
  return [];
}

/** The rating's position on the scale's grid (0 = min), or null when it is off the scale. */
export function gridIndex(rating: number, scale: RatingScale): number | null {
  if (!Number.isFinite(rating)) return null;
  const pos = (rating - scale.min) / scale.step;
  const g = Math.round(pos);
  const top = Math.round((scale.max - scale.min) / scale.step);
  if (Math.abs(pos - g) > 1e-6 || g < 0 || g > top) return null;
  return g;
}

/** A rating as text for messages: "1 to 5 in steps of 1". */
export function describeScale(scale: RatingScale): string {
  return `${scale.min} to ${scale.max} in steps of ${scale.step}`;
}

/**
 * The smallest d (1..1000) such that min/step * d is whole, so team sums are whole multiples of
 * step/d. Null for scales whose min and step share no such unit (refused for the sum objective).
 */
export function sumUnitDivisor(scale: RatingScale): number | null {
  const c = scale.min / scale.step;
  for (let d = 1; d <= 1000; d++) {
    if (Math.abs(c * d - Math.round(c * d)) < 1e-6) return d;
  }
  return null;
}
