import { DIVISION_ROLES, ROLE_LABELS, isRole } from '../platform/roles.js';
import { foldText } from '../people/index.js';
import type { RegionConfig } from '../region/index.js';
import { findDivision, findSeason } from '../region/index.js';
import type { Catalog } from '../training/index.js';
import type { CsvCell } from '../platform/csv.js';
import { checkRoles, type ComplianceElement, type ComplianceRecords, type ComplianceRules, type MissingItem, type RoleInDivision } from './compliance.rules.js';

/**
 * The coach administrator's dashboard as pure functions: reading its filters, turning person
 * summaries into one row per role held, filtering, ordering by division and role, totals, and the
 * short labels and CSV cells of what is missing.
 */

/** The three elements of rules.md, "When a coach is certified". */
export const ELEMENT_TITLES: Record<ComplianceElement, string> = {
  1: 'Volunteer application',
  2: 'Safety trainings',
  3: 'Age-level certification',
};
export const ELEMENTS: readonly ComplianceElement[] = [1, 2, 3];

export type StatusFilter = '' | 'certified' | 'missing';

export interface DashboardFilters {
  seasonId: string;
  division: string;
  role: string;
  status: StatusFilter;
  element: '' | '1' | '2' | '3';
  /** Part of a name or email, compared without case or accents. */
  q: string;
}

export type RawFilters = Partial<Record<'season' | 'division' | 'role' | 'status' | 'element' | 'q', string | undefined>>;

/** Reads the filters of the page, the CSV export and the API; every problem is listed. */
export function readFilters(raw: RawFilters, config: RegionConfig, defaultSeason: string): { filters: DashboardFilters; errors: string[] } {
  const errors: string[] = [];
  const text = (v: string | undefined) => (v ?? '').trim();
  const seasonId = text(raw.season) || defaultSeason;
  if (!findSeason(config, seasonId))
    errors.push(`There is no season "${seasonId.slice(0, 40)}": pick one of ${config.membershipYears.flatMap((y) => y.seasons.map((s) => s.id)).join(', ')}.`);
  const division = text(raw.division);
  if (division && !findDivision(config, division)) errors.push(`There is no division "${division.slice(0, 40)}": pick one of ${config.divisions.map((d) => d.code).join(', ')}.`);
  const role = text(raw.role);
  if (role && !(DIVISION_ROLES as readonly string[]).includes(role)) errors.push(`"${role.slice(0, 40)}" is not a division role: pick one of ${DIVISION_ROLES.join(', ')}.`);
  const status = text(raw.status);
  if (status && status !== 'certified' && status !== 'missing') errors.push('Status is "certified" or "missing" (or empty for both).');
  const element = text(raw.element);
  if (element && !['1', '2', '3'].includes(element)) errors.push('The element missing is 1 (application), 2 (safety trainings) or 3 (age-level certification).');
  const filters: DashboardFilters = { seasonId, division, role, status: status as StatusFilter, element: element as DashboardFilters['element'], q: text(raw.q).slice(0, 100) };
  return { filters, errors };
}

/** Rows per page of the list API unless pageSize says otherwise, and the most one page may hold. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export interface PageRequest {
  /** 1-based. */
  page: number;
  pageSize: number;
}

/**
 * Reads page and pageSize of the list API: whole numbers, page from 1 (a page past the last one is
 * simply empty), pageSize from 1 to MAX_PAGE_SIZE; empty means the default. Every problem is listed.
 */
export function readPage(raw: { page?: string | undefined; pageSize?: string | undefined }): { page: PageRequest; errors: string[] } {
  const errors: string[] = [];
  const whole = (v: string | undefined, fallback: number, max: number, problem: (shown: string) => string) => {
    const text = (v ?? '').trim();
    if (!text) return fallback;
    const n = /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
    if (n >= 1 && n <= max) return n;
    errors.push(problem(text.slice(0, 20)));
    return fallback;
  };
  const page = whole(raw.page, 1, 999_999_999, (t) => `page is the page number, a whole number from 1: "${t}" is not one.`);
  const pageSize = whole(
    raw.pageSize,
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    (t) => `pageSize is the number of rows per page, a whole number from 1 to ${MAX_PAGE_SIZE}: "${t}" is not one (use the CSV export for every row at once).`,
  );
  return { page: { page, pageSize }, errors };
}

/** The rows of one page (empty past the last page). */
export function pageOf<T>(rows: readonly T[], p: PageRequest): T[] {
  return rows.slice((p.page - 1) * p.pageSize, p.page * p.pageSize);
}

export interface ComplianceRow {
  personId: string;
  firstName: string;
  lastName: string;
  email: string | null;
  role: string;
  division: string;
  /** Filled once teams exist (the team the person coaches in this division); null until then. */
  team: string | null;
  certified: boolean;
  missing: MissingItem[];
}

export interface PersonName {
  firstName: string;
  lastName: string;
  email: string | null;
}

export interface PersonRecords {
  personId: string;
  name: PersonName;
  records: ComplianceRecords;
}

/**
 * One row per division role held (records.held) by each person, each checked on its own: cheaper
 * than summarizePerson for thousands of people, since the dashboard needs neither the union of
 * missing items nor what expires soon. A role held twice (standing and seasonal) gives one row.
 */
