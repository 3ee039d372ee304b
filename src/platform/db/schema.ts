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

export interface DB extends PlatformTables {}
