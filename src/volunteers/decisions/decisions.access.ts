import type { Role } from '../../platform/roles.js';

/**
 * Who decides role requests: those who grant roles in the people directory. Which roles each may
 * decide is the directory's table (GRANTABLE, src/people/grants.rules.ts).
 */
export const DECIDERS = ['coach-administrator', 'registrar', 'region-administrator'] as const satisfies readonly Role[];
