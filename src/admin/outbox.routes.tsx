import type { App, Deps } from '../platform/feature.js';
import { page } from '../platform/http/pages.js';
import { searchOutbox } from './outbox.store.js';
import { OutboxView, type MailRow } from './outbox.views.js';

const ADMIN = { access: ['region-administrator'] as const };
const PAGE_SIZE = 50;
const STATES = new Set(['queued', 'sending', 'sent', 'failed']);
const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

function statusOf(m: { state: string; sent_at: string | null; error: string | null; attempts: number; next_attempt_at: string | null }, delivers: boolean): string {
  if (m.state === 'sent') return `sent ${m.sent_at ? when(m.sent_at) : ''}`.trim();
  if (m.state === 'failed') return `failed after ${m.attempts} attempts: ${m.error ?? ''}`;
  if (m.state === 'sending') return 'sending';
  if (!delivers) return 'not sent (no SMTP)';
  return m.error ? `waiting: attempt ${m.attempts} failed (${m.error}); next try ${m.next_attempt_at ? when(m.next_attempt_at) : 'soon'}` : 'waiting';
}

/** The outbox page: every mail, newest first, searchable by address, subject or kind and by state, 50 a page with the total. */
export function outboxRoutes(app: App, deps: Deps): void {
  app.get('/admin/outbox', { config: ADMIN, schema: { hide: true } }, async (req, reply) => {
    const query = req.query as { q?: string; state?: string; page?: string };
    const q = String(query.q ?? '').slice(0, 200);
    const state = STATES.has(String(query.state ?? '')) ? String(query.state) : '';
    const n = /^\d{1,9}$/.test(String(query.page ?? '')) ? Math.max(1, Number(query.page)) : 1;
    const found = await searchOutbox(deps.db, { q, state, offset: (n - 1) * PAGE_SIZE, limit: PAGE_SIZE });
    const rows: MailRow[] = found.rows.map((m) => ({
      id: m.id,
      to: m.to_address,
      subject: m.subject,
      text: m.body_text,
      kind: m.kind,
      createdAt: m.created_at,
      replyTo: m.reply_to,
      status: statusOf(m, deps.mailer.delivers),
    }));
    return page(req, reply, 'Outbox', () => <OutboxView p={{ rows, total: found.total, page: n, pageSize: PAGE_SIZE, q, state, delivers: deps.mailer.delivers }} />);
  });
}
