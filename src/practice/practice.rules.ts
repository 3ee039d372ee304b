import { AppError } from '../platform/errors.js';
import { findDivision } from '../region/index.js';
import type { RegionConfig } from '../region/index.js';
import type { DivisionPractice } from './slots.rules.js';

/** A division's practice rule; a team in a division without weekly practice cannot book. */
export function practiceOf(config: RegionConfig, code: string): DivisionPractice {
  const d = findDivision(config, code);
  if (!d) throw new AppError('VALIDATION', `Division ${code} is not in the region configuration. Ask the region administrator to add it.`);
  if (d.practice.perWeek < 1) throw new AppError('FIELD_NOT_ALLOWED', `${code} teams have no weekly practice to book.`);
  return d;
}

export const fieldNameOf = (config: RegionConfig, id: string) => config.fields.find((f) => f.id === id)?.name ?? id;
