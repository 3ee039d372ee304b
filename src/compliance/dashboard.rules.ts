import { DIVISION_ROLES, ROLE_LABELS, isRole } from '../platform/roles.js';
import { foldText } from '../people/index.js';
import type { RegionConfig } from '../region/index.js';
import { findDivision, findSeason } from '../region/index.js';
import type { Catalog } from '../training/index.js';
import type { CsvCell } from '../platform/csv.js';
import { checkCompliance, type ComplianceElement, type ComplianceRecords, type ComplianceRules, type MissingItem } from './compliance.rules.js';

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
    for (const q of records.held ?? records.roles) {
      const k = `${q.role}\u0000${q.division}`;
      if (seen.has(k)) continue;
      seen.add(k);
      const a = checkCompliance(rules, records, q, today);
      rows.push({ personId, ...name, role: q.role, division: q.division, team: null, certified: a.certified, missing: a.missing });
    }
  }
  return rows;
}

/** Whether a person's name or email holds the search text (already folded by foldText). */
export const nameMatches = (n: PersonName, folded: string) => !folded || foldText(`${n.firstName} ${n.lastName} ${n.email ?? ''}`).includes(folded);

/** The rows the filters keep (season, division and role are applied when reading). */
export function filterRows(rows: readonly ComplianceRow[], f: DashboardFilters): ComplianceRow[] {
  const q = foldText(f.q);
  const element = f.element ? Number(f.element) : 0;
  return rows.filter(
    (r) =>
      (!f.division || r.division === f.division) &&
      (!f.role || r.role === f.role) &&
      (f.status === '' || (f.status === 'certified') === r.certified) &&
      (!element || r.missing.some((m) => m.element === element)) &&
      nameMatches(r, q),
  );
}

/** By division (the region's order), then team, role (coaches first), last and first name. */
export function sortRows(rows: ComplianceRow[], divisionOrder: readonly string[]): ComplianceRow[] {
  const d = (code: string) => {
    const i = divisionOrder.indexOf(code);
    return i < 0 ? divisionOrder.length : i;
  };
  const r = (role: string) => (DIVISION_ROLES as readonly string[]).indexOf(role);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return rows.sort(
    (a, b) =>
      d(a.division) - d(b.division) ||
      cmp(a.team ?? '', b.team ?? '') ||
      r(a.role) - r(b.role) ||
      cmp(a.lastName, b.lastName) ||
      cmp(a.firstName, b.firstName) ||
      cmp(a.personId, b.personId),
  );
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
  for (const row of sorted) {
    const k = `${row.division}\u0000${row.role}`;
    let t = out.get(k);
    if (!t) out.set(k, (t = { division: row.division, role: row.role, certified: 0, total: 0 }));
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
  BACKGROUND_FLAGGED: 'background check flagged',
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
