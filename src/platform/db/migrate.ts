import { Migrator, type MigrationResult } from 'kysely';
import { migrations } from '../../../migrations/index.js';
import type { Db } from './database.js';

/**
 * Applies every pending migration of the one chain; throws with the failing migration's name.
 * `schema` (PostgreSQL) keeps Kysely's own bookkeeping tables in that schema: without it the
 * migrator looks for its lock table in any schema, and databases in parallel schemas race.
 */
export async function migrateToLatest(db: Db, schema?: string): Promise<MigrationResult[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${why}`);
  }
  return results ?? [];
}
