import { AppError } from '../platform/errors.js';
import type { Clock } from '../platform/clock.js';
import { checkpointAfterErase, type Db } from '../platform/db/database.js';
import { recordAudit, type Actor } from '../platform/audit.js';
import * as store from './applications.store.js';
import type { Application } from './applications.store.js';

/**
 * The safety director records the check's result; the sealed number is erased in the same change,
 * and then from SQLite's write-ahead log too (which still held the row as it was before).
 */
export async function recordBackgroundCheck(deps: { db: Db; clock: Clock }, actor: Actor, applicationId: string, result: 'clear' | 'flagged'): Promise<Application> {
  if (result !== 'clear' && result !== 'flagged') throw new AppError('VALIDATION', 'Record the check as clear or flagged.');
  const recorded = await deps.db.transaction().execute(async (trx) => {
    const row = await store.findApplicationById(trx, applicationId);
    if (!row) throw new AppError('NOT_FOUND', 'That application does not exist.');
    if (row.is_adult !== 1) throw new AppError('CHECK_NOT_NEEDED', 'Youth volunteers give no social security number and have no background check to record.');
    const at = deps.clock.now().toISOString();
    await store.recordCheckRow(trx, row.id, result, at, actor.id);
    // The audit log says who recorded a check and when, not its result: the result is for the safety
    // director alone, and the region administrator reads the audit log.
    const before = { checkRecorded: row.check_recorded_at !== null, ssnSealed: row.ssn_sealed !== null };
    await recordAudit(trx, { actor, at, action: 'application.check', entity: 'application', entityId: row.id, before, after: { checkRecorded: true, ssnSealed: false } });
    return store.toApplication((await store.findApplicationById(trx, row.id))!);
  });
  await checkpointAfterErase(deps.db);
  return recorded;
}
