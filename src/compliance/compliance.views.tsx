import { Input, Select, Table, Errors } from '../platform/views/components.js';
import { DIVISION_ROLES } from '../platform/roles.js';
import type { Catalog } from '../training/index.js';
import { ELEMENTS, ELEMENT_TITLES, elementLabels, roleLabel, totalsOf, type ComplianceRow, type DashboardFilters } from './dashboard.rules.js';

export interface DashboardProps {
  filters: DashboardFilters;
  rows: readonly ComplianceRow[];
  seasons: { id: string; name: string }[];
  divisions: string[];
  catalog: Catalog;
  /** The filters set, as a query string (for the CSV link and the page links). */
  query: string;
  /** 1-based page of the volunteers table (the totals and the CSV cover every row). */
  page: number;
  errors?: string[];
}

/** Rows in the volunteers table per page: the page stays small on a phone; the CSV has them all. */
export const PAGE_SIZE = 100;

const STATUS_OPTIONS = [
  { value: '', label: 'Any status' },
  { value: 'certified', label: 'Certified' },
  { value: 'missing', label: 'Something missing' },
];

function Filters(p: DashboardProps) {
  const f = p.filters;
  return (
    <form
      method="get"
      action="/compliance"
      class="inline"
      role="search"
      aria-label="Filter volunteers"
      hx-get="/compliance"
      hx-target="#compliance-results"
      hx-swap="outerHTML"
      hx-push-url="true"
      hx-trigger="change, submit"
    >
      <Select label="Season" name="season" value={f.seasonId} options={p.seasons.map((s) => ({ value: s.id, label: s.name }))} />
      <Select label="Division" name="division" value={f.division} options={[{ value: '', label: 'All divisions' }, ...p.divisions.map((d) => ({ value: d, label: d }))]} />
      <Select label="Role" name="role" value={f.role} options={[{ value: '', label: 'All roles' }, ...DIVISION_ROLES.map((r) => ({ value: r, label: roleLabel(r) }))]} />
      <Select label="Status" name="status" value={f.status} options={STATUS_OPTIONS} />
      <Select
        label="Element missing"
        name="element"
        value={f.element}
        options={[{ value: '', label: 'Any element' }, ...ELEMENTS.map((e) => ({ value: String(e), label: `${e}. ${ELEMENT_TITLES[e]}` }))]}
      />
      <Input label="Name or email" name="q" type="search" value={f.q} />
      <button type="submit" class="secondary">
        Filter
      </button>
    </form>
  );
}

function Totals({ rows }: { rows: readonly ComplianceRow[] }) {
  return (
    <Table caption="Certified by division and role" head={['Division', 'Role', 'Certified', 'Missing something']}>
      {totalsOf(rows).map((t) => (
        <tr>
          <td>{t.division}</td>
          <td>{roleLabel(t.role)}</td>
          <td>{`${t.certified} of ${t.total}`}</td>
          <td>{t.total - t.certified}</td>
        </tr>
      ))}
    </Table>
  );
}

function PageLink({ query, page, children }: { query: string; page: number; children: string }) {
  const href = `/compliance?${query ? `${query}&` : ''}page=${page}`;
  return (
    <a href={href} hx-get={href} hx-target="#compliance-results" hx-swap="outerHTML" hx-push-url="true">
      {children}
    </a>
  );
}

function Pages({ p, pages }: { p: DashboardProps; pages: number }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages of volunteers">
      <p>
        {p.page > 1 ? <PageLink query={p.query} page={p.page - 1}>{`Previous ${PAGE_SIZE}`}</PageLink> : null}
        {` Page ${p.page} of ${pages} `}
        {p.page < pages ? <PageLink query={p.query} page={p.page + 1}>{`Next ${PAGE_SIZE}`}</PageLink> : null}
      </p>
    </nav>
  );
}

function VolunteerRows({ rows, catalog }: { rows: ComplianceRow[]; catalog: Catalog }) {
  // Teams do not exist yet: a Team column appears once rows carry one (ComplianceRow.team).
  const teams = rows.some((r) => r.team);
  return (
    <Table
      caption="Volunteers by division and role"
      head={['Name', 'Division', ...(teams ? ['Team'] : []), 'Role', 'Status', ...ELEMENTS.map((e) => `${e}. ${ELEMENT_TITLES[e]}`)]}
    >
      {rows.map((r) => (
        <tr>
          <td>
            {`${r.firstName} ${r.lastName}`}
            {r.email ? <small>{` ${r.email}`}</small> : null}
          </td>
          <td>{r.division}</td>
          {teams ? <td>{r.team ?? ''}</td> : null}
          <td>{roleLabel(r.role)}</td>
          <td>{r.certified ? <span class="status-ok">Certified</span> : <span class="status-bad">Missing</span>}</td>
          {ELEMENTS.map((e) => (
            <td>{elementLabels(r.missing, e, catalog)}</td>
          ))}
        </tr>
      ))}
    </Table>
  );
}

/** The part the filter form replaces (htmx), also inside the whole page. */
export function DashboardResults(p: DashboardProps) {
  const certified = p.rows.reduce((n, r) => n + (r.certified ? 1 : 0), 0);
  const pages = Math.max(1, Math.ceil(p.rows.length / PAGE_SIZE));
  const page = Math.min(p.page, pages);
  const shown = p.rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <div id="compliance-results">
      <Errors errors={p.errors} />
      <p>
        {`${certified} of ${p.rows.length} volunteer roles certified. `}
        <a href={`/compliance/export.csv${p.query ? `?${p.query}` : ''}`} download>
          Download all {p.rows.length} rows as CSV
        </a>
      </p>
      <Totals rows={p.rows} />
      <VolunteerRows rows={shown} catalog={p.catalog} />
      {p.rows.length === 0 ? <p>No volunteer role matches these filters.</p> : null}
      <Pages p={{ ...p, page }} pages={pages} />
    </div>
  );
}

export function DashboardView(p: DashboardProps) {
  return (
    <>
      <h1>Coach compliance</h1>
      <p>
        Who is certified for their role this season, and what each volunteer still misses, element by element: 1 the volunteer application, 2 the safety trainings, 3 the division's
        age-level certification.
      </p>
      <Filters {...p} />
      <DashboardResults {...p} />
    </>
  );
}
