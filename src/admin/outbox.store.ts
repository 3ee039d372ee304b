/** The outbox page's reads: mails matching a search and a state, newest first, a page at a time, with the total. */
import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';

export interface OutboxQuery {
  /** Part of the address, subject or kind (any case; % and _ match any text and any character). */
  q: string;
  /** '' for every state, else queued | sending | sent | failed. */
  state: string;
  offset: number;
  limit: number;
}

export async function searchOutbox(db: Db, f: OutboxQuery) {
  const like = `%${f.q.trim().toLowerCase()}%`;
  const matches = (eb: ExpressionBuilder<DB, 'outbox'>) =>
    eb.and([
      ...(f.q.trim() ? [eb.or([eb(eb.fn('lower', ['to_address']), 'like', like), eb(eb.fn('lower', ['subject']), 'like', like), eb(eb.fn('lower', ['kind']), 'like', like)])] : []),
      ...(f.state ? [eb('state', '=', f.state)] : []),
    ]);
  const rows = await db.selectFrom('outbox').selectAll().where(matches).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute();
  const total = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(matches)
    .executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}
