import type { Kysely } from 'kysely';
import { binaryType } from './types.js';

// Volunteers, trainings, classes, uploaded files and account merges (issue: volunteers, trainings
// and certification compliance). Portable types only; files are binary in the database so that
// every instance sees them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('people').addColumn('association_id', 'text').execute();
  await db.schema
    .createTable('files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.references('people.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('data', binaryType(db), (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('season_id', 'text', (c) => c.notNull())
    .addColumn('roles_json', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('is_adult', 'integer', (c) => c.notNull())
    .addColumn('ssn_sealed', 'text')
    .addColumn('ssn_last4', 'text')
    .addColumn('signature_name', 'text')
    .addColumn('signed_at', 'text')
    .addColumn('signed_ip', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('background_check', 'text', (c) => c.notNull())
    .addColumn('check_recorded_at', 'text')
    .addColumn('check_recorded_by', 'text')
    .addUniqueConstraint('applications_person_season', ['person_id', 'season_id'])
    .execute();
  await db.schema
    .createTable('completions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('training', 'text', (c) => c.notNull())
    .addColumn('part', 'text', (c) => c.notNull())
    .addColumn('completed_on', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('certificate_no', 'text', (c) => c.notNull())
    .addColumn('class_session_id', 'text')
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('completions_unique', ['person_id', 'training', 'part', 'completed_on'])
    .execute();
  await db.schema.createIndex('completions_person').on('completions').column('person_id').execute();
  await db.schema
    .createTable('class_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('training', 'text', (c) => c.notNull())
    .addColumn('part', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('instructor_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .execute();
  await db.schema
    .createTable('class_registrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('class_sessions.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('registered_at', 'text', (c) => c.notNull())
    .addColumn('credited_at', 'text')
    .addColumn('credited_by', 'text')
    .addUniqueConstraint('class_registrations_unique', ['session_id', 'person_id'])
    .execute();
  await db.schema
    .createTable('certificate_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('training', 'text', (c) => c.notNull())
    .addColumn('part', 'text', (c) => c.notNull())
    .addColumn('completed_on', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('account_merges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kept_id', 'text', (c) => c.notNull())
    .addColumn('merged_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by_id', 'text')
    .addColumn('summary_json', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Touchline migrations are forward-only; restore a backup to go back.');
}
