import type { Db } from '../platform/db/database.js';
import type { Deps } from '../platform/feature.js';
import type { MailAttachment } from '../platform/mail.js';
import { isOptionalKind } from '../platform/notify/catalog.js';
import { notify } from '../platform/notify/notify.js';

/**
 * How coach mentoring sends mail, queued in the caller's transaction. The mails themselves are in
 * sessions/sessions.mail.ts and assessments/assessments.mail.ts. Kinds (for the outbox and
 * tests): mentoring-signup, mentoring-waitlist, mentoring-promoted, mentoring-cancelled,
 * mentoring-session-cancelled, mentoring-visit, mentoring-assessment, mentoring-message.
 * Mails about an assessment never quote it: they link to the page, which checks who is reading.
 */

export interface Recipient {
  /** Known: mails a person may switch off go through notify(), which honours their choice. */
  personId?: string;
  name: string;
  email: string | null;
}

/** A mail with the greeting and signature; mails a person may switch off go through notify(). */
export async function sendMail(db: Db, deps: Deps, to: Recipient, subject: string, lines: string[], kind: string, attachments?: MailAttachment[]): Promise<void> {
  if (!to.email) return;
  const text = [`Hello ${to.name},`, '', ...lines, '', '— Touchline'].join('\n');
  if (to.personId && isOptionalKind(kind) && !attachments?.length) {
    await notify(db, deps.mailer, { personId: to.personId, kind, subject, text }, deps);
    return;
  }
  await deps.mailer.queue(db, { to: to.email, subject, text, kind, attachments });
}
