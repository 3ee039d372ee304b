import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/database.js';
import { sharedSecret } from '../secrets.js';

/**
 * Unsubscribe links work without logging in, so the token in them must name the person and be
 * impossible to make up: the person's id signed with a secret shared by every instance (kept in
 * the database, like the cookie secret). Nothing is stored per mail; a token never expires, and it
 * can only switch mails off.
 */
const SECRET_KEY = 'unsubscribe_secret';

const sign = (secret: string, personId: string) => createHmac('sha256', secret).update(`unsubscribe:${personId}`).digest('base64url');

export async function unsubscribeToken(db: Db, personId: string): Promise<string> {
  const secret = await sharedSecret(db, SECRET_KEY);
  return `${Buffer.from(personId, 'utf8').toString('base64url')}.${sign(secret, personId)}`;
}

/** The person a token was made for, or null when it is not one of ours. */
export async function personOfToken(db: Db, token: string): Promise<string | null> {
  const m = /^([A-Za-z0-9_-]{1,200})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  const personId = Buffer.from(m[1]!, 'base64url').toString('utf8');
  const expected = Buffer.from(sign(await sharedSecret(db, SECRET_KEY), personId));
  const given = Buffer.from(m[2]!);
  return given.length === expected.length && timingSafeEqual(given, expected) ? personId : null;
}
