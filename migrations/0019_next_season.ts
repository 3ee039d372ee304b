import type { Kysely } from 'kysely';

// The next season in one step (issue 17, point 6): `season_starts` records each season started from
// the one before (one row per season: a second start answers what the first did), `role_offers` the
// roles of last season offered again (pending, accepted or declined), and a practice window carried
// over stays a draft (not cut into slots, so not bookable) until the coach administrator publishes it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('season_starts')
    .addColumn('season_id', 'text', (c) => c.primaryKey())
    .addColumn('from_season_id', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('started_by', 'text')
    .addColumn('started_by_name', 'text', (c) => c.notNull())
    .addColumn('summary_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('role_offers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('season_id', 'text', (c) => c.notNull())
    .addColumn('from_season_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('division', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('offered_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addUniqueConstraint('role_offers_one', ['season_id', 'person_id', 'role', 'division'])
    .execute();
  await db.schema.createIndex('role_offers_person').on('role_offers').columns(['person_id', 'state']).execute();
  await db.schema
    .alterTable('practice_windows')
    .addColumn('draft', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Touchline migrations are forward-only; restore a backup to go back.');
}
