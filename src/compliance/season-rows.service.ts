import type { Db } from '../platform/db/database.js';
import type { RegionConfig } from '../region/index.js';
import { prepareCompliance, type ComplianceRecords, type ComplianceRules } from './compliance.rules.js';
import { checkRows, mergeSorted, rowOrder, searchText, type ComplianceRow, type PersonName } from './dashboard.rules.js';
import {
  IDS_PER_QUERY,
  loadApplications,
  loadChangedSince,
  loadCompletions,
  loadGrants,
  loadPeopleWithCompletions,
  loadVersion,
  type ApplicationRecord,
  type GrantRow,
} from './compliance.store.js';
import { dayWindows } from './season-rows.rules.js';

/**
 * Every division role held in a season with its compliance, in the dashboard's order: worked out
 * once, then kept per open database and brought up to date from what changed. The database notes
 * every change to what the rows depend on in the writer's own transaction (migration 0014: a count
 * and, per person, the count at their latest change), so a read costs one small query when nothing
 * changed, and after a change only the people changed since are read and checked again, on every
 * instance alike. When the region's date moves on, only the people with a completion that starts
 * counting or expires in between are checked again. A new configuration (or a date moving back)
 * works the season out afresh.
 */

/** Every row of a season, sorted, with each row's search text (same index) for the name filter. */
export interface SeasonRows {
  rows: readonly ComplianceRow[];
  folded: readonly string[];
}

/** More people changed than this share of the rows (or IDS_PER_QUERY × 4): the whole season is read again. */
const REREAD_SHARE = 0.25;

/** The prepared rules of a configuration, reused while the configuration object is the same. */
const prepared = new WeakMap<RegionConfig, ComplianceRules>();
export function rulesOf(config: RegionConfig): ComplianceRules {
  let r = prepared.get(config);
  if (!r) prepared.set(config, (r = prepareCompliance(config)));
  return r;
}

/** A person's records as the rules take them, from what the store read. */
export function recordsOf(app: ApplicationRecord | undefined, completions: ComplianceRecords['completions'] | undefined, held?: ComplianceRecords['held']): ComplianceRecords {
  return {
    application: app?.facts ?? null,
    roles: app?.roles ?? [],
    completions: completions ?? [],
    backgroundCheck: app?.backgroundCheck ?? 'not-started',
    ...(held ? { held } : {}),
  };
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

/** The rows of the people holding grants in the scope (three queries), sorted. */
async function rowsOf(db: Db, config: RegionConfig, seasonId: string, today: string, personIds?: readonly string[]): Promise<ComplianceRow[]> {
  const scope = { seasonId, ...(personIds ? { personIds } : {}) };
  const [grants, apps, completions] = await Promise.all([loadGrants(db, scope), loadApplications(db, seasonId, { grants: scope }), loadCompletions(db, { grants: scope })]);
  const { held, names } = byPerson(grants);
  const people = [...held].map(([personId, roles]) => ({ personId, name: names.get(personId)!, records: recordsOf(apps.get(personId), completions.get(personId), roles) }));
  return checkRows(rulesOf(config), people, today).sort(rowOrder(config.divisions.map((d) => d.code)));
}

async function wholeSeason(db: Db, config: RegionConfig, seasonId: string, today: string): Promise<SeasonRows> {
  const rows = await rowsOf(db, config, seasonId, today);
  return { rows, folded: rows.map(searchText) };
}

/** `prev` with the rows of `changed` people replaced by their rows worked out now. */
async function refresh(db: Db, config: RegionConfig, seasonId: string, today: string, prev: SeasonRows, changed: readonly string[]): Promise<SeasonRows> {
  const fresh: ComplianceRow[] = [];
  for (let i = 0; i < changed.length; i += IDS_PER_QUERY) fresh.push(...(await rowsOf(db, config, seasonId, today, changed.slice(i, i + IDS_PER_QUERY))));
  const order = rowOrder(config.divisions.map((d) => d.code));
  fresh.sort(order);
  const gone = new Set(changed);
  const kept: { row: ComplianceRow; text: string }[] = [];
  prev.rows.forEach((row, i) => {
    if (!gone.has(row.personId)) kept.push({ row, text: prev.folded[i]! });
  });
  const merged = mergeSorted(
    kept,
    fresh.map((row) => ({ row, text: searchText(row) })),
    (a, b) => order(a.row, b.row),
  );
  return { rows: merged.map((m) => m.row), folded: merged.map((m) => m.text) };
}

/**
 * The people whose rows may differ between what was kept and now: changed since its data version,
 * and, when the region's date moved on, those with a completion that starts counting or expires in
 * between. Null when more than `most` (reading the whole season is then cheaper).
 */
async function changedSince(db: Db, k: Kept, version: number, config: RegionConfig, today: string, most: number): Promise<string[] | null> {
  const written = k.version < version ? await loadChangedSince(db, k.version, most) : [];
  const dated = k.today < today ? await loadPeopleWithCompletions(db, dayWindows(config.trainings, k.today, today), most) : [];
  return written && dated ? [...new Set([...written, ...dated])] : null;
}

/** A season's rows as worked out for one data version, configuration and day. */
interface Kept {
  version: number;
  config: RegionConfig;
  today: string;
  rows: Promise<SeasonRows>;
}

/** Seasons kept per open database (keyed by its Kysely adapter, which its transactions share). */
const kept = new WeakMap<object, Map<string, Kept>>();
const SEASONS_KEPT = 4;

/**
 * The season's rows as of now. Inside a transaction they are worked out afresh and not kept: they
 * could hold writes that are later rolled back.
 */
export async function seasonRows(db: Db, config: RegionConfig, seasonId: string, today: string): Promise<SeasonRows> {
  if (db.isTransaction) return wholeSeason(db, config, seasonId, today);
  const key = db.getExecutor().adapter;
  let seasons = kept.get(key);
  if (!seasons) kept.set(key, (seasons = new Map()));
  const version = await loadVersion(db);
  const k = seasons.get(seasonId);
  if (k && k.version === version && k.config === config && k.today === today) return k.rows;
  let rows: Promise<SeasonRows>;
  if (k && k.config === config && k.today <= today && k.version <= version) {
    const since = k;
    rows = k.rows.then(async (prev) => {
      const most = Math.min(IDS_PER_QUERY * 4, Math.ceil(prev.rows.length * REREAD_SHARE) + 50);
      const changed = await changedSince(db, since, version, config, today, most);
      return changed && changed.length <= most ? refresh(db, config, seasonId, today, prev, changed) : wholeSeason(db, config, seasonId, today);
    });
  } else rows = wholeSeason(db, config, seasonId, today);
  seasons.delete(seasonId);
  seasons.set(seasonId, { version, config, today, rows });
  if (seasons.size > SEASONS_KEPT) seasons.delete(seasons.keys().next().value!);
  rows.catch(() => {
    if (seasons.get(seasonId)?.rows === rows) seasons.delete(seasonId);
  });
  return rows;
}
