import { AppError } from '../platform/errors.js';
import type { Clock } from '../platform/clock.js';
import { findSeason, type SeasonRef } from '../region/index.js';
import type { RegionConfig } from '../region/index.js';
import { seasonNow } from '../region/index.js';

/** The season asked for, or the current one when none is given; NOT_FOUND for an unknown id. */
export function resolveSeason(config: RegionConfig, clock: Clock, seasonId?: string | null): SeasonRef {
  const ref = seasonId ? findSeason(config, seasonId) : seasonNow(config, clock);
  if (!ref)
    throw new AppError(
      'NOT_FOUND',
      seasonId
        ? `There is no season "${seasonId}". Use a season id such as ${seasonNow(config, clock)?.season.id ?? '2026-fall'}.`
        : 'The region has no season yet: the region administrator adds a membership year first.',
    );
  return ref;
}
