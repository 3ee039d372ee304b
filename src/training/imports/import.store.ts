/** Kysely queries of the legacy import: the people lines are matched to, and association ids it fills in. */
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { PlatformTables } from '../../platform/db/schema.js';

export type ImportablePerson = Pick<Selectable<PlatformTables['people']>, 'id' | 'email' | 'first_name' | 'last_name' | 'birth_date' | 'association_id'>;

/** Every account in use (not merged into another), with what a legacy line can be matched by. */
export async function importablePeople(db: Db): Promise<ImportablePerson[]> {
  return db.selectFrom('people').select(['id', 'email', 'first_name', 'last_name', 'birth_date', 'association_id']).where('merged_into', 'is', null).execute();
}

/** Gives a person the association id from the file, unless they already have one (null or '' counts as none). */
export async function fillAssociationId(db: Db, personId: string, associationId: string, at: string): Promise<void> {
  await db
    .updateTable('people')
    .set({ association_id: associationId, updated_at: at })
    .where('id', '=', personId)
    .where((eb) => eb.or([eb('association_id', 'is', null), eb('association_id', '=', '')]))
    .execute();
}

export interface AssociationIdHolder {
  id: string;
  first_name: string;
  last_name: string;
  merged_into: string | null;
}

/** The account (in use or merged) that holds this association id, if any: the id is unique among accounts. */
export async function associationIdHolder(db: Db, associationId: string): Promise<AssociationIdHolder | undefined> {
  return db.selectFrom('people').select(['id', 'first_name', 'last_name', 'merged_into']).where('association_id', '=', associationId).executeTakeFirst();
}
