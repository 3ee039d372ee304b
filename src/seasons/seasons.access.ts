import type { Role } from '../platform/roles.js';

/** Who starts the next season: the coach administrator and the region administrator. */
export const STARTERS: readonly Role[] = ['coach-administrator', 'region-administrator'];
