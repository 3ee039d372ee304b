import type { Deps } from '../../platform/feature.js';
import { getRegionConfig, regionToday, seasonNow } from '../../region/index.js';
import { summarizeMany } from '../compliance.rules.js';
import { rulesOf } from '../compliance.service.js';
import { WEEKLY_REMINDER } from '../../platform/notify/catalog.js';
import { getSetting } from '../../platform/notify/notifications.store.js';
import { isoWeek } from '../../platform/notify/notify.rules.js';
import { notify } from '../../platform/notify/notify.js';
import { loadVolunteerRecords } from './records.store.js';
import { reminderMail } from './reminder.rules.js';

/** The setting (notification_settings.key) the coach administrator switches: '1' on, anything else off. */
export const WEEKLY_SETTING = 'weekly-reminder';

export type ReminderDeps = Pick<Deps, 'db' | 'clock' | 'mailer' | 'config'>;

export async function weeklyRemindersOn(deps: Pick<Deps, 'db'>): Promise<boolean> {
  return (await getSetting(deps.db, WEEKLY_SETTING))?.value === '1';
}

export interface ReminderRun {
  /** False: the coach administrator has not switched reminders on; nothing was read or sent. */
  enabled: boolean;
  week: string;
  seasonId: string | null;
  /** Volunteers holding a division role this season with something missing. */
  withMissing: number;
  sent: number;
  alreadySent: number;
  optedOut: number;
  noEmail: number;
}

/**
 * Mails each volunteer who holds a division role this season and still misses a compliance item,
 * once per ISO week of the region's calendar. Safe to run as often as wanted, from the CLI, the
 * timer of every instance or both: a (person, week) row is claimed in the same transaction as the
 * queued mail, so nobody gets the week's reminder twice.
 */
export async function sendWeeklyReminders(deps: ReminderDeps): Promise<ReminderRun> {
  const config = await getRegionConfig(deps.db);
  const today = regionToday(config, deps.clock);
  const week = isoWeek(today);
  const season = seasonNow(config, deps.clock);
  const run: ReminderRun = { enabled: await weeklyRemindersOn(deps), week, seasonId: season?.season.id ?? null, withMissing: 0, sent: 0, alreadySent: 0, optedOut: 0, noEmail: 0 };
  if (!run.enabled || !season) return run;
  const people = await loadVolunteerRecords(deps.db, season.season.id);
  const summaries = summarizeMany(
    rulesOf(config),
    people.map((p) => ({ personId: p.personId, records: p.records })),
    today,
  );
  for (const p of people) {
    const summary = summaries.get(p.personId);
    if (!summary || summary.missing.length === 0) continue;
    run.withMissing++;
    const mail = reminderMail(p.firstName, season.season.name, summary, deps.config.baseUrl);
    const r = await notify(deps.db, deps.mailer, { personId: p.personId, kind: WEEKLY_REMINDER, subject: mail.subject, text: mail.text, once: week }, deps);
    if (r.sent) run.sent++;
    else if (r.reason === 'already-sent') run.alreadySent++;
    else if (r.reason === 'opted-out') run.optedOut++;
    else run.noEmail++;
  }
  return run;
}

/** One line for the CLI and the administrator's flash message. */
export function describeRun(r: ReminderRun): string {
  if (!r.enabled) return 'Weekly reminders are switched off: the coach administrator switches them on at /admin/notifications.';
  if (!r.seasonId) return `No season is in force today (${r.week}): nothing to remind.`;
  return `Week ${r.week}: ${r.withMissing} volunteer${r.withMissing === 1 ? '' : 's'} still miss something; ${r.sent} reminder${r.sent === 1 ? '' : 's'} sent now, ${r.alreadySent} already sent this week, ${r.optedOut} switched off, ${r.noEmail} without email.`;
}
