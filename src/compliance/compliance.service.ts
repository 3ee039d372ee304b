import { AppError } from '../platform/errors.js';
import type { Clock } from '../platform/clock.js';
import type { Db } from '../platform/db/database.js';
import { DIVISION_ROLES, ROLES, type Role } from '../platform/roles.js';
import type { RegionConfig } from '../region/index.js';
import { findDivision, findSeason } from '../region/index.js';
import { getRegionConfig, regionToday, seasonNow } from '../region/index.js';
import { checkCompliance, summarizePerson, type ComplianceAnswer, type PersonSummary, type RoleCompliance, type RoleInDivision } from './compliance.rules.js';
import { filterRows, pageOf, readFilters, readPage, type ComplianceRow, type DashboardFilters, type PageRequest, type RawFilters } from './dashboard.rules.js';
import { loadApplications, loadCompletions, loadGrants, personExists } from './compliance.store.js';
import { recordsOf, rulesOf, seasonRows, type SeasonRows } from './season-rows.service.js';
import { waitingRolesOf } from '../volunteers/index.js';

/** Compliance use cases: one person's answer, a person's home summary, the board's dashboard. */

export interface ComplianceDeps {
  db: Db;
  clock: Clock;
}

export { rulesOf };

export interface PersonQuery {
  personId: string;
  seasonId?: string;
  role: string;
  division: string;
}

/** GET /api/v1/people/{id}/compliance: 404 for an unknown person, 422 for an unknown season, role or division. */
export async function personCompliance(deps: ComplianceDeps, q: PersonQuery): Promise<ComplianceAnswer> {
  const config = await getRegionConfig(deps.db);
  const person = await personExists(deps.db, q.personId);
  if (!person) throw new AppError('NOT_FOUND', 'There is no person with that id.');
  if (person.mergedInto) throw new AppError('NOT_FOUND', `That account was merged into account ${person.mergedInto}: ask for that one.`, { mergedInto: person.mergedInto });
  const seasonId = q.seasonId || seasonNow(config, deps.clock)?.season.id || '';
  const errors: string[] = [];
  if (!findSeason(config, seasonId))
    errors.push(`There is no season "${seasonId.slice(0, 40)}": use one of ${config.membershipYears.flatMap((y) => y.seasons.map((s) => s.id)).join(', ')}.`);
  if (!(ROLES as readonly string[]).includes(q.role)) errors.push(`"${q.role.slice(0, 40)}" is not a role: use one of ${DIVISION_ROLES.join(', ')}.`);
  else if (!(DIVISION_ROLES as readonly string[]).includes(q.role)) errors.push(`Certification is checked for ${DIVISION_ROLES.join(', ')}; ${q.role} is not tied to a division.`);
  if (!findDivision(config, q.division)) errors.push(`There is no division "${q.division.slice(0, 40)}": use one of ${config.divisions.map((d) => d.code).join(', ')}.`);
  if (errors.length) throw new AppError('VALIDATION', errors.join(' '), { errors });
  const who = { personId: q.personId };
  const [apps, completions] = await Promise.all([loadApplications(deps.db, seasonId, who), loadCompletions(deps.db, who)]);
  return checkCompliance(rulesOf(config), recordsOf(apps.get(q.personId), completions.get(q.personId)), { role: q.role, division: q.division }, regionToday(config, deps.clock));
}

/** A division role on the home page: held (a role grant), or asked for and waiting for the board's decision. */
export interface HomeRole extends RoleCompliance {
  waiting: boolean;
}

/** certified: at least one role is listed, and every one listed (waiting ones included) is certified. */
export interface HomePersonSummary extends Omit<PersonSummary, 'roles'> {
  roles: HomeRole[];
}

export interface HomeSummary {
  seasonName: string;
  summary: HomePersonSummary;
}

const roleKey = (r: RoleInDivision) => `${r.role}\u0000${r.division}`;

/**
 * A person's division roles this season and what each still needs; null without any. The roles are
 * those held (role grants) and those asked for that wait for the board's decision (issue #17: until
 * then the person is an applicant, and compliance still tells them what is missing).
 */
