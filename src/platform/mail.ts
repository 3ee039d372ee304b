import { createRequire } from 'node:module';
import type { Transporter } from 'nodemailer';
import type { Db } from './db/database.js';
import { newId, type Clock } from './clock.js';
import { claimOutboxRow, dueOutboxRows, insertOutboxRow, markOutboxFailed, markOutboxSent, type OutboxRow } from './mail.store.js';

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
  /** An HTML alternative of `text` (already safe HTML: the caller sanitized it). */
  html?: string;
  /** Where answers go (the person who wrote a board message), instead of the portal's sender address. */
  replyTo?: string;
  /** The one-click unsubscribe address of an optional mail (List-Unsubscribe, RFC 8058). */
  unsubscribeUrl?: string;
}

/** Attempts a mail gets before it is recorded failed for good. */
export const MAX_ATTEMPTS = 6;
/** How long a sender holds a claimed mail before another may try it (a sender that stopped mid-send). */
export const SEND_LEASE_MS = 10 * 60_000;

/**
 * How long to wait after the `attempt`-th failed attempt (1-based) before the next: 2 minutes,
 * then three times longer each time (2, 6, 18, 54, 162 minutes), so a server that is down for a
 * few hours still gets the mail; null once MAX_ATTEMPTS attempts failed.
 */
export function retryDelayMs(attempt: number): number | null {
  if (attempt >= MAX_ATTEMPTS) return null;
  return 2 * 60_000 * 3 ** (attempt - 1);
}

/** The SMTP server's answer of a failed attempt ("550 5.1.1 No such user"), else the error's message. */
export function serverAnswer(e: unknown): string {
  const err = e as { response?: unknown; message?: unknown } | null;
  const text = typeof err?.response === 'string' && err.response ? err.response : err instanceof Error ? err.message : String(e);
  return text.slice(0, 500);
}

/**
 * The one way mail leaves Touchline. Every message is written to the outbox table in the caller's
 * transaction (so a rolled-back change sends nothing); when SMTP is configured, `deliverPending`
 * sends the mails that are due, each claimed first so that two instances never send the same
 * message twice. A failed attempt waits (retryDelayMs) and is tried again, up to MAX_ATTEMPTS;
 * each row keeps its state, attempts and the server's last answer.
 * Without SMTP, the outbox is where the administrator reads mail in the browser.
 */
export class Mailer {
  private transport: Transporter | null;

  constructor(
    private readonly clock: Clock,
    private readonly from: string,
    smtpUrl: string | null,
  ) {
    // nodemailer loads only when SMTP is configured: a command line run without it skips its ~50 ms.
    this.transport = smtpUrl ? (createRequire(import.meta.url)('nodemailer') as typeof import('nodemailer')).createTransport(smtpUrl) : null;
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
      reply_to: m.replyTo ?? null,
      body_html: m.html ?? null,
      unsubscribe_url: m.unsubscribeUrl ?? null,
    });
    return id;
  }

  /** Tries up to `limit` due mails once each; returns how many went out. */
  async deliverPending(db: Db, limit = 20): Promise<number> {
    if (!this.transport) return 0;
    const rows = await dueOutboxRows(db, this.clock.now().toISOString(), limit);
    let sent = 0;
    for (const row of rows) {
      const now = this.clock.now();
      if (!(await claimOutboxRow(db, row.id, row.attempts, new Date(now.getTime() + SEND_LEASE_MS).toISOString()))) continue;
      try {
        await this.transport.sendMail(this.envelope(row));
        await markOutboxSent(db, row.id, this.clock.now().toISOString());
        sent++;
      } catch (e) {
        const wait = retryDelayMs(row.attempts + 1);
        await markOutboxFailed(db, row.id, serverAnswer(e), wait === null ? null : new Date(this.clock.now().getTime() + wait).toISOString());
      }
    }
    return sent;
  }

  private envelope(row: OutboxRow) {
    const attachments = row.attachments ? (JSON.parse(row.attachments) as MailAttachment[]) : [];
    return {
      from: this.from,
      to: row.to_address,
      subject: row.subject,
      text: row.body_text,
      ...(row.body_html ? { html: row.body_html } : {}),
      ...(row.reply_to ? { replyTo: row.reply_to } : {}),
      ...(row.unsubscribe_url
        ? { list: { unsubscribe: { url: row.unsubscribe_url, comment: 'Unsubscribe' } }, headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } }
        : {}),
      attachments,
    };
  }
}
