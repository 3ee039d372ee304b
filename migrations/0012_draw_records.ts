import type { Kysely } from 'kysely';

// Draw records (issue 16, "the draw depends on the inputs and the seed alone"): each published
// formation keeps what anyone needs to re-run its draw and check it: the engine version, the seed,
// the objective and rating scale, the input files exactly as the offline command reads them
// (P.csv, T.csv) with their sha256 digest, the drawn assignment (A.csv) and the balance figures
// beside the lower bound. Written once, when the formation is published; never changed.
// Portable types only (src/teams/teams.tables.ts).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('draw_records')
    .addColumn('formation_id', 'text', (c) => c.primaryKey().references('formations.id').onDelete('cascade'))
    .addColumn('season_id', 'text', (c) => c.notNull())
    .addColumn('division', 'text', (c) => c.notNull())
    .addColumn('program', 'text', (c) => c.notNull())
    .addColumn('engine_version', 'integer', (c) => c.notNull())
    .addColumn('seed', 'integer', (c) => c.notNull())
    .addColumn('objective', 'text', (c) => c.notNull())
    .addColumn('scale_json', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('players_csv', 'text', (c) => c.notNull())
    .addColumn('teams_csv', 'text', (c) => c.notNull())
    .addColumn('assignments_csv', 'text', (c) => c.notNull())
    .addColumn('figures_json', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('draw_records_program').on('draw_records').columns(['season_id', 'division', 'program']).unique().execute();
}

export async function down(): Promise<void> {
  throw new Error('Touchline migrations are forward-only; restore a backup to go back.');
}