export async function homeSummary(deps: ComplianceDeps, personId: string): Promise<HomeSummary | null> {
  const config = await getRegionConfig(deps.db);
  const season = seasonNow(config, deps.clock);
  if (!season) return null;
  const seasonId = season.season.id;
  const [grants, asked] = await Promise.all([loadGrants(deps.db, { seasonId, personId }), waitingRolesOf(deps.db, personId, seasonId)]);
  const held = new Set(grants.map(roleKey));
  const waiting = new Set(asked.map(roleKey).filter((k) => !held.has(k)));
  const order = config.divisions.map((d) => d.code);
  const roles: RoleInDivision[] = [...grants, ...asked.filter((r) => waiting.has(roleKey(r)))].sort(
    (a, b) => order.indexOf(a.division) - order.indexOf(b.division) || DIVISION_ROLES.indexOf(a.role as Role) - DIVISION_ROLES.indexOf(b.role as Role),
  );
  if (!roles.length) return null;
  const who = { personId };
  const [apps, completions] = await Promise.all([loadApplications(deps.db, seasonId, who), loadCompletions(deps.db, who)]);
  const records = recordsOf(apps.get(personId), completions.get(personId), roles);
  const summary = summarizePerson(rulesOf(config), records, regionToday(config, deps.clock));
  return { seasonName: season.season.name, summary: { ...summary, roles: summary.roles.map((r) => ({ ...r, waiting: waiting.has(roleKey(r)) })) } };
}

export interface Dashboard {
  config: RegionConfig;
  filters: DashboardFilters;
  /** The rows the filters keep, in division order. Shared with other requests: read, never change. */
  rows: readonly ComplianceRow[];
}

/** The dashboard's rows for the filters, in division order (every list, page and export reads these). */
export async function dashboard(deps: ComplianceDeps, raw: RawFilters, regionConfig?: RegionConfig): Promise<Dashboard> {
  const config = regionConfig ?? (await getRegionConfig(deps.db));
  const { filters, errors } = readFilters(raw, config, seasonNow(config, deps.clock)?.season.id ?? '');
  if (errors.length) throw new AppError('VALIDATION', errors.join(' '), { errors });
  const all = await seasonRows(deps.db, config, filters.seasonId, regionToday(config, deps.clock));
  return { config, filters, rows: filtered(all, filters) };
}

/** The rows of the last few filters asked of each kept season (paging through one list filters once). */
const filterings = new WeakMap<SeasonRows, Map<string, readonly ComplianceRow[]>>();
const FILTERINGS_KEPT = 16;

function filtered(all: SeasonRows, f: DashboardFilters): readonly ComplianceRow[] {
  let kept = filterings.get(all);
  if (!kept) filterings.set(all, (kept = new Map()));
  const key = JSON.stringify([f.division, f.role, f.status, f.element, f.q]);
  let rows = kept.get(key);
  if (rows) kept.delete(key);
  else rows = filterRows(all.rows, f, all.folded);
  kept.set(key, rows);
  if (kept.size > FILTERINGS_KEPT) kept.delete(kept.keys().next().value!);
  return rows;
}

export interface DashboardPage extends Dashboard {
  page: PageRequest;
  /** Rows over every page. */
  total: number;
}

/** One page of the dashboard's rows (GET /api/v1/compliance): 422 listing every bad filter or paging value. */
export async function dashboardPage(deps: ComplianceDeps, raw: RawFilters & { page?: string; pageSize?: string }, regionConfig?: RegionConfig): Promise<DashboardPage> {
  const config = regionConfig ?? (await getRegionConfig(deps.db));
  const paging = readPage(raw);
  const filterErrors = readFilters(raw, config, seasonNow(config, deps.clock)?.season.id ?? '').errors;
  const errors = [...filterErrors, ...paging.errors];
  if (errors.length) throw new AppError('VALIDATION', errors.join(' '), { errors });
  const d = await dashboard(deps, raw, config);
  return { ...d, rows: pageOf(d.rows, paging.page), page: paging.page, total: d.rows.length };
}
