import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './platform/config.js';
import { isDatabaseUnavailable } from './platform/db/faults.js';
import { errorForLog } from './platform/http/error-report.js';
import { publicAddressWarning } from './platform/public-address.rules.js';
import { buildApp } from './app.js';
import { openRuntime } from './runtime.js';
import { accountDeps, createSetupLink, hasAdministrator } from './people/index.js';
import { startNotificationTimer } from './compliance/index.js';

/**
 * Serves the portal: database -> app -> listen. While the region has no administrator, prints a
 * one-time link for the first one; while the public address is still this machine's but others can
 * reach the portal, warns what to set. When SMTP is configured, sends queued mail every few seconds.
 */
export async function serve(config: Config): Promise<() => Promise<void>> {
  const deps = await openRuntime(config);
  const app = await buildApp(deps, { logger: { level: config.logLevel } });
  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL' : `SQLite file ${config.sqliteFile}`;
  console.log(`Touchline is running on ${config.baseUrl} (database: ${where}).`);
  const addressWarning = publicAddressWarning(config);
  if (addressWarning) console.warn(`\n${addressWarning}\n`);
  if (!(await hasAdministrator(deps.db))) {
    console.log(`\nNo administrator yet. Open this one-time link within 24 hours to become the region administrator:\n\n  ${await createSetupLink(accountDeps(deps))}\n`);
  }
  const jobs = jobLog(app.log);
  const stopReminders = startNotificationTimer(deps, jobs);
  let sending = false;
  const sendMail = () => {
    // A round that waits on an unreachable database is not joined by the next one.
    if (sending) return;
    sending = true;
    deps.mailer
      .deliverPending(deps.db)
      .catch((e: unknown) => jobs.error(e, 'mail delivery failed'))
      .finally(() => {
        sending = false;
      });
  };
  const timer = deps.mailer.delivers ? setInterval(sendMail, 5000) : null;
  const stop = async () => {
    if (timer) clearInterval(timer);
    stopReminders();
    await app.close();
    await deps.database.close();
  };
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => void stop().then(() => process.exit(0)));
  return stop;
}

/**
 * How background work (the weekly reminders, the mail sender) logs a failed round: like a failed
 * request (class, message, stack; never a driver error's detail or values), and a database that
 * cannot be reached as a warning: the round is tried again at the next tick, and the process lives on.
 */
function jobLog(log: FastifyBaseLogger) {
  return {
    error: (e: unknown, msg?: string) => {
      if (isDatabaseUnavailable(e)) log.warn({ error: errorForLog(e) }, `${msg ?? 'background work failed'}: the database cannot be reached`);
      else log.error({ error: errorForLog(e) }, msg ?? 'background work failed');
    },
  };
}
