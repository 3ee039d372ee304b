import { PostgresAdapter, type Kysely } from 'kysely';

/** The binary column type of the database the migration runs on (bytea on PostgreSQL, blob on SQLite). */
export function binaryType(db: Kysely<any>): 'bytea' | 'blob' {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
}
