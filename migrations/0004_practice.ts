import type { Kysely } from 'kysely';

// Tables of the practice capability (to be written with it; see src/practice/practice.tables.ts).
export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(): Promise<void> {
  throw new Error('Touchline migrations are forward-only; restore a backup to go back.');
}
