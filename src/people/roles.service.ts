import { AppError } from '../platform/errors.js';
import { newId, type Clock } from '../platform/clock.js';
import type { Db } from '../platform/db/database.js';
import { recordAudit, type Actor } from '../platform/audit.js';
import { getRegionConfig } from '../region/index.js';
import { findDivision, findSeason } from '../region/index.js';
import { findPersonRow } from './people.store.js';
import { countPeopleWithRole, deleteGrant, findGrant, findGrantId, insertGrant } from './roles.store.js';
import { DIVISION_ROLES, isRole, ROLE_LABELS } from '../platform/roles.js';

export interface GrantInput {
  personId: string;
  role: string;
  seasonId: string;
  division: string;
}

/** Gives a person a role (standing when seasonId is ''); audited. */
export async function grantRole(db: Db, clock: Clock, actor: Actor, g: GrantInput): Promise<string> {
  if (!isRole(g.role)) throw new AppError('VALIDATION', `"${g.role}" is not a role.`);
  const config = await getRegionConfig(db);
  if (g.seasonId && !findSeason(config, g.seasonId)) throw new AppError('VALIDATION', `There is no season "${g.seasonId}".`);
  if (g.division && !findDivision(config, g.division)) throw new AppError('VALIDATION', `There is no division "${g.division}".`);
  if (g.division && !DIVISION_ROLES.includes(g.role)) throw new AppError('VALIDATION', `${ROLE_LABELS[g.role]} is not tied to a division: leave the division empty.`);
  if (!(await findPersonRow(db, g.personId))) throw new AppError('NOT_FOUND', 'That person does not exist.');
  return db.transaction().execute(async (trx) => {
    const id = await grantInTransaction(trx, clock.now().toISOString(), actor, g);
    if (id === null) throw new AppError('CONFLICT', 'This person already holds that role.');
    return id;
  });
}

/**
 * Gives a checked role grant inside the caller's transaction, audited as the directory's grants are;
 * null (nothing written) when the person already holds exactly that role.
 */
export async function grantInTransaction(trx: Db, at: string, actor: Actor, g: GrantInput): Promise<string | null> {
  if ((await findGrantId(trx, g)) !== undefined) return null;
  const id = newId();
  await insertGrant(trx, { id, person_id: g.personId, role: g.role, season_id: g.seasonId, division: g.division, granted_at: at, granted_by: actor.id });
  await recordAudit(trx, { actor, at, action: 'role.grant', entity: 'person', entityId: g.personId, after: { role: g.role, season: g.seasonId, division: g.division } });
  return id;
}

/** Takes a role away; the last region administrator cannot be removed. */
export async function revokeRole(db: Db, clock: Clock, actor: Actor, grantId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const g = await findGrant(trx, grantId);
    if (!g) throw new AppError('NOT_FOUND', 'That role grant does not exist.');
    if (g.role === 'region-administrator') {
      if ((await countPeopleWithRole(trx, 'region-administrator')) <= 1)
        throw new AppError('CONFLICT', 'This is the last region administrator. Make someone else administrator first.');
    }
    await deleteGrant(trx, grantId);
    await recordAudit(trx, {
      actor,
      at: clock.now().toISOString(),
      action: 'role.revoke',
      entity: 'person',
      entityId: g.person_id,
      before: { role: g.role, season: g.season_id, division: g.division },
    });
  });
}
