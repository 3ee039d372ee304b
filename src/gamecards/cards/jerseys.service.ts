import type { Deps } from '../../platform/feature.js';
import { recordAudit } from '../../platform/audit.js';
import { forbidden, invalid, notFound } from '../../platform/errors.js';
import type { Auth } from '../../platform/http/access.js';
import { findTeam, type TeamRow } from '../../teams/index.js';
import { cardAccess } from '../gamecards.access.js';
import { currentRoster } from './card-context.service.js';
import type { RosterLine } from './cards.store.js';
import { setJersey } from '../../teams/index.js';

export interface JerseyChange {
  playerId: string;
  /** 0 to 99, or null to clear. */
  jersey: number | null;
}

/** A team and its roster, for its coaches and the board. */
export async function loadJerseys(deps: Deps, auth: Auth | null, teamId: string): Promise<{ team: TeamRow; roster: RosterLine[] }> {
  const team = await findTeam(deps.db, teamId);
  if (!team) throw notFound('That team');
  await cardAccess(deps.db, auth, teamId);
  return { team, roster: await currentRoster(deps.db, teamId) };
}

/**
 * Sets the jersey numbers of a team's players, once for the season: every card of the team shows
 * them (a submitted card keeps the numbers it was submitted with). Numbers are 0 to 99 and distinct
 * within the team; every problem is listed and nothing is saved when there is one.
 */
export async function setJerseys(deps: Deps, auth: Auth | null, teamId: string, changes: readonly JerseyChange[]): Promise<RosterLine[]> {
  const { roster } = await loadJerseys(deps, auth, teamId);
  const access = await cardAccess(deps.db, auth, teamId);
  if (!access.canEdit) throw forbidden("Only this team's coaches and the coach administrator can set jersey numbers.");
  const next = new Map(roster.map((r) => [r.playerId, r.jersey]));
  const errors: string[] = [];
  const names = new Map(roster.map((r) => [r.playerId, r.name]));
  for (const c of changes) {
    if (!names.has(c.playerId)) errors.push(`Player ${c.playerId} is not on this team.`);
    else if (c.jersey !== null && !(Number.isInteger(c.jersey) && c.jersey >= 0 && c.jersey <= 99))
      errors.push(`${names.get(c.playerId)}: a jersey number is a whole number from 0 to 99.`);
    else next.set(c.playerId, c.jersey);
  }
  const byNumber = new Map<number, string[]>();
  for (const [id, n] of next) if (n !== null) byNumber.set(n, [...(byNumber.get(n) ?? []), names.get(id)!]);
  for (const [n, who] of byNumber) if (who.length > 1) errors.push(`Number ${n} is given to ${who.join(' and ')}; every player needs a different number.`);
  if (errors.length > 0) throw invalid(errors[0]!, { errors });
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    for (const [playerId, jersey] of next) {
      await setJersey(trx, teamId, playerId, jersey);
    }
    if (!access.coach) {
      const before = Object.fromEntries(roster.map((r) => [r.playerId, r.jersey]));
      await recordAudit(trx, {
        actor: { id: auth!.personId, name: auth!.name },
        at,
        action: 'team.jerseys',
        entity: 'team',
        entityId: teamId,
        before,
        after: Object.fromEntries(next),
      });
    }
  });
  return currentRoster(deps.db, teamId);
}
