import type { Kysely } from 'kysely';

// Practice field sign-up: sign-up settings, practice windows, weekly slots, bookings and calendar
// feed tokens (src/practice/practice.tables.ts). Portable types only.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('practice_signup')
    .addColumn('season_id', 'text', (c) => c.primaryKey())
    .addColumn('opens_at', 'text')
    .addColumn('division_opens_json', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text')
    .addColumn('blackouts_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema
    .createTable('practice_windows')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('season_id', 'text', (c) => c.notNull())
    .addColumn('field_id', 'text', (c) => c.notNull())
    .addColumn('weekdays_json', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer')
    .addColumn('divisions_json', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('practice_windows_season').on('practice_windows').column('season_id').execute();
  await db.schema
    .createTable('practice_slots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('season_id', 'text', (c) => c.notNull())
    .addColumn('slot_key', 'text', (c) => c.notNull())
    .addColumn('field_id', 'text', (c) => c.notNull())
    .addColumn('weekday', 'integer', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('divisions_json', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('practice_slots_key', ['season_id', 'slot_key'])
    .execute();
  await db.schema
    .createTable('practice_bookings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('season_id', 'text', (c) => c.notNull())
    .addColumn('slot_id', 'text', (c) => c.notNull().references('practice_slots.id'))
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('booked_at', 'text', (c) => c.notNull())
    .addColumn('booked_by', 'text')
    .addColumn('via', 'text', (c) => c.notNull())
    .addUniqueConstraint('practice_bookings_slot_team', ['slot_id', 'team_id'])
    .execute();
  await db.schema.createIndex('practice_bookings_team').on('practice_bookings').column('team_id').execute();
  await db.schema.createIndex('practice_bookings_season').on('practice_bookings').column('season_id').execute();
  await db.schema
    .createTable('practice_feeds')
    .addColumn('token', 'text', (c) => c.primaryKey())
    .addColumn('season_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('practice_feeds_ref', ['season_id', 'kind', 'ref_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Touchline migrations are forward-only; restore a backup to go back.');
}
