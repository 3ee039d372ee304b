import type { Config } from './platform/config.js';
import { buildApp } from './app.js';
import { openRuntime } from './runtime.js';
import { accountDeps, createSetupLink, hasAdministrator } from './people/index.js';
import { startNotificationTimer } from './compliance/index.js';

/**
 * Serves the portal: database -> app -> listen. While the region has no administrator, prints a
 * one-time link for the first one. When SMTP is configured, sends queued mail every few seconds.
 */
export async function serve(config: Config): Promise<() => Promise<void>> {
  const deps = await openRuntime(config);
  const app = await buildApp(deps, { logger: { level: config.logLevel } });
  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL' : `SQLite file ${config.sqliteFile}`;
  console.log(`Touchline is running on ${config.baseUrl} (database: ${where}).`);
  if (!(await hasAdministrator(deps.db))) {
    console.log(`\nNo administrator yet. Open this one-time link within 24 hours to become the region administrator:\n\n  ${await createSetupLink(accountDeps(deps))}\n`);
  }
  const stopReminders = startNotificationTimer(deps, app.log);
  const timer = deps.mailer.delivers ? setInterval(() => void deps.mailer.deliverPending(deps.db).catch((e) => app.log.error(e, 'mail delivery failed')), 5000) : null;
  const stop = async () => {
    if (timer) clearInterval(timer);
    stopReminders();
    await app.close();
    await deps.database.close();
  };
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => void stop().then(() => process.exit(0)));
  return stop;
}
