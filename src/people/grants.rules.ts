import { isRole, ROLES, type Role } from '../platform/roles.js';

/**
 * Who grants which role (rules.md: the coach administrator the coaching roles, the registrar the
 * others, the region administrator all). One table for the people directory and the board's
 * decisions on applications. Pure.
 */
export const GRANTABLE: Partial<Record<Role, readonly Role[]>> = {
  'region-administrator': ROLES,
  'coach-administrator': ['head-coach', 'assistant-coach', 'mentor', 'instructor'],
  registrar: ['field-helper', 'youth-volunteer'],
};

/** The roles a person holding `held` may grant and remove. */
export function grantableBy(held: readonly string[]): Set<Role> {
  return new Set(held.flatMap((r) => (isRole(r) ? (GRANTABLE[r] ?? []) : [])));
}
