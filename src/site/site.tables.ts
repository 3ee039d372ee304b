/** Kysely types of the site tables (migration 0008_site); part of DB in src/platform/db/schema.ts. */
export interface SiteTables {}
