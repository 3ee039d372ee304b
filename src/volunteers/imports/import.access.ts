import type { Role } from '../../platform/roles.js';

/** Who imports the association's volunteers: the registrar and the region administrator. */
export const IMPORTERS: readonly Role[] = ['registrar', 'region-administrator'];
