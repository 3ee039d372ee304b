import type { NotificationTables } from '../notify/notifications.tables.js';

/**
 * The tables platform itself works with: settings, people and their role grants (every feature
 * refers to a person), uploaded files, mail, audit. Conventions: ids are app-generated text, dates 'YYYY-MM-DD' text, instants
 * ISO-8601 UTC text, booleans 0/1 integers, JSON as text: the same on SQLite and PostgreSQL.
 */
export interface PlatformTables {
  app_meta: { key: string; value: string };
  /** Uploaded files (certificates, photos), kept in the database (migration 0002). */
  files: { id: string; owner_id: string | null; purpose: string; file_name: string; content_type: string; size: number; data: Buffer; created_at: string };
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
  outbox: {
    id: string;
    to_address: string;
    subject: string;
    body_text: string;
    kind: string;
    attachments: string | null;
    created_at: string;
    sent_at: string | null;
    /** The server's last answer when an attempt failed. */
    error: string | null;
    /** queued (waiting, maybe for its next attempt), sending (claimed), sent, failed (gave up). */
    state: string;
    attempts: number;
    /** When a queued mail may be tried (again); a claim's lease while sending. */
    next_attempt_at: string | null;
    reply_to: string | null;
    body_html: string | null;
    /** One-click unsubscribe address (List-Unsubscribe) of an optional mail. */
    unsubscribe_url: string | null;
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

/**
 * The whole database. Platform names only its own tables; each feature adds its own in its
 * `*.tables.ts` by declaration merging (`declare module '…/platform/db/schema.js' { interface DB
 * extends FeatureTables {} }`), so this file knows no feature.
 */
export interface DB extends PlatformTables, NotificationTables {}
