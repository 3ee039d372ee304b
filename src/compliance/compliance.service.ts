import { AppError } from '../platform/errors.js';
import type { Clock } from '../platform/clock.js';
import type { Db } from '../platform/db/database.js';
import { DIVISION_ROLES, ROLES, type Role } from '../platform/roles.js';
import { foldText } from '../people/index.js';
import type { RegionConfig } from '../region/index.js';
import { findDivision, findSeason } from '../region/index.js';
import { getRegionConfig, regionToday, seasonNow } from '../region/index.js';
import {
  checkCompliance,
  prepareCompliance,
  summarizePerson,
  type ComplianceAnswer,
  type ComplianceRecords,
  type ComplianceRules,
  type PersonSummary,
} from './compliance.rules.js';
import { checkRows, filterRows, nameMatches, readFilters, sortRows, type ComplianceRow, type DashboardFilters, type PersonName, type RawFilters } from './dashboard.rules.js';
import { loadApplications, loadCompletions, loadGrants, personExists, type ApplicationRecord, type GrantRow } from './compliance.store.js';

/** Compliance use cases: one person's answer, a person's home summary, the board's dashboard. */

export interface ComplianceDeps {
  db: Db;
  clock: Clock;
}

/** The prepared rules of a configuration, reused while the configuration object is the same. */
const prepared = new WeakMap<RegionConfig, ComplianceRules>();
export function rulesOf(config: RegionConfig): ComplianceRules {
  let r = prepared.get(config);
  if (!r) prepared.set(config, (r = prepareCompliance(config)));
  return r;
}

function recordsOf(app: ApplicationRecord | undefined, completions: ComplianceRecords['completions'] | undefined, held?: ComplianceRecords['held']): ComplianceRecords {
  return {
    application: app?.facts ?? null,
    roles: app?.roles ?? [],
    completions: completions ?? [],
    backgroundCheck: app?.backgroundCheck ?? 'not-started',
    ...(held ? { held } : {}),
  };
}

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

export interface HomeSummary {
  seasonName: string;
  summary: PersonSummary;
}

/** A person's division roles this season and what each still needs; null without any. */
export async function homeSummary(deps: ComplianceDeps, personId: string): Promise<HomeSummary | null> {
  const config = await getRegionConfig(deps.db);
  const season = seasonNow(config, deps.clock);
  if (!season) return null;
  const order = config.divisions.map((d) => d.code);
  const grants = (await loadGrants(deps.db, { seasonId: season.season.id, personId })).sort(
    (a, b) => order.indexOf(a.division) - order.indexOf(b.division) || DIVISION_ROLES.indexOf(a.role as Role) - DIVISION_ROLES.indexOf(b.role as Role),
  );
  if (!grants.length) return null;
  const who = { personId };
  const [apps, completions] = await Promise.all([loadApplications(deps.db, season.season.id, who), loadCompletions(deps.db, who)]);
  const records = recordsOf(apps.get(personId), completions.get(personId), grants);
  return { seasonName: season.season.name, summary: summarizePerson(rulesOf(config), records, regionToday(config, deps.clock)) };
}

export interface Dashboard {
  config: RegionConfig;
  filters: DashboardFilters;
  rows: ComplianceRow[];
}

function byPerson(grants: readonly GrantRow[]): { held: Map<string, GrantRow[]>; names: Map<string, PersonName> } {
  const held = new Map<string, GrantRow[]>();
  const names = new Map<string, PersonName>();
  for (const g of grants) {
    let list = held.get(g.personId);
    if (!list) {
      held.set(g.personId, (list = []));
      names.set(g.personId, { firstName: g.firstName, lastName: g.lastName, email: g.email });
    }
    list.push(g);
  }
  return { held, names };
}

/** The dashboard's rows for the filters (three queries for the whole region), in division order. */
export async function dashboard(deps: ComplianceDeps, raw: RawFilters, regionConfig?: RegionConfig): Promise<Dashboard> {
  const config = regionConfig ?? (await getRegionConfig(deps.db));
  const { filters, errors } = readFilters(raw, config, seasonNow(config, deps.clock)?.season.id ?? '');
  if (errors.length) throw new AppError('VALIDATION', errors.join(' '), { errors });
  const scope = { seasonId: filters.seasonId, division: filters.division || undefined, role: filters.role || undefined };
  const [grants, apps, completions] = await Promise.all([
    loadGrants(deps.db, scope),
    loadApplications(deps.db, filters.seasonId, { grants: scope }),
    loadCompletions(deps.db, { grants: scope }),
  ]);
  const { held, names } = byPerson(grants);
  const q = foldText(filters.q);
  const people = [...held]
    .filter(([personId]) => nameMatches(names.get(personId)!, q))
    .map(([personId, roles]) => ({ personId, name: names.get(personId)!, records: recordsOf(apps.get(personId), completions.get(personId), roles) }));
  const rows = sortRows(
    filterRows(checkRows(rulesOf(config), people, regionToday(config, deps.clock)), filters),
    config.divisions.map((d) => d.code),
  );
  return { config, filters, rows };
}
