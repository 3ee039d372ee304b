import type { Kysely } from 'kysely';

// Coach mentoring (issue: coach mentoring): sessions mentors publish, coaches' sign-ups with a
// waitlist, assessments of coaches at practices and games, and the question/answer thread of each
// assessment. Portable types only. Team ids are not foreign keys (teams may be re-formed; an
// assessment outlives its team), so assessments keep the team's name as it was.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mentoring_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('season_id', 'text', (c) => c.notNull())
    .addColumn('mentor_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('field_id', 'text')
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text')
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('cutoff_hours', 'integer', (c) => c.notNull())
    .addColumn('series_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .execute();
  await db.schema.createIndex('mentoring_sessions_start').on('mentoring_sessions').column('starts_at').execute();
  await db.schema.createIndex('mentoring_sessions_team').on('mentoring_sessions').column('team_id').execute();
  await db.schema
    .createTable('mentoring_signups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('mentoring_sessions.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('signed_up_at', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('mentoring_signups_person', ['session_id', 'person_id'])
    .execute();
  await db.schema.createIndex('mentoring_signups_by_person').on('mentoring_signups').column('person_id').execute();
  await db.schema
    .createTable('mentoring_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('season_id', 'text', (c) => c.notNull())
    .addColumn('coach_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('mentor_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('team_name', 'text', (c) => c.notNull())
    .addColumn('division', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ratings_json', 'text', (c) => c.notNull())
    .addColumn('strengths', 'text', (c) => c.notNull())
    .addColumn('work_on', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .execute();
  await db.schema.createIndex('mentoring_assessments_coach').on('mentoring_assessments').columns(['coach_id', 'season_id']).execute();
  await db.schema.createIndex('mentoring_assessments_mentor').on('mentoring_assessments').column('mentor_id').execute();
  await db.schema.createIndex('mentoring_assessments_season').on('mentoring_assessments').column('season_id').execute();
  await db.schema
    .createTable('mentoring_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assessment_id', 'text', (c) => c.notNull().references('mentoring_assessments.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('mentoring_messages_seq', ['assessment_id', 'seq'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Touchline migrations are forward-only; restore a backup to go back.');
}
