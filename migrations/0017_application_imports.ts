import type { Kysely } from 'kysely';

// Applications brought in from the association's volunteer export (issue 17) are marked as imported:
// they were made without the portal's SSN and e-signature steps, which compliance still asks for.
// Who imported the file is in the audit log.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('application_imports')
    .addColumn('application_id', 'text', (c) => c.primaryKey().references('applications.id').onDelete('cascade'))
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Touchline migrations are forward-only; restore a backup to go back.');
}
