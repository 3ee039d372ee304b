import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from './db/database.js';
import { newId, type Clock } from './clock.js';
import { claimOutboxRow, insertOutboxRow, markOutboxFailed, markOutboxSent, queuedOutboxRows } from './mail.store.js';

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** What the mail is about (reset, setup, notification names): lets tests and people filter. */
  kind: string;
  attachments?: MailAttachment[];
}

/**
 * The one way mail leaves Touchline. Every message is written to the outbox table in the caller's
 * transaction (so a rolled-back change sends nothing); when SMTP is configured, `deliverPending`
 * sends queued rows, each claimed first so that two instances never send the same message twice.
 * Without SMTP, the outbox is where the administrator reads mail in the browser.
 */
export class Mailer {
  private transport: Transporter | null;

  constructor(
    private readonly clock: Clock,
    private readonly from: string,
    smtpUrl: string | null,
  ) {
    this.transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
  }

  get delivers(): boolean {
    return this.transport !== null;
  }

  async queue(db: Db, m: MailMessage): Promise<string> {
    const id = newId();
    await insertOutboxRow(db, {
      id,
      to_address: m.to,
      subject: m.subject,
      body_text: m.text,
      kind: m.kind,
      attachments: m.attachments?.length ? JSON.stringify(m.attachments) : null,
      created_at: this.clock.now().toISOString(),
    });
    return id;
  }

  /** Sends up to `limit` queued messages; returns how many went out. */
  async deliverPending(db: Db, limit = 20): Promise<number> {
    if (!this.transport) return 0;
    const rows = await queuedOutboxRows(db, limit);
    let sent = 0;
    for (const row of rows) {
      const claimedAt = this.clock.now().toISOString();
      if (!(await claimOutboxRow(db, row.id, claimedAt))) continue;
      try {
        const attachments = row.attachments ? (JSON.parse(row.attachments) as MailAttachment[]) : [];
        await this.transport.sendMail({ from: this.from, to: row.to_address, subject: row.subject, text: row.body_text, attachments });
        await markOutboxSent(db, row.id);
        sent++;
      } catch (e) {
        // Give the message back to the queue with the reason; the next round tries again.
        await markOutboxFailed(db, row.id, String(e instanceof Error ? e.message : e).slice(0, 500));
      }
    }
    return sent;
  }
}
