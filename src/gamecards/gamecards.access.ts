import type { Db } from '../platform/db/database.js';
import { AppError, forbidden } from '../platform/errors.js';
import { hasAnyRole, type Auth } from '../platform/http/access.js';
import type { Role } from '../platform/roles.js';
import { coachesTeam } from '../teams/index.js';
import { teamIdsStaffedBy } from './staff.store.js';

/** Board roles that see every team's games, cards and children's names. */
export const CARD_BOARD: readonly Role[] = ['coach-administrator', 'region-administrator'];
/** The only role that corrects a submitted card. */
export const CORRECTOR: readonly Role[] = ['coach-administrator'];
/** Roles that keep the schedule. */
export const SCHEDULERS: readonly Role[] = ['coach-administrator', 'region-administrator'];

/** What a person may do with a team's cards. */
export interface CardAccess {
  /** On the team's staff (head or assistant coach). */
  coach: boolean;
  /** Sees every card (coach administrator, region administrator). */
  board: boolean;
  /** May fill in a draft card. */
  canEdit: boolean;
  /** May correct a submitted card (coach administrator). */
  canCorrect: boolean;
}

/** A team's coaches and the board roles that need children's names; FORBIDDEN for anyone else. */
export async function cardAccess(db: Db, auth: Auth | null, teamId: string): Promise<CardAccess> {
  if (!auth) throw new AppError('UNAUTHENTICATED', 'Log in first.');
  const coach = await coachesTeam(db, auth.personId, teamId);
  const board = hasAnyRole(auth, CARD_BOARD);
  if (!coach && !board) throw forbidden("Only this team's coaches and the coach administrator can see this team's game cards.");
  const corrector = hasAnyRole(auth, CORRECTOR);
  return { coach, board, canEdit: coach || corrector, canCorrect: corrector };
}

/** Ids of the teams whose games and cards a person sees: null = every team (board). */
export async function visibleTeamIds(db: Db, auth: Auth, seasonId: string): Promise<string[] | null> {
  if (hasAnyRole(auth, CARD_BOARD)) return null;
  return teamIdsStaffedBy(db, auth.personId, seasonId);
}
