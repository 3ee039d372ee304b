import { sql, type Kysely } from 'kysely';

// Coach badges: at most one current (not replaced) badge per coach and season, kept by the database
// itself. Two board members printing the same coach at the same moment could otherwise both issue a
// new badge. Any pair that already exists is settled first: the newest stays current, the older
// ones are marked replaced when they were issued.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    update badges set replaced_at = issued_at
    where replaced_at is null and exists (
      select 1 from badges newer
      where newer.person_id = badges.person_id and newer.season_id = badges.season_id and newer.replaced_at is null
        and (newer.issued_at > badges.issued_at or (newer.issued_at = badges.issued_at and newer.id > badges.id))
    )`.execute(db);
  await db.schema.createIndex('badges_one_current').on('badges').columns(['person_id', 'season_id']).unique().where(sql.ref('replaced_at'), 'is', null).execute();
}

export async function down(): Promise<void> {
  throw new Error('Touchline migrations are forward-only; restore a backup to go back.');
}
