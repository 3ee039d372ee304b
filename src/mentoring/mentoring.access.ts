import type { Role } from '../platform/roles.js';

/** Who may use which mentoring route (the service narrows assessments further: see canSeeAssessment). */
export const COACHES = ['head-coach', 'assistant-coach'] as const satisfies readonly Role[];
export const MENTORS = ['mentor'] as const satisfies readonly Role[];
/** Sessions' rosters and the coverage table: mentors and the coach administrator. */
export const STAFF = ['mentor', 'coach-administrator'] as const satisfies readonly Role[];
/** Everyone mentoring concerns. */
export const ANYONE = ['head-coach', 'assistant-coach', 'mentor', 'coach-administrator'] as const satisfies readonly Role[];

/** The person acting, as mentoring's services and rules see them: who they are and the roles they hold. */
export interface Viewer {
  personId: string;
  roles: readonly string[];
}

export const holds = (v: Viewer, roles: readonly string[]) => v.roles.some((r) => roles.includes(r));
