import { Select, Table } from '../platform/views/components.js';
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
