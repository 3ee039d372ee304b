import type { Db } from '../platform/db/database.js';
import type { Deps } from '../platform/feature.js';
import { notify, type NotifyResult } from '../platform/notify/notify.js';

/** The kind of the mail offering last season's role again (src/platform/notify/catalog.ts). */
export const ROLE_OFFER = 'role-offer';

/** Mails one offer; call it inside the transaction that records it (a rolled-back start mails nothing). */
export function notifyRoleOffer(db: Db, deps: Pick<Deps, 'mailer' | 'clock' | 'config'>, personId: string, question: string, seasonName: string): Promise<NotifyResult> {
  const text = [
    `Thank you for volunteering last season. The board offers you the same role for ${seasonName}:`,
    '',
    question,
    '',
    `Answer with one click on your home page: ${deps.config.baseUrl}/`,
    'Accepting gives you the role at once; declining tells the coach administrator to find someone else.',
  ].join('\n');
  return notify(db, deps.mailer, { personId, kind: ROLE_OFFER, subject: question, text }, deps);
}
