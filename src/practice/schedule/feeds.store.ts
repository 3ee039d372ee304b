import type { Db } from '../../platform/db/database.js';
import { newToken } from '../../platform/clock.js';

/** The feed token of a team or field in a season, made (unguessable, random) on first use. */
export async function feedToken(db: Db, seasonId: string, kind: 'team' | 'field', refId: string, at: string): Promise<string> {
  const find = () => db.selectFrom('practice_feeds').select('token').where('season_id', '=', seasonId).where('kind', '=', kind).where('ref_id', '=', refId).executeTakeFirst();
  const found = await find();
  if (found) return found.token;
  const token = newToken();
  try {
    await db.insertInto('practice_feeds').values({ token, season_id: seasonId, kind, ref_id: refId, created_at: at }).execute();
    return token;
  } catch (e) {
    // Two first views at once: the other one's token stands.
    const again = await find();
    if (again) return again.token;
    throw e;
  }
}

/** The season, kind and team or field of a feed token; undefined for an unknown token. */
export async function findFeed(db: Db, token: string): Promise<{ seasonId: string; kind: 'team' | 'field'; refId: string } | undefined> {
  const r = await db.selectFrom('practice_feeds').selectAll().where('token', '=', token).executeTakeFirst();
  return r ? { seasonId: r.season_id, kind: r.kind === 'field' ? 'field' : 'team', refId: r.ref_id } : undefined;
}
