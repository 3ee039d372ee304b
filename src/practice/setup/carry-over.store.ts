import type { Db } from '../../platform/db/database.js';
import { windowRow } from './windows.store.js';
import type { PracticeWindow } from '../slots.rules.js';

/** Stores windows of a season as drafts (carried over, not yet published); answers their ids in order. */
export async function insertDraftWindows(db: Db, seasonId: string, windows: readonly PracticeWindow[], at: string): Promise<string[]> {
  if (!windows.length) return [];
  const rows = windows.map((w) => windowRow(seasonId, w, at, 1));
  await db.insertInto('practice_windows').values(rows).execute();
  return rows.map((r) => r.id);
}

/** Publishes a season's draft windows (slot generation then cuts them); answers how many. */
export async function publishDrafts(db: Db, seasonId: string): Promise<number> {
  const r = await db.updateTable('practice_windows').set({ draft: 0 }).where('season_id', '=', seasonId).where('draft', '=', 1).executeTakeFirst();
  return Number(r.numUpdatedRows);
}
