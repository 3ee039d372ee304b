import type { Db } from '../../platform/db/database.js';
import type { Deps } from '../../platform/feature.js';
import { recordAudit, type Actor } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { PracticeWindow } from '../slots.rules.js';
import { listWindows, type StoredWindow } from './windows.store.js';
import { insertDraftWindows, publishDrafts } from './carry-over.store.js';

const sameTime = (a: PracticeWindow, b: PracticeWindow) =>
  a.fieldId === b.fieldId && a.startTime === b.startTime && a.endTime === b.endTime && [...a.weekdays].sort().join() === [...b.weekdays].sort().join();

/** Only a window's own properties (no id, no draft mark). */
const windowOf = (w: StoredWindow): PracticeWindow => ({
  fieldId: w.fieldId,
  weekdays: w.weekdays,
  startTime: w.startTime,
  endTime: w.endTime,
  ...(w.capacity !== undefined ? { capacity: w.capacity } : {}),
  ...(w.divisions !== undefined ? { divisions: w.divisions } : {}),
});

/**
 * The windows of last season that the next season would get as drafts: every published window of
 * `fromSeasonId` that the new season does not have already (same field, weekdays and times), in
 * week order (first weekday, start, field).
 */
export async function windowsToCarry(db: Db, fromSeasonId: string, toSeasonId: string): Promise<PracticeWindow[]> {
  const [old, there] = await Promise.all([listWindows(db, fromSeasonId), listWindows(db, toSeasonId)]);
  const first = (w: PracticeWindow) => Math.min(...w.weekdays);
  return old
    .filter((w) => !w.draft && !there.some((t) => sameTime(t, w)))
    .map(windowOf)
    .sort((a, b) => first(a) - first(b) || a.startTime.localeCompare(b.startTime) || a.fieldId.localeCompare(b.fieldId) || a.endTime.localeCompare(b.endTime));
}

/**
 * Carries last season's windows into the new one as drafts, inside the caller's transaction (the
 * season start): drafts are not cut into slots, so nobody books them before they are published.
 */
export async function carryOverWindows(trx: Db, fromSeasonId: string, toSeasonId: string, at: string): Promise<PracticeWindow[]> {
  const windows = await windowsToCarry(trx, fromSeasonId, toSeasonId);
  await insertDraftWindows(trx, toSeasonId, windows, at);
  return windows;
}

/** Publishes a season's draft windows (the coach administrator adjusted them); audited. */
export async function publishDraftWindows(deps: Deps, actor: Actor, seasonId: string): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const count = await publishDrafts(trx, seasonId);
    if (!count) throw new AppError('NOT_FOUND', 'This season has no draft practice windows to publish.');
    await recordAudit(trx, {
      actor,
      at: deps.clock.now().toISOString(),
      action: 'practice.windows.publish',
      entity: 'practice_season',
      entityId: seasonId,
      after: { published: count },
    });
    return count;
  });
}
