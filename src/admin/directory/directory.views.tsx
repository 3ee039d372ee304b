import { Checkbox, Errors, Input, Select, Table } from '../../platform/views/components.js';
import { ROLE_LABELS, ROLES } from '../../platform/roles.js';
import type { DirectoryItem } from './directory.service.js';
import { roleText } from './directory.csv.js';

/** The people directory page: the search, the filters, one page of matches with the total, and links to the others. */

export interface DirectoryModel {
  /** The search as sent (re-filled into the form and the links). */
  values: Record<string, string>;
  items: DirectoryItem[];
  total: number;
  page: number;
  pageSize: number;
  seasons: { id: string; name: string }[];
  divisions: string[];
  teams: { id: string; name: string }[];
  errors?: string[];
}

const FILTERS = ['q', 'role', 'division', 'team', 'season', 'missing', 'noAccount', 'pageSize'] as const;

/** The directory's address with the current search and another page. */
export function searchHref(path: string, values: Record<string, string>, page?: number): string {
  const p = new URLSearchParams();
  for (const k of FILTERS) if (values[k]) p.set(k, values[k]);
  if (page && page > 1) p.set('page', String(page));
  const s = p.toString();
  return s ? `${path}?${s}` : path;
}

function Pager({ m }: { m: DirectoryModel }) {
  const last = Math.max(1, Math.ceil(m.total / m.pageSize));
  if (last === 1) return null;
  const around = [...new Set([1, m.page - 2, m.page - 1, m.page, m.page + 1, m.page + 2, last])].filter((n) => n >= 1 && n <= last).sort((a, b) => a - b);
  return (
    <nav aria-label="Pages of people" class="actions">
      {m.page > 1 ? (
        <a href={searchHref('/admin/people', m.values, m.page - 1)} rel="prev">
          Previous
        </a>
      ) : null}{' '}
      {around.map((n) =>
        n === m.page ? <strong aria-current="page">{` ${n} `}</strong> : <a href={searchHref('/admin/people', m.values, n)} aria-label={`Page ${n}`}>{` ${n} `}</a>,
      )}{' '}
      {m.page < last ? (
        <a href={searchHref('/admin/people', m.values, m.page + 1)} rel="next">
          Next
        </a>
      ) : null}
    </nav>
  );
}

function Filters({ m }: { m: DirectoryModel }) {
  const v = m.values;
  return (
    <form method="get" action="/admin/people" class="inline" role="search" aria-label="Find people">
      <Input label="Name, email or association id" name="q" value={v.q} />
      <Select label="Role" name="role" value={v.role} options={[{ value: '', label: 'Any role' }, ...ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))]} />
      <Select label="Division" name="division" value={v.division} options={[{ value: '', label: 'Any division' }, ...m.divisions.map((d) => ({ value: d, label: d }))]} />
      <Select label="Season" name="season" value={v.season} options={[{ value: '', label: 'Any season' }, ...m.seasons.map((s) => ({ value: s.id, label: s.name }))]} />
      <Select label="Team (coaches)" name="team" value={v.team} options={[{ value: '', label: 'Any team' }, ...m.teams.map((t) => ({ value: t.id, label: t.name }))]} />
      <Select
        label="Compliance element missing"
        name="missing"
        value={v.missing}
        options={[
          { value: '', label: 'No filter' },
          { value: '1', label: '1: application' },
          { value: '2', label: '2: safety trainings' },
          { value: '3', label: '3: age-level certification' },
        ]}
      />
      <Checkbox label="Has no account" name="noAccount" value="1" checked={v.noAccount === '1'} />
      <button type="submit">Search</button>
    </form>
  );
}

export function DirectoryView({ m }: { m: DirectoryModel }) {
  const from = m.total ? (m.page - 1) * m.pageSize + 1 : 0;
  const to = Math.min(m.total, m.page * m.pageSize);
  return (
    <>
      <h1>People</h1>
      <p>Find anyone by name, email or association id; open a person to see and change everything about them.</p>
      <Filters m={m} />
      <Errors errors={m.errors} />
      <p role="status" id="people-count">
        {m.total === 0
          ? 'Nobody matches.'
          : from > m.total
            ? `There are ${m.total} matches; this page is past the last one.`
            : `Showing ${from}–${to} of ${m.total} ${m.total === 1 ? 'person' : 'people'}.`}{' '}
        {m.total ? <a href={searchHref('/admin/people.csv', m.values)}>Download all {m.total} as CSV</a> : null}
      </p>
      {m.items.length ? (
        <Table caption="People, by last name" hideCaption head={['Name', 'Email', 'Association id', 'Roles']}>
          {m.items.map((p) => (
            <tr>
              <td>
                <a href={`/admin/people/${encodeURIComponent(p.id)}`}>
                  {p.lastName}, {p.firstName}
                </a>
              </td>
              <td>{p.email ?? '—'}</td>
              <td>{p.associationId ?? '—'}</td>
              <td>{p.roles.length ? p.roles.map(roleText).join('; ') : '—'}</td>
            </tr>
          ))}
        </Table>
      ) : null}
      <Pager m={m} />
    </>
  );
}
