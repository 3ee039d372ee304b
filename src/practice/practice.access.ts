import type { FastifyRequest } from 'fastify';
import { hasAnyRole } from '../platform/http/access.js';
import { BOARD_ROLES, type Role } from '../platform/roles.js';

/** Who runs the practice sign-up for the region: they generate slots and move or assign teams. */
export const PRACTICE_ADMIN: readonly Role[] = ['coach-administrator', 'region-administrator'];
/** Who sees the Practice menu entry (every logged-in person may open the page of their own teams). */
export const PRACTICE_NAV: readonly Role[] = ['head-coach', 'assistant-coach', ...PRACTICE_ADMIN];
/**
 * Who sees who practises when: the field grid, any team's schedule and every team's bookings. The
 * coaches, the coach mentors (who watch teams practise; their pages link to team schedules) and the
 * board; not every account (anyone may sign up for one), nor volunteers who coach no team.
 */
export const PRACTICE_VIEW: readonly Role[] = ['head-coach', 'assistant-coach', 'mentor', ...BOARD_ROLES];

/** The person acting on practice bookings. Administrators bypass the sign-up window, audited. */
export interface Who {
  personId: string | null;
  name: string;
  isAdmin: boolean;
}

export function whoOf(req: FastifyRequest): Who {
  return { personId: req.auth?.personId ?? null, name: req.auth?.name ?? 'anonymous', isAdmin: hasAnyRole(req.auth, PRACTICE_ADMIN) };
}
