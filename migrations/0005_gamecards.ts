import type { Kysely } from 'kysely';

// Games, game cards and their saves (issue: game cards and playing time). Portable types only:
// text and integer; the card's content is JSON text; instants ISO-8601 UTC text.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('games')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('season_id', 'text', (c) => c.notNull())
    .addColumn('division', 'text', (c) => c.notNull())
    .addColumn('program', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('time', 'text', (c) => c.notNull())
    .addColumn('field_id', 'text', (c) => c.notNull())
    .addColumn('home_team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('away_team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('games_season_date').on('games').columns(['season_id', 'date', 'time']).execute();
  await db.schema.createIndex('games_home').on('games').column('home_team_id').execute();
  await db.schema.createIndex('games_away').on('games').column('away_team_id').execute();
  await db.schema
    .createTable('game_cards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('game_id', 'text', (c) => c.notNull().references('games.id'))
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('season_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('state_json', 'text', (c) => c.notNull())
    .addColumn('violations_json', 'text', (c) => c.notNull())
    .addColumn('violation_count', 'integer', (c) => c.notNull())
    .addColumn('snapshot_json', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'text')
    .addUniqueConstraint('game_cards_unique', ['game_id', 'team_id'])
    .execute();
  await db.schema.createIndex('game_cards_team').on('game_cards').columns(['team_id', 'status']).execute();
  await db.schema.createIndex('game_cards_season').on('game_cards').columns(['season_id', 'status', 'violation_count']).execute();
  await db.schema
    .createTable('game_card_saves')
    .addColumn('card_id', 'text', (c) => c.notNull().references('game_cards.id').onDelete('cascade'))
    .addColumn('save_id', 'text', (c) => c.notNull())
    .addColumn('base_revision', 'integer', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('body_hash', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .addColumn('saved_by', 'text')
    .addPrimaryKeyConstraint('game_card_saves_pk', ['card_id', 'save_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Touchline migrations are forward-only; restore a backup to go back.');
}
