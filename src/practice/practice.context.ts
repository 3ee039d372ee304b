import type { FastifyRequest } from 'fastify';
import { AppError } from '../platform/errors.js';
import type { Clock } from '../platform/clock.js';
import { hasAnyRole } from '../platform/http/access.js';
import type { Role } from '../platform/roles.js';
import { findDivision, findSeason, type SeasonRef } from '../region/index.js';
import type { RegionConfig } from '../region/index.js';
import { seasonNow } from '../region/index.js';
import type { DivisionPractice } from './slots.rules.js';

/** Who runs the practice sign-up for the region: they generate slots and move or assign teams. */
export const PRACTICE_ADMIN: readonly Role[] = ['coach-administrator', 'region-administrator'];
/** Who sees the Practice menu entry (every logged-in person may open the pages). */
export const PRACTICE_NAV: readonly Role[] = ['head-coach', 'assistant-coach', ...PRACTICE_ADMIN];

/** The person acting on practice bookings. Administrators bypass the sign-up window, audited. */
export interface Who {
  personId: string | null;
  name: string;
  isAdmin: boolean;
}

export function whoOf(req: FastifyRequest): Who {
  return { personId: req.auth?.personId ?? null, name: req.auth?.name ?? 'anonymous', isAdmin: hasAnyRole(req.auth, PRACTICE_ADMIN) };
}

/** The season asked for, or the current one when none is given; NOT_FOUND for an unknown id. */
export function resolveSeason(config: RegionConfig, clock: Clock, seasonId?: string | null): SeasonRef {
  const ref = seasonId ? findSeason(config, seasonId) : seasonNow(config, clock);
  if (!ref) throw new AppError('NOT_FOUND', seasonId ? `There is no season "${seasonId}". Use a season id such as ${seasonNow(config, clock)?.season.id ?? '2026-fall'}.` : 'The region has no season yet: the region administrator adds a membership year first.');
  return ref;
}

/** A division's practice rule; a team in a division without weekly practice cannot book. */
export function practiceOf(config: RegionConfig, code: string): DivisionPractice {
  const d = findDivision(config, code);
  if (!d) throw new AppError('VALIDATION', `Division ${code} is not in the region configuration. Ask the region administrator to add it.`);
  if (d.practice.perWeek < 1) throw new AppError('FIELD_NOT_ALLOWED', `${code} teams have no weekly practice to book.`);
  return d;
}

export const fieldNameOf = (config: RegionConfig, id: string) => config.fields.find((f) => f.id === id)?.name ?? id;
