/** Kysely types of the badges tables (migration 0007_badges); part of DB in src/platform/db/schema.ts. */
export interface BadgeTables {}
