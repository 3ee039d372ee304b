/** The region configuration document, one row (migration 0001). */
export interface RegionTables {
  region_config: { id: number; doc: string; version: number; updated_at: string };
}

declare module '../platform/db/schema.js' {
  interface DB extends RegionTables {}
}
