import type { Insertable } from 'kysely';
import type { Db } from './db/database.js';
import type { PlatformTables } from './db/schema.js';

/** Adds one row to the audit log (in the caller's transaction). */
export async function insertAuditRow(db: Db, row: Insertable<PlatformTables['audit_log']>): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}
