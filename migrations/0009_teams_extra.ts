import type { Kysely } from 'kysely';

// Teams, second part (issue: players, ratings and balanced team formation): offers to assistant
// coaches to join a published team (accepted offers become team_staff rows; an offer is never a
// team_staff row, so nobody holding only an offer sees a roster), and an index to read a player's
// ratings of every season. Portable types only (src/teams/teams.tables.ts).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('assistant_offers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('offered_at', 'text', (c) => c.notNull())
    .addColumn('offered_by', 'text')
    .addColumn('answered_at', 'text')
    .execute();
  await db.schema.createIndex('assistant_offers_person').on('assistant_offers').columns(['person_id', 'status']).execute();
  await db.schema.createIndex('assistant_offers_team').on('assistant_offers').column('team_id').execute();
  await db.schema.createIndex('ratings_player').on('ratings').column('player_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('Touchline migrations are forward-only; restore a backup to go back.');
}