export function checkRows(rules: ComplianceRules, people: Iterable<PersonRecords>, today: string): ComplianceRow[] {
  const rows: ComplianceRow[] = [];
  for (const { personId, name, records } of people) {
    const seen = new Set<string>();
    const queries: RoleInDivision[] = [];
    for (const q of records.held ?? records.roles) {
      const k = `${q.role}\u0000${q.division}`;
      if (seen.has(k)) continue;
      seen.add(k);
      queries.push(q);
    }
    const answers = checkRoles(rules, records, queries, today);
    for (let i = 0; i < queries.length; i++) {
      const q = queries[i]!;
      const a = answers[i]!;
      rows.push({ personId, ...name, role: q.role, division: q.division, team: null, certified: a.certified, missing: a.missing });
    }
  }
  return rows;
}

/** The text the name filter looks in (name and email), folded by foldText. */
export const searchText = (n: PersonName) => foldText(`${n.firstName} ${n.lastName} ${n.email ?? ''}`);

/**
 * The rows the filters keep, in their order. `folded`, when given, holds searchText of each row
 * (same index), worked out once for many filterings of the same rows.
 */
export function filterRows(rows: readonly ComplianceRow[], f: DashboardFilters, folded?: readonly string[]): ComplianceRow[] {
  const q = foldText(f.q);
  const element = f.element ? Number(f.element) : 0;
  return rows.filter(
    (r, i) =>
      (!f.division || r.division === f.division) &&
      (!f.role || r.role === f.role) &&
      (f.status === '' || (f.status === 'certified') === r.certified) &&
      (!element || r.missing.some((m) => m.element === element)) &&
      (!q || (folded ? folded[i]! : searchText(r)).includes(q)),
  );
}

/** The dashboard's order: by division (the region's order), then team, role (coaches first), last and first name. */
export function rowOrder(divisionOrder: readonly string[]): (a: ComplianceRow, b: ComplianceRow) => number {
  const d = (code: string) => {
    const i = divisionOrder.indexOf(code);
    return i < 0 ? divisionOrder.length : i;
  };
  const r = (role: string) => (DIVISION_ROLES as readonly string[]).indexOf(role);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return (a, b) =>
    d(a.division) - d(b.division) ||
    cmp(a.team ?? '', b.team ?? '') ||
    r(a.role) - r(b.role) ||
    cmp(a.lastName, b.lastName) ||
    cmp(a.firstName, b.firstName) ||
    cmp(a.personId, b.personId) ||
    cmp(a.role, b.role) ||
    cmp(a.division, b.division);
}

/** Sorts rows in place in the dashboard's order (rowOrder). */
export function sortRows(rows: ComplianceRow[], divisionOrder: readonly string[]): ComplianceRow[] {
  return rows.sort(rowOrder(divisionOrder));
}

/**
 * Two lists already in `order` as one, still in order (linear): the dashboard's kept rows and the
 * rows of the few people worked out again after a change.
 */
export function mergeSorted<T>(a: readonly T[], b: readonly T[], order: (x: T, y: T) => number): T[] {
  const out: T[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = order(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

export interface Total {
  division: string;
  role: string;
  certified: number;
  total: number;
}

/** Certified and total per division and role, in the order of sorted rows. */
export function totalsOf(sorted: readonly ComplianceRow[]): Total[] {
  const out = new Map<string, Total>();
  let t: Total | undefined;
  for (const row of sorted) {
    // Sorted rows come in runs of one division and role: look the total up only when the run ends.
    if (!t || t.division !== row.division || t.role !== row.role) {
      const k = `${row.division}\u0000${row.role}`;
      t = out.get(k);
      if (!t) out.set(k, (t = { division: row.division, role: row.role, certified: 0, total: 0 }));
    }
    t.total += 1;
    if (row.certified) t.certified += 1;
  }
  return [...out.values()];
}

const APPLICATION_LABELS: Record<string, string> = {
  APPLICATION_MISSING: 'no application',
  APPLICATION_INCOMPLETE: 'application unfinished',
  SSN_MISSING: 'no SSN',
  SIGNATURE_MISSING: 'not signed',
  ROLE_NOT_APPLIED: 'role not on application',
  ROLE_NOT_ALLOWED: 'role not allowed at this age',
  // The board learns only that the safety director has not cleared the person (issue 15: results are the safety director's).
  BACKGROUND_FLAGGED: 'not cleared by the safety director',
  UNKNOWN_DIVISION: 'division no longer exists',
};

/** A few words naming a missing item, for tables and CSV (the message says how to complete it). */
export function itemLabel(item: MissingItem, catalog: Catalog): string {
  if (item.element === 1) return APPLICATION_LABELS[item.code] ?? item.code;
  const [code, part] = item.code.split(':') as [string, string | undefined];
  const t = catalog.get(code);
  if (!t) return item.code;
  const p = part ? t.parts.find((x) => x.part === part) : undefined;
  return p ? `${t.name}: ${p.name}` : t.name;
}

export const roleLabel = (role: string) => (isRole(role) ? ROLE_LABELS[role] : role);

/** The labels of the items of one element, or '' when nothing of it is missing. */
export function elementLabels(missing: readonly MissingItem[], element: ComplianceElement, catalog: Catalog): string {
  return missing
    .filter((m) => m.element === element)
    .map((m) => itemLabel(m, catalog))
    .join('; ');
}

export const CSV_HEADER = ['Name', 'Email', 'Division', 'Role', 'Status', ...ELEMENTS.map((e) => `${e} ${ELEMENT_TITLES[e]}: missing`)] as const;

/** The CSV cells of a row, in CSV_HEADER's order (a Team column goes after Division once teams exist). */
export function csvCells(r: ComplianceRow, catalog: Catalog): CsvCell[] {
  return [
    `${r.firstName} ${r.lastName}`.trim(),
    r.email,
    r.division,
    roleLabel(r.role),
    r.certified ? 'Certified' : 'Missing',
    ...ELEMENTS.map((e) => elementLabels(r.missing, e, catalog)),
  ];
}
