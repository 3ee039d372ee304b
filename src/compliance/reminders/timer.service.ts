import type { FastifyBaseLogger } from 'fastify';
import { getRegionConfig } from '../../region/index.js';
import { reminderHourOk } from '../../platform/notify/notify.rules.js';
import { sendWeeklyReminders, type ReminderDeps } from './reminders.service.js';

const HOUR = 60 * 60 * 1000;

/** The region-local hour (0-23) of an instant. */
function localHour(at: Date, timeZone: string): number {
  const h = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(at);
  return Number(h);
}

/** One periodic round: sends this week's reminders when the hour is right (they go once a week whatever happens). */
export async function reminderTick(deps: ReminderDeps): Promise<void> {
  const config = await getRegionConfig(deps.db);
  if (!reminderHourOk(localHour(deps.clock.now(), config.region.timeZone))) return;
  await sendWeeklyReminders(deps);
}

/**
 * Runs the weekly reminder every hour in the server (each instance may run it: sends are claimed
 * once per person and week in the database). Answers the function that stops it.
 */
export function startNotificationTimer(deps: ReminderDeps, log: Pick<FastifyBaseLogger, 'error'>, everyMs = HOUR): () => void {
  const tick = () => void reminderTick(deps).catch((e) => log.error(e, 'weekly reminders failed'));
  const first = setTimeout(tick, Math.min(everyMs, 60_000));
  const timer = setInterval(tick, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
