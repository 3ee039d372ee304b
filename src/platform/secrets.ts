import { randomBytes } from 'node:crypto';
import type { Db } from './db/database.js';

/**
 * A secret shared by every instance serving the region (it signs cookies), kept in the database
 * so that a second instance behind a load balancer accepts the first one's cookies.
 */
export async function sharedSecret(db: Db, key = 'cookie_secret'): Promise<string> {
  const row = await db.selectFrom('app_meta').select('value').where('key', '=', key).executeTakeFirst();
  if (row) return row.value;
  const value = randomBytes(32).toString('base64url');
  // Two instances starting at once: the first insert wins, the second reads it back.
  await db.insertInto('app_meta').values({ key, value }).onConflict((oc) => oc.column('key').doNothing()).execute();
  return (await db.selectFrom('app_meta').select('value').where('key', '=', key).executeTakeFirstOrThrow()).value;
}
