import type { Db } from '../platform/db/database.js';

/**
 * The notification settings pages' own read; preferences, sends and settings are read and written
 * by platform's store (src/platform/notify/notifications.store.ts).
 */

/** Whether a person with this id exists (an unsubscribe link's person; merged-away records count too). */
export async function personExists(db: Db, personId: string): Promise<boolean> {
  return !!(await db.selectFrom('people').select('id').where('id', '=', personId).executeTakeFirst());
}
