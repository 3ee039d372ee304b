/** Who may write to groups: the board; a head coach only to their own team's staff or families. */
import { BOARD_ROLES, type Role } from '../platform/roles.js';
import type { Auth } from '../platform/http/access.js';

/** The board roles that write to any audience and read every message's record. */
export const WRITERS: readonly Role[] = BOARD_ROLES;
/** Routes of writing: the board, and head coaches (for their own team, checked by the service). */
export const WRITERS_AND_HEAD_COACHES: readonly Role[] = [...BOARD_ROLES, 'head-coach'];

export const isBoard = (auth: Pick<Auth, 'roles'>): boolean => auth.roles.some((r) => WRITERS.includes(r.role));
