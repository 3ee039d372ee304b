/** Teams, their staff and players, formations (migration 0003), assistant offers (0009) and draw records (0012). */
export interface TeamTables {
  teams: { id: string; season_id: string; division: string; program: string; number: number; name: string; published_at: string | null; created_at: string };
  /** role: head-coach | assistant-coach */
  team_staff: { team_id: string; person_id: string; role: string; added_at: string };
  team_players: { team_id: string; player_id: string; season_id: string; jersey: number | null };
  formations: {
    id: string;
    season_id: string;
    division: string;
    program: string;
    seed: number;
    objective: string;
    /** preview | published | discarded */
    status: string;
    assignments_json: string;
    report_json: string;
    created_at: string;
    created_by: string | null;
    published_at: string | null;
  };
  /**
   * An offer to an assistant-coach volunteer to join a published team. status: offered | accepted
   * | declined | withdrawn. Accepting adds a team_staff row (role assistant-coach); the offer itself
   * never gives access to the roster.
   */
  assistant_offers: {
    id: string;
    team_id: string;
    person_id: string;
    status: string;
    offered_at: string;
    offered_by: string | null;
    answered_at: string | null;
  };
  /**
   * What a published formation was drawn from and gave, for anyone to re-run: the input files as
   * the offline command reads them (P.csv, T.csv), their sha256 digest, the drawn assignment
   * (A.csv) and the balance figures (JSON, no names). Written once, at publishing.
   */
  draw_records: {
    formation_id: string;
    season_id: string;
    division: string;
    program: string;
    engine_version: number;
    seed: number;
    objective: string;
    scale_json: string;
    digest: string;
    players_csv: string;
    teams_csv: string;
    assignments_csv: string;
    figures_json: string;
    published_at: string;
  };
}

declare module '../platform/db/schema.js' {
  interface DB extends TeamTables {}
}
