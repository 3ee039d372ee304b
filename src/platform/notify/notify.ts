import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { Mailer } from '../mail.js';
import { findKind } from './catalog.js';
import { claimSend, findRecipient, isEnabled, recordOutboxId } from './notifications.store.js';
import { unsubscribeFooter } from './notify.rules.js';
import { unsubscribeToken } from './unsubscribe.js';

export interface Notification {
  personId: string;
  /** A code of NOTIFICATION_KINDS (catalog.ts). */
  kind: string;
  subject: string;
  text: string;
  /**
   * Send at most once for this key (per person and kind), even when called again or by two
   * instances at once: the weekly reminder passes the ISO week, a "teams published" mail the team.
   */
  once?: string;
}

/** What notify needs besides the database and the mailer: pass the feature's deps. */
export interface NotifyEnv {
  clock: Clock;
  config: { baseUrl: string };
}

export type NotifyResult = { sent: true; outboxId: string } | { sent: false; reason: 'opted-out' | 'no-email' | 'no-person' | 'already-sent' };

/**
 * Queues one mail to a person, the one way for a feature to tell a volunteer something:
 * - an optional kind the person switched off is not sent; an optional mail ends with a one-click
 *   unsubscribe link (no login needed) and a link to the preferences page;
 * - transactional kinds (answers to the person's own action) are always sent;
 * - with `once`, a second call for the same person, kind and key sends nothing.
 * Runs in the caller's transaction when given one (so a rolled-back change mails nothing), else in its own.
 * `env` is the feature's deps (its clock, and config.baseUrl for the absolute links):
 *   await notify(trx, deps.mailer, { personId, kind: 'teams-published', subject, text }, deps);
 */
export async function notify(db: Db, mailer: Mailer, n: Notification, env: NotifyEnv): Promise<NotifyResult> {
  const kind = findKind(n.kind);
  if (!kind) throw new Error(`Unknown notification kind "${n.kind}": add it to NOTIFICATION_KINDS in src/notifications/catalog.ts.`);
  const run = async (trx: Db): Promise<NotifyResult> => {
    const to = await findRecipient(trx, n.personId);
    if (!to) return { sent: false, reason: 'no-person' };
    if (!to.email) return { sent: false, reason: 'no-email' };
    if (kind.optional && !(await isEnabled(trx, to.id, kind.code))) return { sent: false, reason: 'opted-out' };
    const at = env.clock.now().toISOString();
    if (n.once !== undefined && !(await claimSend(trx, to.id, kind.code, n.once, at))) return { sent: false, reason: 'already-sent' };
    const footer = kind.optional ? unsubscribeFooter(env.config.baseUrl, await unsubscribeToken(trx, to.id), kind.code, kind.label) : '';
    const outboxId = await mailer.queue(trx, { to: to.email, subject: n.subject, text: `${n.text.trimEnd()}\n${footer}`, kind: kind.code });
    if (n.once !== undefined) await recordOutboxId(trx, to.id, kind.code, n.once, outboxId);
    return { sent: true, outboxId };
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}
