/** Who may work with players and their ratings (rules.md "Team formation"): the board roles, by task. */
import type { Role } from '../platform/roles.js';

/** Form, publish and adjust teams, open the rating window, override ratings, move players. */
export const FORMERS = ['coach-administrator', 'region-administrator'] as const satisfies readonly Role[];
/** See every team's roster and every player of the region. */
export const BOARD_VIEWERS = ['coach-administrator', 'registrar', 'region-administrator'] as const satisfies readonly Role[];
/** Import and add players. */
export const REGISTRARS = ['registrar', 'coach-administrator', 'region-administrator'] as const satisfies readonly Role[];
