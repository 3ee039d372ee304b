import { AppError } from '../platform/errors.js';
import type { Clock } from '../platform/clock.js';
import type { Db } from '../platform/db/database.js';
import { recordAudit, type Actor } from '../platform/audit.js';
import * as store from './applications.store.js';
import type { Application } from './applications.store.js';

/** The safety director records the check's result; the sealed number is erased in the same change. */
export async function recordBackgroundCheck(deps: { db: Db; clock: Clock }, actor: Actor, applicationId: string, result: 'clear' | 'flagged'): Promise<Application> {
  if (result !== 'clear' && result !== 'flagged') throw new AppError('VALIDATION', 'Record the check as clear or flagged.');
  return deps.db.transaction().execute(async (trx) => {
    const row = await store.findApplicationById(trx, applicationId);
    if (!row) throw new AppError('NOT_FOUND', 'That application does not exist.');
    if (row.is_adult !== 1) throw new AppError('CHECK_NOT_NEEDED', 'Youth volunteers give no social security number and have no background check to record.');
    const at = deps.clock.now().toISOString();
    await store.recordCheckRow(trx, row.id, result, at, actor.id);
    const before = { backgroundCheck: row.background_check, ssnSealed: row.ssn_sealed !== null };
    await recordAudit(trx, { actor, at, action: 'application.check', entity: 'application', entityId: row.id, before, after: { backgroundCheck: result, ssnSealed: false } });
    return store.toApplication((await store.findApplicationById(trx, row.id))!);
  });
}
