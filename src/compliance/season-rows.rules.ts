import type { Training } from '../region/index.js';

/**
 * Which completions can change a compliance answer when the region's date moves on from `from` to
 * `to` (from < to), so that kept rows need working out again only for the people who have one:
 * a completion dated in between starts counting (answers are "as of today"), and a completion of
 * an expiring training may reach its expiry date in between.
 */

/** Completions of `training` (every training when null) dated after `after` up to `upTo`. */
export interface CompletionWindow {
  training: string | null;
  after: string;
  upTo: string;
}

/** The month `months` before the month of `date`, as 'YYYY-MM'. */
function monthBefore(date: string, months: number): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 - months, 1));
  return d.toISOString().slice(0, 7);
}

/**
 * The windows for a move from day `from` to day `to`. A training expiring N months after its
 * completion expires in (from, to] only if it was completed in the months from N months before
 * from's month to N months before to's month (expiry adds calendar months and at most pulls the
 * day back to the month's end); the window takes those whole months, a little more than needed,
 * which only means a few more people are checked again.
 */
export function dayWindows(trainings: readonly Training[], from: string, to: string): CompletionWindow[] {
  const out: CompletionWindow[] = [{ training: null, after: from, upTo: to }];
  for (const t of trainings) {
    if (t.expiresAfterMonths === null) continue;
    out.push({ training: t.code, after: `${monthBefore(from, t.expiresAfterMonths)}-00`, upTo: `${monthBefore(to, t.expiresAfterMonths)}-31` });
  }
  return out;
}
