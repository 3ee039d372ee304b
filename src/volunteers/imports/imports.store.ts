/** Queries of the volunteer import: the people to match against, and the imported-application marks. */
import { toJson, type Db } from '../../platform/db/database.js';
import { toPerson } from '../../people/index.js';
import type { RoleChoice } from '../application.rules.js';
import type { KnownPerson } from './import-plan.rules.js';
import type { VolunteerImportTables } from './imports.tables.js';

type ImportMark = VolunteerImportTables['application_imports'];

/** Every person, merged ones included (their emails stay taken), as matching needs them. */
export async function peopleToMatch(db: Db): Promise<KnownPerson[]> {
  const rows = await db.selectFrom('people').selectAll().execute();
  return rows.map((r) => ({ ...toPerson(r), associationId: r.association_id, mergedInto: r.merged_into }));
}

/** Replaces the roles an application asks for (the import only ever adds to them). */
export async function setApplicationRoles(db: Db, id: string, roles: readonly RoleChoice[]): Promise<void> {
  await db
    .updateTable('applications')
    .set({ roles_json: toJson(roles) })
    .where('id', '=', id)
    .execute();
}

export async function markImported(db: Db, marks: readonly ImportMark[]): Promise<void> {
  if (marks.length)
    await db
      .insertInto('application_imports')
      .values([...marks])
      .execute();
}
