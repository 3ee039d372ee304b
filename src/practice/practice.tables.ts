/** Kysely types of the practice tables (migration 0004_practice); part of DB in src/platform/db/schema.ts. */
export interface PracticeTables {}
