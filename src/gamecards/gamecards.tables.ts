/** Kysely types of the gamecards tables (migration 0005_gamecards); part of DB in src/platform/db/schema.ts. */
export interface GameTables {}
