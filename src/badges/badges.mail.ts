import type { Db } from '../platform/db/database.js';
import type { Deps } from '../platform/feature.js';
import { notify, type NotifyResult } from '../platform/notify/notify.js';

/** The badge mails: their words and links in one place; call them inside the transaction of the change. */
type EventDeps = Pick<Deps, 'mailer' | 'clock' | 'config'>;

/** The coach's badge is printed (once per season). */
export function notifyBadgeReady(db: Db, deps: EventDeps, personId: string, seasonId: string, pickUp: string): Promise<NotifyResult> {
  const text = ['Your coach badge is printed.', '', pickUp, '', 'Wear it at every game: it shows referees and families that you are a certified coach.'].join('\n');
  return notify(db, deps.mailer, { personId, kind: 'badge-ready', subject: 'Your coach badge is ready', text, once: seasonId }, deps);
}

/** The badge photo cannot be used; the person is told why and where to upload another (always sent). */
export function notifyPhotoRejected(db: Db, deps: EventDeps, personId: string, reason: string): Promise<NotifyResult> {
  const text = ['We cannot print your coach badge with the photo you uploaded:', '', reason, '', `Upload another one on your profile: ${deps.config.baseUrl}/profile`].join('\n');
  return notify(db, deps.mailer, { personId, kind: 'badge-photo-rejected', subject: 'Your badge photo needs replacing', text }, deps);
}
