import type { Config } from './platform/config.js';
import { systemClock, type Clock } from './platform/clock.js';
import { openDatabase } from './platform/db/database.js';
import { migrateToLatest } from './platform/db/migrate.js';
import type { Deps } from './platform/feature.js';
import { Mailer } from './platform/mail.js';
import { ensureRegionConfig } from './region/index.js';

/** Opens the configured database, brings it to the latest migration and the region defaults. */
export async function openRuntime(config: Config, clock: Clock = systemClock): Promise<Deps> {
  const database = openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { file: config.sqliteFile });
  try {
    await migrateToLatest(database.db);
    await ensureRegionConfig(database.db, clock);
  } catch (e) {
    await database.close();
    throw e;
  }
  return { database, db: database.db, clock, mailer: new Mailer(clock, config.mailFrom, config.smtpUrl), config };
}
