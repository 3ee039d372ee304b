/** Queries of messages: their records and the audiences platform's tables answer (role holders, opt-outs). */
import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../platform/db/database.js';
import { inSlices } from '../players/index.js';
import type { MessageTables } from './messages.tables.js';
import type { Candidate } from './messages.rules.js';

export type MessageRow = Selectable<MessageTables['messages']>;

const nameOf = (r: { first_name: string; last_name: string }) => `${r.first_name} ${r.last_name}`.trim();

/** Everyone holding a role in a season (standing grants hold in every season), by name; merged accounts left out. */
export async function roleHolders(db: Db, role: string, seasonId: string): Promise<Candidate[]> {
  const rows = await db
    .selectFrom('role_grants as g')
    .innerJoin('people as p', 'p.id', 'g.person_id')
    .select(['p.id', 'p.first_name', 'p.last_name', 'p.email'])
    .where('g.role', '=', role)
    .where('g.season_id', 'in', ['', seasonId])
    .where('p.merged_into', 'is', null)
    .orderBy('p.last_name')
    .orderBy('p.first_name')
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({ personId: r.id, name: nameOf(r), email: r.email }));
}

/** Of these people, those who switched this kind of mail off. */
export async function optedOut(db: Db, personIds: readonly string[], kind: string): Promise<Set<string>> {
  const rows = await inSlices(personIds, (ids) =>
    db.selectFrom('notification_preferences').select('person_id').where('kind', '=', kind).where('enabled', '=', 0).where('person_id', 'in', ids).execute(),
  );
  return new Set(rows.map((r) => r.person_id));
}

/** The writer's name and address (replies go there). */
export async function senderOf(db: Db, personId: string): Promise<{ name: string; email: string | null } | undefined> {
  const r = await db.selectFrom('people').select(['first_name', 'last_name', 'email']).where('id', '=', personId).executeTakeFirst();
  return r && { name: nameOf(r), email: r.email };
}

export async function insertMessage(db: Db, row: Insertable<MessageTables['messages']>, recipients: Insertable<MessageTables['message_recipients']>[]): Promise<void> {
  await db.insertInto('messages').values(row).execute();
  for (let i = 0; i < recipients.length; i += 500)
    await db
      .insertInto('message_recipients')
      .values(recipients.slice(i, i + 500))
      .execute();
}

export async function findMessage(db: Db, id: string): Promise<MessageRow | undefined> {
  return db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A message's recipients in order, with their mail's delivery state (null for the skipped). */
export async function recipientsOf(db: Db, messageId: string) {
  return db
    .selectFrom('message_recipients as r')
    .leftJoin('outbox as o', 'o.id', 'r.outbox_id')
    .select(['r.person_id', 'r.name', 'r.email', 'r.skipped', 'r.outbox_id', 'o.state', 'o.attempts', 'o.error', 'o.sent_at', 'o.next_attempt_at'])
    .where('r.message_id', '=', messageId)
    .orderBy('r.position')
    .execute();
}

/** Messages newest first, a page at a time, with how many there are. */
export async function listMessages(db: Db, offset: number, limit: number, senderId?: string): Promise<{ rows: MessageRow[]; total: number }> {
  let list = db.selectFrom('messages').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').offset(offset).limit(limit);
  let total = db.selectFrom('messages').select((eb) => eb.fn.countAll<number>().as('n'));
  if (senderId) {
    list = list.where('sender_id', '=', senderId);
    total = total.where('sender_id', '=', senderId);
  }
  const rows = await list.execute();
  const count = await total.executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

/** The messages sent to exactly this audience (stored as audienceJson writes it), newest first, at most `limit`. */
export async function messagesTo(db: Db, audience: string, limit: number) {
  return db
    .selectFrom('messages')
    .select(['id', 'subject', 'markdown', 'sender_name', 'created_at'])
    .where('audience_json', '=', audience)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Delivery counts per state of these messages' mails. */
export async function deliveryCounts(db: Db, messageIds: readonly string[]): Promise<Map<string, Record<string, number>>> {
  const rows = await inSlices(messageIds, (ids) =>
    db
      .selectFrom('message_recipients as r')
      .innerJoin('outbox as o', 'o.id', 'r.outbox_id')
      .select(['r.message_id', 'o.state', (eb) => eb.fn.countAll<number>().as('n')])
      .where('r.message_id', 'in', ids)
      .groupBy(['r.message_id', 'o.state'])
      .execute(),
  );
  const out = new Map<string, Record<string, number>>();
  for (const r of rows) out.set(r.message_id, { ...(out.get(r.message_id) ?? {}), [r.state]: Number(r.n) });
  return out;
}
