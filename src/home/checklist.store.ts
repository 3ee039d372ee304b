import type { Db } from '../platform/db/database.js';

/** What the first-run checklist reads beyond the front doors of features: role grants and the audit log. */

/** Names of the people holding a role standing or in one of these seasons (merged accounts left out). */
export async function roleHolderNames(db: Db, role: string, seasonIds: readonly string[]): Promise<string[]> {
  const rows = await db
    .selectFrom('role_grants')
    .innerJoin('people', 'people.id', 'role_grants.person_id')
    .select(['people.first_name', 'people.last_name'])
    .distinct()
    .where('role_grants.role', '=', role)
    .where('role_grants.season_id', 'in', ['', ...seasonIds])
    .where('people.merged_into', 'is', null)
    .orderBy('people.last_name')
    .orderBy('people.first_name')
    .execute();
  return rows.map((r) => `${r.first_name} ${r.last_name}`.trim());
}

/** Whether any of these audited actions was ever recorded. */
export async function anyAuditOf(db: Db, actions: readonly string[]): Promise<boolean> {
  const r = await db
    .selectFrom('audit_log')
    .select('id')
    .where('action', 'in', [...actions])
    .limit(1)
    .executeTakeFirst();
  return !!r;
}
