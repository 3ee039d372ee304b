/** `touchline notify weekly`: the weekly missing-items reminder from the command line (for cron). */
import type { Command } from 'commander';
import type { Config } from '../config.js';
import { openRuntime } from '../runtime.js';
import { systemClock, type Clock } from '../platform/clock.js';
import { describeRun, sendWeeklyReminders } from './reminders.service.js';

export function registerNotificationCommands(program: Command, config: () => Config, clock: Clock = systemClock): void {
  const group = program.commands.find((c) => c.name() === 'notify') ?? program.command('notify').description('Mail notifications');
  group
    .command('weekly')
    .description("Mail this week's reminder to every volunteer with missing items (when switched on at /admin/notifications); a rerun sends nothing twice")
    .action(async () => {
      const deps = await openRuntime(config(), clock);
      try {
        console.log(describeRun(await sendWeeklyReminders(deps)));
        // Without a server running, send what was queued now (the server's own loop does it otherwise).
        if (deps.mailer.delivers) while ((await deps.mailer.deliverPending(deps.db, 50)) > 0);
      } finally {
        await deps.database.close();
      }
    });
}
