import type { Kysely } from 'kysely';

// Coach badges (src/badges/badges.tables.ts): badge photos and their approval, issued badges with
// the token of their verification link, and the print runs (what was printed when). Portable types
// only. The photo bytes are in the `files` table of migration 0002.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('badge_photos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('people.id'))
    .execute();
  await db.schema.createIndex('badge_photos_person').on('badge_photos').columns(['person_id', 'uploaded_at']).execute();
  await db.schema.createIndex('badge_photos_status').on('badge_photos').column('status').execute();
  await db.schema
    .createTable('badges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('season_id', 'text', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('photo_id', 'text', (c) => c.notNull().references('badge_photos.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('roles_json', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('replaced_at', 'text')
    .addColumn('invalid_since', 'text')
    .execute();
  await db.schema.createIndex('badges_person_season').on('badges').columns(['person_id', 'season_id']).execute();
  await db.schema.createIndex('badges_season').on('badges').column('season_id').execute();
  await db.schema
    .createTable('badge_print_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('season_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reprint_of', 'text', (c) => c.references('badge_print_runs.id'))
    .addColumn('badge_count', 'integer', (c) => c.notNull())
    .addColumn('printed_at', 'text', (c) => c.notNull())
    .addColumn('printed_by', 'text', (c) => c.references('people.id'))
    .addColumn('printed_by_name', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('badge_print_runs_season').on('badge_print_runs').columns(['season_id', 'printed_at']).execute();
  await db.schema
    .createTable('badge_print_items')
    .addColumn('run_id', 'text', (c) => c.notNull().references('badge_print_runs.id').onDelete('cascade'))
    .addColumn('badge_id', 'text', (c) => c.notNull().references('badges.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('badge_print_items_pk', ['run_id', 'badge_id'])
    .execute();
  await db.schema.createIndex('badge_print_items_badge').on('badge_print_items').column('badge_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('Touchline migrations are forward-only; restore a backup to go back.');
}
