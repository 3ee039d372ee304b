/** `touchline notify weekly`: the weekly missing-items reminder from the command line (for cron). */
import type { Command } from 'commander';
import type { OpenRuntime } from '../../platform/feature.js';

export function registerReminderCommands(program: Command, open: OpenRuntime): void {
  const group = program.commands.find((c) => c.name() === 'notify') ?? program.command('notify').description('Mail notifications');
  group
    .command('weekly')
    .description("Mail this week's reminder to every volunteer with missing items (when switched on at /admin/notifications); a rerun sends nothing twice")
    .action(async () => {
      // The reminder service loads only when this command runs (the command line loads this file for every command).
      const { describeRun, sendWeeklyReminders } = await import('./reminders.service.js');
      const deps = await open();
      try {
        console.log(describeRun(await sendWeeklyReminders(deps)));
        // Without a server running, send what was queued now (the server's own loop does it otherwise).
        if (deps.mailer.delivers) while ((await deps.mailer.deliverPending(deps.db, 50)) > 0);
      } finally {
        await deps.database.close();
      }
    });
}
