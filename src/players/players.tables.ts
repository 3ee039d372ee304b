/** Players, their guardians, season registrations and ratings (migration 0003). */
export interface PlayerTables {
  players: { id: string; external_id: string | null; first_name: string; last_name: string; birth_date: string; gender: string; created_at: string; updated_at: string };
  player_guardians: { player_id: string; person_id: string; is_primary: number };
  season_players: { id: string; season_id: string; player_id: string; division: string; program: string; goalkeeper: number; moved_reason: string | null; created_at: string };
  ratings: { id: string; season_id: string; player_id: string; rating: number; rated_by: string | null; rated_at: string; override_reason: string | null };
  rating_windows: { season_id: string; opened_at: string; closed_at: string | null; opened_by: string | null };
}

declare module '../platform/db/schema.js' {
  interface DB extends PlayerTables {}
}
