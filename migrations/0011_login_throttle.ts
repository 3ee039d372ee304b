import type { Kysely } from 'kysely';

// Login throttling by reservation: one row per key (an address, an account, an account at an
// address) whose attempt count is raised in one atomic upsert before the password is checked, so a
// burst of guesses counts as a sequence. Replaces the per-failure rows of login_failures, which were
// written after the check (and are only ever a few minutes' worth of transient data).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('account', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_throttle_account').on('login_throttle').column('account').execute();
  await db.schema.createIndex('login_throttle_updated').on('login_throttle').column('updated_at').execute();
  await db.schema.dropTable('login_failures').execute();
}

export async function down(): Promise<void> {
  throw new Error('Touchline migrations are forward-only; restore a backup to go back.');
}
