/** Sessions, API tokens, one-time links, login throttling and account merges (migrations 0001, 0002, 0011). */
export interface PeopleTables {
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
  /** Login attempts counted per key (login-throttle.rules.ts); `account` is the email the key is about, if any. */
  login_throttle: { key: string; account: string | null; attempts: number; first_at: string; updated_at: string };
  account_merges: { id: string; kept_id: string; merged_id: string; at: string; by_id: string | null; summary_json: string };
}

declare module '../platform/db/schema.js' {
  interface DB extends PeopleTables {}
}
