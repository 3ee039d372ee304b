import type { Role } from '../roles.js';

/**
 * What every route declares: who may use it. 'public' needs no login, 'authenticated' any logged-in
 * person, a list of roles: a person holding one of them in a season in force (or as a standing role).
 */
export type Access = 'public' | 'authenticated' | readonly Role[];

export interface RoleHeld {
  role: Role;
  seasonId: string;
  division: string;
}

export interface Auth {
  personId: string;
  name: string;
  email: string;
  /** Roles in force today (standing, current or upcoming seasons). */
  roles: RoleHeld[];
  via: 'session' | 'token';
  sessionHash?: string;
}

export function hasAnyRole(auth: Auth | null, roles: readonly Role[]): boolean {
  return !!auth && auth.roles.some((r) => roles.includes(r.role));
}

/** The decision for one request: allowed, or denied because nobody is logged in / the role is wrong. */
export function decideAccess(access: Access | undefined, auth: Auth | null): 'allow' | 'login' | 'role' | 'undeclared' {
  if (access === undefined) return 'undeclared';
  if (access === 'public') return 'allow';
  if (!auth) return 'login';
  if (access === 'authenticated') return 'allow';
  return hasAnyRole(auth, access) ? 'allow' : 'role';
}

/** The one HTTP header the access check adds when it refuses; the route-walk test reads it. */
export const DENIED_HEADER = 'x-touchline-denied';
