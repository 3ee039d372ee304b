import type { Selectable } from 'kysely';
import type { Db } from './db/database.js';
import type { PlatformTables } from './db/schema.js';
import { prepared, type Arg } from './db/prepared.js';

export type OutboxRow = Selectable<PlatformTables['outbox']>;
type NewOutboxRow = Pick<OutboxRow, 'id' | 'to_address' | 'subject' | 'body_text' | 'kind' | 'attachments' | 'created_at' | 'reply_to' | 'body_html' | 'unsubscribe_url'>;

/** A new outbox row (queued, never tried); prepared, as bookings queue one per request. */
export const insertOutboxRow = prepared((db, arg: Arg<NewOutboxRow>) =>
  db.insertInto('outbox').values({
    id: arg('id'),
    to_address: arg('to_address'),
    subject: arg('subject'),
    body_text: arg('body_text'),
    kind: arg('kind'),
    attachments: arg('attachments'),
    created_at: arg('created_at'),
    reply_to: arg('reply_to'),
    body_html: arg('body_html'),
    unsubscribe_url: arg('unsubscribe_url'),
    sent_at: null,
    error: null,
    state: 'queued',
    attempts: 0,
    next_attempt_at: null,
  }),
);

/**
 * Up to `limit` mails due at `now`, oldest first: queued ones whose next attempt has come, and
 * ones claimed by a sender that stopped before answering (their lease ran out).
 */
export function dueOutboxRows(db: Db, now: string, limit: number): Promise<OutboxRow[]> {
  return db
    .selectFrom('outbox')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('state', '=', 'queued'), eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)])]),
        eb.and([eb('state', '=', 'sending'), eb('next_attempt_at', '<=', now)]),
      ]),
    )
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Claims a due mail for one attempt (counting it, with a lease until `leaseUntil`); false when
 * another sender claimed it first (its attempts moved on).
 */
export async function claimOutboxRow(db: Db, id: string, attempts: number, leaseUntil: string): Promise<boolean> {
  const claim = await db
    .updateTable('outbox')
    .set({ state: 'sending', attempts: attempts + 1, next_attempt_at: leaseUntil })
    .where('id', '=', id)
    .where('attempts', '=', attempts)
    .where('state', 'in', ['queued', 'sending'])
    .executeTakeFirst();
  return Number(claim.numUpdatedRows) === 1;
}

/** The mail went out: any earlier error is cleared. */
export async function markOutboxSent(db: Db, id: string, sentAt: string): Promise<void> {
  await db.updateTable('outbox').set({ state: 'sent', sent_at: sentAt, error: null, next_attempt_at: null }).where('id', '=', id).execute();
}

/** The attempt failed: back to the queue until `nextAttemptAt`, or (null) given up for good; the server's answer is kept. */
export async function markOutboxFailed(db: Db, id: string, error: string, nextAttemptAt: string | null): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ state: nextAttemptAt ? 'queued' : 'failed', error, next_attempt_at: nextAttemptAt })
    .where('id', '=', id)
    .execute();
}
