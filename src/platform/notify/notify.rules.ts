/**
 * Pure rules of notifications: the ISO week a reminder belongs to, when the periodic run may send,
 * and the footer each optional mail carries.
 */

/** The ISO-8601 week of a date (YYYY-MM-DD), as "2026-W38": weeks start on Monday, week 1 holds 4 January. */
export function isoWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - weekday + 3); // the Thursday of the same week decides the year
  const year = d.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  jan4.setUTCDate(4 - ((jan4.getUTCDay() + 6) % 7) + 3); // Thursday of week 1
  const week = 1 + Math.round((d.getTime() - jan4.getTime()) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Reminders go out from this hour of the region's day (the periodic run never mails at night). */
export const REMINDER_FROM_HOUR = 9;

/** Whether the periodic run may send at this region-local hour (0-23); the week's send happens once anyway. */
export function reminderHourOk(localHour: number): boolean {
  return localHour >= REMINDER_FROM_HOUR && localHour < 21;
}

/** The lines an optional mail ends with: how to stop this kind in one click, and where to choose. */
export function unsubscribeFooter(baseUrl: string, token: string, kind: string, label: string): string {
  return [
    '',
    '--',
    `You get this mail because "${label}" is switched on for you.`,
    `Stop these mails: ${baseUrl}/unsubscribe/${token}?kind=${encodeURIComponent(kind)}`,
    `Choose which mails you get: ${baseUrl}/profile/notifications`,
  ].join('\n');
}
