import { AppError } from '../platform/errors.js';
import { recordAudit, type Actor } from '../platform/audit.js';
import type { Db } from '../platform/db/database.js';
import type { Clock } from '../platform/clock.js';
import { dateInZone } from '../platform/clock.js';
import { defaultRegionConfig } from './default-config.rules.js';
import type { RegionConfig } from './region.schemas.js';
import { activeSeasonIds, currentSeason, validateRegionConfig } from './region.rules.js';
import { insertConfig, loadConfig, loadConfigStamp, replaceConfig, type ConfigStamp, type StoredConfig } from './region.store.js';

/** Puts the shipped defaults in place on first start; does nothing when a configuration exists. */
export async function ensureRegionConfig(db: Db, clock: Clock): Promise<boolean> {
  if (await loadConfig(db)) return false;
  const now = clock.now();
  await insertConfig(db, defaultRegionConfig(now.toISOString().slice(0, 10)), now.toISOString());
  return true;
}

/**
 * The parsed configuration of each open database, kept while its version and save time stay the
 * same: every request reads the configuration, and checking the stamp is one small query where
 * parsing the document was most of the cost. Keyed by the Kysely adapter, which a database shares
 * with its transactions and no other open database has. Another process saving a new version
 * (a second instance, the CLI) changes the stamp, so the next read parses it again. Frozen, so no
 * caller can change the shared copy; edits go through editRegionConfig's clone.
 */
const parsed = new WeakMap<object, StoredConfig>();

const sameStamp = (a: ConfigStamp | undefined, b: ConfigStamp) => !!a && a.version === b.version && a.updatedAt === b.updatedAt;

/** The stored configuration; `stamp`, when the caller has just read it, saves the stamp query. */
export async function getStoredConfig(db: Db, stamp?: ConfigStamp): Promise<StoredConfig> {
  const key = db.getExecutor().adapter;
  const cached = parsed.get(key);
  if (cached && sameStamp(stamp ?? (await loadConfigStamp(db)), cached)) return cached;
  const stored = await loadConfig(db);
  if (!stored) throw new AppError('UNAVAILABLE', 'The region has no configuration yet: run `touchline migrate` or start the server once.');
  parsed.set(key, deepFreeze(stored));
  return stored;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export async function getRegionConfig(db: Db, stamp?: ConfigStamp): Promise<RegionConfig> {
  return (await getStoredConfig(db, stamp)).config;
}

/** Today's date in the region's own time zone. */
export function regionToday(config: RegionConfig, clock: Clock): string {
  return dateInZone(clock.now(), config.region.timeZone);
}

export function seasonsInForce(config: RegionConfig, clock: Clock): string[] {
  return activeSeasonIds(config, regionToday(config, clock));
}

export function seasonNow(config: RegionConfig, clock: Clock) {
  return currentSeason(config, regionToday(config, clock));
}

/**
 * Replaces the whole configuration after validating it; refuses when someone else saved in
 * between (code STALE), and records the change with before and after in the audit log.
 */
export async function saveRegionConfig(db: Db, clock: Clock, actor: Actor, doc: unknown, expectedVersion: number | null, action = 'region.update'): Promise<StoredConfig> {
  const v = validateRegionConfig(doc);
  if (!v.ok) throw new AppError('VALIDATION', `The region configuration has ${v.errors.length} problem(s): ${v.errors[0]}`, { errors: v.errors });
  return db.transaction().execute(async (trx) => {
    const current = await getStoredConfig(trx);
    const expected = expectedVersion ?? current.version;
    const at = clock.now().toISOString();
    if (current.version !== expected || !(await replaceConfig(trx, v.config, expected, at))) {
      throw new AppError('STALE', 'Someone else changed the configuration since you opened it. Reload the page and make your change again.');
    }
    await recordAudit(trx, { actor, at, action, entity: 'region', entityId: '1', before: current.config, after: v.config });
    return { config: v.config, version: expected + 1, updatedAt: at };
  });
}

/** Applies an edit function to the current configuration and saves the result. */
export async function editRegionConfig(db: Db, clock: Clock, actor: Actor, expectedVersion: number | null, action: string, edit: (c: RegionConfig) => void): Promise<StoredConfig> {
  const current = await getStoredConfig(db);
  const next = structuredClone(current.config);
  edit(next);
  return saveRegionConfig(db, clock, actor, next, expectedVersion ?? current.version, action);
}
