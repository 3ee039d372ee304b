import { Csrf, Errors, Table } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/views/layout.js';
import { roleLabel, type RequestQuery } from './decisions.rules.js';
import type { RoleRequestItem } from './decisions.service.js';

/** The board's page of role requests: filters, a checkbox per request, and one-by-one buttons. */

export interface DecisionsModel {
  items: RoleRequestItem[];
  total: number;
  query: RequestQuery;
  seasons: { id: string; name: string }[];
  divisions: string[];
  /** Roles this decider may decide, for the role filter. */
  roles: string[];
  errors?: string[];
}

const STATUS_LABELS: Record<string, string> = { requested: 'Waiting for a decision', granted: 'Granted', declined: 'Declined', '': 'Any' };

function Choice({ id, label, name, value, options }: { id: string; label: string; name: string; value: string; options: { value: string; label: string }[] }) {
  return (
    <label for={id}>
      {label}
      <select id={id} name={name}>
        {options.map((o) => (
          <option value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function Filters({ m }: { m: DecisionsModel }) {
  const q = m.query;
  return (
    <form method="get" action="/role-requests" class="inline">
      <Choice
        id="f-season"
        label="Season"
        name="season"
        value={q.season}
        options={[{ value: '', label: 'Every season' }, ...m.seasons.map((s) => ({ value: s.id, label: s.name }))]}
      />
      <Choice
        id="f-division"
        label="Division"
        name="division"
        value={q.division}
        options={[{ value: '', label: 'Every division' }, ...m.divisions.map((d) => ({ value: d, label: d }))]}
      />
      <Choice id="f-role" label="Role" name="role" value={q.role} options={[{ value: '', label: 'Every role' }, ...m.roles.map((r) => ({ value: r, label: roleLabel(r) }))]} />
      <Choice id="f-status" label="Show" name="status" value={q.status} options={['requested', 'granted', 'declined', ''].map((s) => ({ value: s, label: STATUS_LABELS[s]! }))} />
      <button type="submit" class="secondary">
        Show
      </button>
    </form>
  );
}

function Row({ r }: { r: RoleRequestItem }) {
  const what = `${r.name}, ${roleLabel(r.role)} ${r.division}`;
  const waiting = r.status === 'requested';
  return (
    <tr>
      <td>{waiting ? <input type="checkbox" name="ids" value={r.id} aria-label={`Select ${what}`} /> : null}</td>
      <td>
        <a href={`/admin/people/${encodeURIComponent(r.personId)}`}>{r.name}</a>
      </td>
      <td>{roleLabel(r.role)}</td>
      <td>{r.division}</td>
      <td>{r.season}</td>
      <td>{r.requestedAt.slice(0, 10)}</td>
      <td>
        {waiting ? (
          <>
            <input type="text" name={`reason-${r.id}`} maxLength={500} aria-label={`Reason for ${what} (optional)`} placeholder="Reason (optional)" />{' '}
            <button type="submit" name="one" value={`grant:${r.id}`} class="secondary" aria-label={`Grant ${what}`}>
              Grant
            </button>{' '}
            <button type="submit" name="one" value={`decline:${r.id}`} class="secondary" aria-label={`Decline ${what}`}>
              Decline
            </button>
          </>
        ) : (
          <>
            {STATUS_LABELS[r.status]} {r.decidedAt ? `on ${r.decidedAt.slice(0, 10)}` : ''}
            {r.reason ? `: ${r.reason}` : ''}
          </>
        )}
      </td>
    </tr>
  );
}

function pageLink(q: RequestQuery, page: number): string {
  const p = new URLSearchParams({ season: q.season, division: q.division, role: q.role, status: q.status, page: String(page), pageSize: String(q.pageSize) });
  return `/role-requests?${p.toString()}`;
}

export function DecisionsView({ ctx, m }: { ctx: ViewCtx; m: DecisionsModel }) {
  const q = m.query;
  const last = Math.max(1, Math.ceil(m.total / q.pageSize));
  const back = new URLSearchParams({ season: q.season, division: q.division, role: q.role, status: q.status }).toString();
  return (
    <>
      <h1>Role requests</h1>
      <p>Volunteers' applications ask for these roles. Grant or decline each, or select several and decide them at once: the applicant is mailed either way.</p>
      <Errors errors={m.errors} />
      <Filters m={m} />
      {m.items.length === 0 ? (
        <p>{q.status === 'requested' ? 'No request is waiting for your decision.' : 'No requests match.'}</p>
      ) : (
        <form method="post" action="/role-requests">
          <Csrf token={ctx.csrf} />
          <input type="hidden" name="back" value={back} />
          <Table
            caption={`${m.total} request(s)${last > 1 ? `, page ${q.page} of ${last}` : ''}`}
            head={['Select', 'Applicant', 'Role', 'Division', 'Season', 'Asked on', 'Decision']}
          >
            {m.items.map((r) => (
              <Row r={r} />
            ))}
          </Table>
          {q.status === 'requested' ? (
            <p>
              <label for="batch-reason">
                Reason for the selected (optional, sent to each applicant)
                <input id="batch-reason" type="text" name="reason" maxLength={500} />
              </label>
              <button type="submit" name="action" value="grant">
                Grant selected
              </button>{' '}
              <button type="submit" name="action" value="decline" class="secondary">
                Decline selected
              </button>
            </p>
          ) : null}
        </form>
      )}
      {last > 1 ? (
        <nav aria-label="Pages">
          {q.page > 1 ? <a href={pageLink(q, q.page - 1)}>Previous page</a> : null} {q.page < last ? <a href={pageLink(q, q.page + 1)}>Next page</a> : null}
        </nav>
      ) : null}
    </>
  );
}
