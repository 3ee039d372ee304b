/** Kysely types of the badges tables (migration 0007_badges); part of DB in src/platform/db/schema.ts. */
export interface BadgeTables {
  /**
   * A coach's badge photos: every upload is a row (the processed JPEG lives in `files`); the latest
   * upload is the person's photo. Older uploads are deleted unless a badge was issued with them.
   */
  badge_photos: {
    id: string;
    person_id: string;
    file_id: string;
    /** pending | approved | rejected */
    status: string;
    /** Why the coach administrator rejected it: shown to the coach and mailed. */
    reason: string | null;
    uploaded_at: string;
    decided_at: string | null;
    decided_by: string | null;
  };
  /**
   * One issued badge: what is printed on it (name, photo, roles) and the unguessable token of its
   * QR code. A reissue is a new row; the old one gets `replaced_at` and stops being valid.
   */
  badges: {
    id: string;
    person_id: string;
    season_id: string;
    /** 32 random bytes, base64url: the verification link is {baseUrl}/verify/{token}. */
    token: string;
    photo_id: string;
    /** The name as printed. */
    name: string;
    /** The roles as printed: JSON [{role, division}]. */
    roles_json: string;
    issued_at: string;
    replaced_at: string | null;
    /** The first instant a check found the badge not valid; cleared when it is valid again. */
    invalid_since: string | null;
  };
  /** What was printed when: a print sheet of the board, a reprint of one, or a single badge downloaded. */
  badge_print_runs: {
    id: string;
    season_id: string;
    /** sheet | reprint | download */
    kind: string;
    /** The run a reprint repeats. */
    reprint_of: string | null;
    badge_count: number;
    printed_at: string;
    printed_by: string | null;
    printed_by_name: string;
  };
  badge_print_items: {
    run_id: string;
    badge_id: string;
    /** Order on the sheet, from 0. */
    position: number;
  };
}

declare module '../platform/db/schema.js' {
  interface DB extends BadgeTables {}
}
