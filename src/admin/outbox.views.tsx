import { Input, Select } from '../platform/views/components.js';

export interface MailRow {
  id: string;
  to: string;
  subject: string;
  text: string;
  kind: string;
  createdAt: string;
  replyTo: string | null;
  status: string;
}

export interface OutboxPage {
  rows: MailRow[];
  total: number;
  page: number;
  pageSize: number;
  q: string;
  state: string;
  delivers: boolean;
}

const STATES = [
  { value: '', label: 'Every state' },
  { value: 'queued', label: 'Queued' },
  { value: 'sending', label: 'Sending' },
  { value: 'sent', label: 'Sent' },
  { value: 'failed', label: 'Failed' },
];

const link = (p: OutboxPage, page: number) => `/admin/outbox?${new URLSearchParams({ ...(p.q ? { q: p.q } : {}), ...(p.state ? { state: p.state } : {}), page: String(page) })}`;

export function OutboxView({ p }: { p: OutboxPage }) {
  const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
  const first = p.total ? (p.page - 1) * p.pageSize + 1 : 0;
  const last = Math.min(p.total, p.page * p.pageSize);
  return (
    <>
      <h1>Outbox</h1>
      <p>
        {p.delivers
          ? 'Mail is sent through the configured SMTP server; a failed attempt is tried again later, up to six times. This is what went out and what is waiting.'
          : 'No SMTP server is configured (SMTP_URL), so mail stays here: read it, or set SMTP_URL to send it.'}
      </p>
      <form method="get" action="/admin/outbox" class="inline" role="search">
        <Input label="Find by address, subject or kind" name="q" value={p.q} />
        <Select label="State" name="state" value={p.state} options={STATES} />
        <button type="submit" class="secondary">
          Search
        </button>
      </form>
      <p id="outbox-total">{p.total === 0 ? 'No mail matches.' : `Mails ${first} to ${last} of ${p.total}${pages > 1 ? ` (page ${p.page} of ${pages})` : ''}.`}</p>
      {p.rows.map((m) => (
        <details class="mail">
          <summary>
            <strong>{m.subject}</strong> to {m.to} · {m.createdAt.slice(0, 16).replace('T', ' ')} · {m.status}
          </summary>
          {m.replyTo ? <p>Replies go to {m.replyTo}.</p> : null}
          <pre>{m.text}</pre>
        </details>
      ))}
      {pages > 1 ? (
        <nav aria-label="Pages" class="pager">
          {p.page > 1 ? <a href={link(p, p.page - 1)}>Newer</a> : null} {p.page < pages ? <a href={link(p, p.page + 1)}>Older</a> : null}
        </nav>
      ) : null}
    </>
  );
}
