import { sql } from 'kysely';
import type { Db } from '../platform/db/database.js';
import type { RegionConfig } from './region.schemas.js';

export interface StoredConfig {
  config: RegionConfig;
  version: number;
  updatedAt: string;
}

export async function loadConfig(db: Db): Promise<StoredConfig | undefined> {
  const row = await db.selectFrom('region_config').selectAll().where('id', '=', 1).executeTakeFirst();
  return row ? { config: JSON.parse(row.doc) as RegionConfig, version: row.version, updatedAt: row.updated_at } : undefined;
}

/** What identifies a stored version of the configuration without reading the document. */
export interface ConfigStamp {
  version: number;
  updatedAt: string;
}

export async function loadConfigStamp(db: Db): Promise<ConfigStamp | undefined> {
  const row = await db.selectFrom('region_config').select(['version', 'updated_at']).where('id', '=', 1).executeTakeFirst();
  return row ? { version: row.version, updatedAt: row.updated_at } : undefined;
}

/** The stamp as two columns of another query: a request reads it with its credential, in one round trip. */
export const configStampColumns = () =>
  [
    sql<number | null>`(select version from region_config where id = 1)`.as('config_version'),
    sql<string | null>`(select updated_at from region_config where id = 1)`.as('config_updated_at'),
  ] as const;

export async function insertConfig(db: Db, config: RegionConfig, at: string): Promise<void> {
  await db
    .insertInto('region_config')
    .values({ id: 1, doc: JSON.stringify(config), version: 1, updated_at: at })
    .execute();
}

/** Writes a new version only when the stored one is still `expected` (optimistic concurrency). */
export async function replaceConfig(db: Db, config: RegionConfig, expected: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('region_config')
    .set({ doc: JSON.stringify(config), version: expected + 1, updated_at: at })
    .where('id', '=', 1)
    .where('version', '=', expected)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
