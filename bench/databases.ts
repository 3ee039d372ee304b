import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../src/platform/db/database.js';
import { openTestDb } from '../src/testing/harness.js';

/**
 * Runs a benchmark on a temporary SQLite file, then on a temporary PostgreSQL schema when
 * TEST_DATABASE_URL is set; cleans both up. `migrate` says whether the database still needs its
 * migrations (the PostgreSQL schema comes migrated).
 */
export async function onEachDatabase(bench: (label: string, database: Database, migrate: boolean) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'touchline-bench-'));
  const database = openDatabase({ file: join(dir, 'bench.db') });
  try {
    await bench('SQLite (temporary file)', database, true);
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (!process.env.TEST_DATABASE_URL) {
    console.log('\n(PostgreSQL skipped: set TEST_DATABASE_URL to measure it too)');
    return;
  }
  const tdb = await openTestDb('postgres');
  try {
    await bench('PostgreSQL (temporary schema)', tdb.database, false);
  } finally {
    await tdb.close();
  }
}
