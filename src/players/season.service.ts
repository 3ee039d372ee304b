import type { Clock } from '../platform/clock.js';
import { AppError } from '../platform/errors.js';
import { allSeasons, findSeason } from '../region/index.js';
import type { RegionConfig } from '../region/index.js';
import { seasonNow } from '../region/index.js';

/** The season asked for, or the current one; NOT_FOUND for an unknown id. */
export function seasonIdOf(config: RegionConfig, clock: Clock, given?: string | null): string {
  if (given) {
    if (!findSeason(config, given))
      throw new AppError(
        'NOT_FOUND',
        `There is no season "${given}". Seasons: ${allSeasons(config)
          .map((s) => s.season.id)
          .join(', ')}.`,
      );
    return given;
  }
  const now = seasonNow(config, clock);
  if (!now) throw new AppError('NOT_FOUND', 'The region has no season yet: the region administrator adds a membership year first.');
  return now.season.id;
}

export const seasonOptions = (config: RegionConfig) => allSeasons(config).map((s) => ({ value: s.season.id, label: s.season.name }));

/** Every division and program of the region, in configuration order. */
export const programsOf = (config: RegionConfig) => config.divisions.flatMap((d) => d.programs.map((program) => ({ division: d.code, divisionName: d.name, program })));
