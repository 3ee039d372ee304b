import type { PracticeTables } from '../../practice/practice.tables.js';
import type { GameTables } from '../../gamecards/gamecards.tables.js';
import type { MentoringTables } from '../../mentoring/mentoring.tables.js';
import type { BadgeTables } from '../../badges/badges.tables.js';
import type { SiteTables } from '../../site/site.tables.js';
import type { TeamExtraTables } from '../../teams/teams.tables.js';


/**
 * The database as Kysely sees it. Every feature declares its own tables beside its store and adds
 * them to DB here. Conventions: ids are app-generated text, dates 'YYYY-MM-DD' text, instants
 * ISO-8601 UTC text, booleans 0/1 integers, JSON as text: the same on SQLite and PostgreSQL.
 */
export interface PlatformTables {
  app_meta: { key: string; value: string };
  region_config: { id: number; doc: string; version: number; updated_at: string };
  people: {
    id: string;
    email: string | null;
    first_name: string;
    last_name: string;
    birth_date: string | null;
    phone: string | null;
    password_hash: string | null;
    created_at: string;
    updated_at: string;
    merged_into: string | null;
    association_id: string | null;
  };
  role_grants: {
    id: string;
    person_id: string;
    role: string;
    /** '' for a standing role that holds in every season. */
    season_id: string;
    /** '' when the role is not tied to a division. */
    division: string;
    granted_at: string;
    granted_by: string | null;
  };
  sessions: { id_hash: string; person_id: string; created_at: string; expires_at: string; last_seen_at: string };
  api_tokens: {
    id: string;
    person_id: string;
    name: string;
    token_hash: string;
    created_at: string;
    last_used_at: string | null;
    revoked_at: string | null;
  };
  one_time_links: {
    token_hash: string;
    purpose: string;
    person_id: string | null;
    created_at: string;
    expires_at: string;
    used_at: string | null;
  };
  login_failures: { id: string; key: string; at: string };
  outbox: {
    id: string;
    to_address: string;
    subject: string;
    body_text: string;
    kind: string;
    attachments: string | null;
    created_at: string;
    sent_at: string | null;
    error: string | null;
  };
  audit_log: {
    id: string;
    at: string;
    actor_id: string | null;
    actor_name: string;
    action: string;
    entity: string;
    entity_id: string;
    before_json: string | null;
    after_json: string | null;
  };
}

/** Volunteers, trainings, classes, uploaded files and merges (migration 0002). */
export interface VolunteerTables {
  files: { id: string; owner_id: string | null; purpose: string; file_name: string; content_type: string; size: number; data: Buffer; created_at: string };
  applications: {
    id: string;
    person_id: string;
    season_id: string;
    /** [{role, division}] */
    roles_json: string;
    birth_date: string;
    is_adult: number;
    /** The SSN sealed with the region's screening public key; erased once the check is recorded. */
    ssn_sealed: string | null;
    ssn_last4: string | null;
    signature_name: string | null;
    signed_at: string | null;
    signed_ip: string | null;
    submitted_at: string;
    /** not-started | pending | clear | flagged */
    background_check: string;
    check_recorded_at: string | null;
    check_recorded_by: string | null;
  };
  completions: {
    id: string;
    person_id: string;
    training: string;
    part: string;
    completed_on: string;
    /** online | instructor | import | administrator | upload */
    source: string;
    certificate_no: string;
    class_session_id: string | null;
    recorded_by: string | null;
    recorded_at: string;
  };
  class_sessions: {
    id: string;
    training: string;
    part: string;
    date: string;
    start_time: string;
    end_time: string;
    place: string;
    capacity: number;
    instructor_id: string;
    created_at: string;
    cancelled_at: string | null;
  };
  class_registrations: { id: string; session_id: string; person_id: string; registered_at: string; credited_at: string | null; credited_by: string | null };
  certificate_requests: {
    id: string;
    person_id: string;
    training: string;
    part: string;
    completed_on: string;
    file_id: string;
    /** pending | verified | rejected */
    status: string;
    reason: string | null;
    decided_by: string | null;
    decided_at: string | null;
    created_at: string;
  };
  account_merges: { id: string; kept_id: string; merged_id: string; at: string; by_id: string | null; summary_json: string };
}

/** Players, ratings, teams and formations (migration 0003). */
export interface TeamTables {
  players: { id: string; external_id: string | null; first_name: string; last_name: string; birth_date: string; gender: string; created_at: string; updated_at: string };
  player_guardians: { player_id: string; person_id: string; is_primary: number };
  season_players: { id: string; season_id: string; player_id: string; division: string; program: string; goalkeeper: number; moved_reason: string | null; created_at: string };
  ratings: { id: string; season_id: string; player_id: string; rating: number; rated_by: string | null; rated_at: string; override_reason: string | null };
  rating_windows: { season_id: string; opened_at: string; closed_at: string | null; opened_by: string | null };
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
}

export interface DB extends PlatformTables, VolunteerTables, TeamTables, PracticeTables, GameTables, MentoringTables, BadgeTables, SiteTables, TeamExtraTables {}
