import { Csrf, Errors, Input, Select, Table } from '../platform/views/components.js';
import type { ViewCtx } from '../platform/views/layout.js';
import { ROLE_LABELS, ROLES, type Role } from '../platform/roles.js';
import type { Change } from './audit.rules.js';

export interface AuditRow {
  id: string;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  changes: Change[];
}

const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

export function AuditView({ rows, entity, next }: { rows: AuditRow[]; entity: string; next: string | null }) {
  return (
    <>
      <h1>Audit log</h1>
      <p>Every change made by the board: who, when, what, before and after.</p>
      <form method="get" action="/admin/audit" class="inline">
        <Select
          label="Show"
          name="entity"
          value={entity}
          options={[
            { value: '', label: 'Everything' },
            { value: 'region', label: 'Region configuration' },
            { value: 'person', label: 'People and roles' },
          ]}
        />
        <button type="submit" class="secondary">
          Filter
        </button>
      </form>
      <Table caption="Changes, newest first" head={['When (UTC)', 'Who', 'What', 'Changes']}>
        {rows.map((r) => (
          <tr>
            <td>{r.at.slice(0, 19).replace('T', ' ')}</td>
            <td>{r.actor}</td>
            <td>
              {r.action} <small>{`${r.entity} ${r.entityId}`}</small>
            </td>
            <td>
              <ul class="changes">
                {r.changes.map((c) => (
                  <li>
                    <code>{c.path}</code>: {show(c.before)} → {show(c.after)}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </Table>
      {rows.length === 0 ? <p>No changes recorded yet.</p> : null}
      {next ? <a href={`/admin/audit?entity=${encodeURIComponent(entity)}&before=${encodeURIComponent(next)}`}>Older changes</a> : null}
    </>
  );
}

export interface MailRow {
  id: string;
  to: string;
  subject: string;
  text: string;
  kind: string;
  createdAt: string;
  status: string;
}

export function OutboxView({ rows, delivers }: { rows: MailRow[]; delivers: boolean }) {
  return (
    <>
      <h1>Outbox</h1>
      <p>
        {delivers
          ? 'Mail is sent through the configured SMTP server; this is what went out and what is waiting.'
          : 'No SMTP server is configured (SMTP_URL), so mail stays here: read it, or set SMTP_URL to send it.'}
      </p>
      {rows.length === 0 ? <p>No mail yet.</p> : null}
      {rows.map((m) => (
        <details class="mail">
          <summary>
            <strong>{m.subject}</strong> to {m.to} · {m.createdAt.slice(0, 16).replace('T', ' ')} · {m.status}
          </summary>
          <pre>{m.text}</pre>
        </details>
      ))}
    </>
  );
}

export interface PersonRow {
  id: string;
  name: string;
  email: string | null;
  roles: { id: string; role: string; season: string; division: string }[];
}

export function PeopleView({
  ctx,
  rows,
  q,
  seasons,
  divisions,
  errors,
}: {
  ctx: ViewCtx;
  rows: PersonRow[];
  q: string;
  seasons: { id: string; name: string }[];
  divisions: string[];
  errors?: string[];
}) {
  return (
    <>
      <h1>People and roles</h1>
      <form method="get" action="/admin/people" class="inline" role="search">
        <Input label="Find by name or email" name="q" value={q} />
        <button type="submit" class="secondary">
          Search
        </button>
      </form>
      <Errors errors={errors} />
      {rows.map((p) => (
        <section class="card">
          <h2>{p.name}</h2>
          <p>{p.email}</p>
          <ul>
            {p.roles.map((r) => (
              <li>
                {ROLE_LABELS[r.role as Role] ?? r.role}
                {r.division ? `, ${r.division}` : ''} {r.season ? `(${r.season})` : '(standing)'}{' '}
                <form method="post" action={`/admin/people/roles/${r.id}/revoke`} class="inline">
                  <Csrf token={ctx.csrf} />
                  <button type="submit" class="link" aria-label={`Remove ${r.role} from ${p.name}`}>
                    remove
                  </button>
                </form>
              </li>
            ))}
          </ul>
          <form method="post" action={`/admin/people/${p.id}/roles`} class="inline">
            <Csrf token={ctx.csrf} />
            <Select label="Role" name="role" options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
            <Select label="Season" name="seasonId" options={[{ value: '', label: 'Standing (every season)' }, ...seasons.map((s) => ({ value: s.id, label: s.name }))]} />
            <Select label="Division" name="division" options={[{ value: '', label: 'None' }, ...divisions.map((d) => ({ value: d, label: d }))]} />
            <button type="submit" class="secondary">
              Give role
            </button>
          </form>
        </section>
      ))}
      {rows.length === 0 ? <p>Nobody matches.</p> : null}
    </>
  );
}
