import type { Db } from './db/database.js';

/** The value of a setting of the installation (app_meta), or null when it was never set. */
export async function readMeta(db: Db, key: string): Promise<string | null> {
  const row = await db.selectFrom('app_meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

/** Sets a value once: when the key is already there (another instance was first), nothing changes. */
export async function insertMetaOnce(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('app_meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}
