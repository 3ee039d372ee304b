import { sql, type Kysely } from 'kysely';

// Practice: a field holds at most its capacity of teams at any moment, whatever the lengths of the
// slots cut from its time (src/practice/field-load.rules.ts). Booking a slot locks and counts the
// other slots of the same field, season and weekday whose times overlap it: the index finds them.
// shares_field marks a slot that overlaps another on its field, so the suggestions offered with a
// full slot look for such neighbours only where there are some.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('practice_slots_field_day').on('practice_slots').columns(['field_id', 'weekday', 'season_id', 'start_time']).execute();
  await db.schema
    .alterTable('practice_slots')
    .addColumn('shares_field', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update practice_slots set shares_field = 1 where exists (
      select 1 from practice_slots x
      where x.season_id = practice_slots.season_id and x.field_id = practice_slots.field_id and x.weekday = practice_slots.weekday
        and x.id <> practice_slots.id and x.start_time < practice_slots.end_time and x.end_time > practice_slots.start_time)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Touchline migrations are forward-only; restore a backup to go back.');
}
