/** Kysely types of the gamecards tables (migration 0005_gamecards); part of DB in src/platform/db/schema.ts. */
export interface GameTables {
  /** One scheduled game of a division: date 'YYYY-MM-DD', time 'HH:MM' (24 h), a region field id. */
  games: {
    id: string;
    season_id: string;
    division: string;
    program: string;
    date: string;
    time: string;
    field_id: string;
    home_team_id: string;
    away_team_id: string;
    created_at: string;
    created_by: string | null;
    updated_at: string;
  };
  /**
   * One team's card for one game. status: draft | submitted. `revision` grows by one with every
   * change (saves and submit); state_json is CardState (cards/card-state.rules.ts); snapshot_json holds the
   * header and roster as they were at submit, so a submitted card never changes with later edits.
   */
  game_cards: {
    id: string;
    game_id: string;
    team_id: string;
    season_id: string;
    status: string;
    revision: number;
    state_json: string;
    violations_json: string;
    violation_count: number;
    snapshot_json: string | null;
    created_at: string;
    updated_at: string;
    updated_by: string | null;
    submitted_at: string | null;
    submitted_by: string | null;
  };
  /** Every save applied to a card, by the client's save id: a retried save is recognised, never applied twice. */
  game_card_saves: {
    card_id: string;
    save_id: string;
    base_revision: number;
    revision: number;
    body_hash: string;
    saved_at: string;
    saved_by: string | null;
  };
}

declare module '../platform/db/schema.js' {
  interface DB extends GameTables {}
}
