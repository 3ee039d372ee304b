import type { Db } from '../../platform/db/database.js';
import { fromJson, toJson } from '../../platform/db/database.js';
import { newId } from '../../platform/clock.js';
import type { PracticeWindow } from '../slots.rules.js';

/** A stored practice window (the rules' PracticeWindow with its id). */
export interface StoredWindow extends PracticeWindow {
  id: string;
  /** Carried over from last season and not yet published: slot generation leaves it out. */
  draft: boolean;
}

/** A season's practice windows, in the order they were added. */
export async function listWindows(db: Db, seasonId: string): Promise<StoredWindow[]> {
  const rows = await db.selectFrom('practice_windows').selectAll().where('season_id', '=', seasonId).orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    fieldId: r.field_id,
    weekdays: fromJson<number[]>(r.weekdays_json, []),
    startTime: r.start_time,
    endTime: r.end_time,
    ...(r.capacity !== null ? { capacity: r.capacity } : {}),
    ...(r.divisions_json !== null ? { divisions: fromJson<string[]>(r.divisions_json, []) } : {}),
    draft: r.draft === 1,
  }));
}

/** The stored row of a window (a new id; `draft` 1 for a window carried over and not yet published). */
export function windowRow(seasonId: string, w: PracticeWindow, at: string, draft = 0) {
  return {
    id: newId(),
    season_id: seasonId,
    field_id: w.fieldId,
    weekdays_json: toJson([...new Set(w.weekdays)].sort()),
    start_time: w.startTime,
    end_time: w.endTime,
    capacity: w.capacity ?? null,
    divisions_json: w.divisions ? toJson(w.divisions) : null,
    created_at: at,
    draft,
  };
}

/** Stores a new window of a season; answers its id. */
export async function insertWindow(db: Db, seasonId: string, w: PracticeWindow, at: string): Promise<string> {
  const row = windowRow(seasonId, w, at);
  await db.insertInto('practice_windows').values(row).execute();
  return row.id;
}

/** Deletes a window of a season; false when it was already gone. */
export async function deleteWindow(db: Db, seasonId: string, id: string): Promise<boolean> {
  const r = await db.deleteFrom('practice_windows').where('id', '=', id).where('season_id', '=', seasonId).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}
