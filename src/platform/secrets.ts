import { randomBytes } from 'node:crypto';
import type { Db } from './db/database.js';
import { insertMetaOnce, readMeta } from './meta.store.js';

/**
 * A secret shared by every instance serving the region (it signs cookies), kept in the database
 * so that a second instance behind a load balancer accepts the first one's cookies.
 */
export async function sharedSecret(db: Db, key = 'cookie_secret'): Promise<string> {
  const known = await readMeta(db, key);
  if (known !== null) return known;
  // Two instances starting at once: the first insert wins, the second reads it back.
  await insertMetaOnce(db, key, randomBytes(32).toString('base64url'));
  return (await readMeta(db, key))!;
}
