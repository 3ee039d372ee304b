import { sql, type Kysely } from 'kysely';

// Messages to groups (issue 18): the outbox keeps each mail's delivery state (queued, sending,
// sent, failed), its attempts, when the next attempt is due (exponential back-off), the server's
// last answer (in `error`), the Reply-To address, an HTML alternative and the one-click unsubscribe
// address; `messages` and `message_recipients` record every message the board sent and to whom.
// Rows already sent keep their state: sent_at set and no error means sent.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('outbox')
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('queued'))
    .execute();
  await db.schema
    .alterTable('outbox')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('outbox').addColumn('next_attempt_at', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('reply_to', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('body_html', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('unsubscribe_url', 'text').execute();
  await sql`update outbox set state = 'sent' where sent_at is not null and error is null`.execute(db);
  await sql`update outbox set sent_at = null where state <> 'sent'`.execute(db);
  await db.schema.createIndex('outbox_due').on('outbox').columns(['state', 'next_attempt_at']).execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sender_id', 'text', (c) => c.notNull())
    .addColumn('sender_name', 'text', (c) => c.notNull())
    .addColumn('sender_email', 'text')
    .addColumn('audience_json', 'text', (c) => c.notNull())
    .addColumn('audience_label', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('markdown', 'text', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull())
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('messages_created').on('messages').columns(['created_at', 'id']).execute();
  await db.schema
    .createTable('message_recipients')
    .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('outbox_id', 'text')
    .addColumn('skipped', 'text')
    .addPrimaryKeyConstraint('message_recipients_pk', ['message_id', 'position'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Touchline migrations are forward-only; restore a backup to go back.');
}
