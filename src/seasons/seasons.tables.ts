/** Kysely types of the next-season tables (migration 0019_next_season); part of DB in src/platform/db/schema.ts. */
export interface SeasonsTables {
  /** One row per season started from the one before: who started it, when, and what it did. */
  season_starts: {
    season_id: string;
    from_season_id: string;
    started_at: string;
    started_by: string | null;
    started_by_name: string;
    /** JSON StartSummary (seasons.rules.ts). */
    summary_json: string;
  };
  /** A role of last season offered again for the new one; accepting grants it (no further decision). */
  role_offers: {
    id: string;
    season_id: string;
    from_season_id: string;
    person_id: string;
    role: string;
    /** '' when the role is not tied to a division. */
    division: string;
    /** pending | accepted | declined */
    state: string;
    offered_at: string;
    decided_at: string | null;
  };
}

declare module '../platform/db/schema.js' {
  interface DB extends SeasonsTables {}
}
