import type { Selectable } from 'kysely';
import type { Db } from './db/database.js';
import type { PlatformTables } from './db/schema.js';
import { prepared, type Arg } from './db/prepared.js';

type OutboxRow = Omit<PlatformTables['outbox'], 'sent_at' | 'error'>;

/** A new outbox row (queued: not sent, no error); prepared, as bookings queue one per request. */
export const insertOutboxRow = prepared((db, arg: Arg<OutboxRow>) =>
  db.insertInto('outbox').values({
    id: arg('id'),
    to_address: arg('to_address'),
    subject: arg('subject'),
    body_text: arg('body_text'),
    kind: arg('kind'),
    attachments: arg('attachments'),
    created_at: arg('created_at'),
    sent_at: null,
    error: null,
  }),
);

/** Up to `limit` queued (unsent) messages, oldest first. */
export function queuedOutboxRows(db: Db, limit: number): Promise<Selectable<PlatformTables['outbox']>[]> {
  return db.selectFrom('outbox').selectAll().where('sent_at', 'is', null).orderBy('created_at').limit(limit).execute();
}

/** Claims a queued message for sending; false when another instance claimed it first. */
export async function claimOutboxRow(db: Db, id: string, claimedAt: string): Promise<boolean> {
  const claim = await db.updateTable('outbox').set({ sent_at: claimedAt }).where('id', '=', id).where('sent_at', 'is', null).executeTakeFirst();
  return Number(claim.numUpdatedRows) === 1;
}

/** The message went out: any earlier error is cleared. */
export async function markOutboxSent(db: Db, id: string): Promise<void> {
  await db.updateTable('outbox').set({ error: null }).where('id', '=', id).execute();
}

/** Gives the message back to the queue with the reason; the next round tries again. */
export async function markOutboxFailed(db: Db, id: string, error: string): Promise<void> {
  await db.updateTable('outbox').set({ sent_at: null, error }).where('id', '=', id).execute();
}
