/**
 * Who may do what with players, ratings and teams (rules.md "Team formation"; design.md: children's
 * data only for their team's coaches and the board roles that need it).
 */
import { AppError } from '../platform/errors.js';
import { hasAnyRole, type Auth } from '../platform/http/access.js';
import type { Role } from '../platform/roles.js';
import type { Db } from '../platform/db/database.js';
import { findTeam, staffRoleOn, type TeamRow } from './teams.store.js';

export { BOARD_VIEWERS, FORMERS, REGISTRARS } from '../players/index.js';
import { BOARD_VIEWERS, FORMERS } from '../players/index.js';
export const COACH_ROLES = ['head-coach', 'assistant-coach'] as const satisfies readonly Role[];
/** Everyone the Teams pages concern. */
export const TEAM_PAGES = [...COACH_ROLES, ...BOARD_VIEWERS] as const satisfies readonly Role[];

/** The staff roles that count as a team's coaches (an open offer is not one). */
export const STAFF_ROLES = ['head-coach', 'assistant-coach'] as const;

export interface TeamView {
  team: TeamRow;
  /** A head or assistant coach of the team. */
  staff: boolean;
  /** A board role that sees every team. */
  board: boolean;
  /** May form, adjust and override (coach administrator, region administrator). */
  former: boolean;
}

/**
 * The team if the person may see it: its coaches and the board. Everyone else is refused without
 * learning anything about the team's children.
 */
export async function teamFor(db: Db, auth: Auth | null, teamId: string): Promise<TeamView> {
  if (!auth) throw new AppError('UNAUTHENTICATED', 'Log in first.');
  const team = await findTeam(db, teamId);
  if (!team?.published) throw new AppError('NOT_FOUND', 'That team was not found. Open your teams from the Teams page.');
  const row = await staffRoleOn(db, teamId, auth.personId, STAFF_ROLES);
  const board = hasAnyRole(auth, BOARD_VIEWERS);
  if (!row && !board) throw new AppError('NOT_YOUR_TEAM', "Only this team's coaches and the board can see its roster. Open your own teams from the Teams page.");
  return { team, staff: !!row, board, former: hasAnyRole(auth, FORMERS) };
}
