/** Volunteer applications (migration 0002) and their role requests (0018). */
export interface VolunteerTables {
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
  /** The roles an application asks for and the board's decision on each (migration 0018). */
  role_requests: {
    id: string;
    application_id: string;
    person_id: string;
    season_id: string;
    role: string;
    division: string;
    /** requested | granted | declined */
    status: string;
    requested_at: string;
    decided_at: string | null;
    /** Who decided; null for a role the region grants at once (or granted before decisions existed). */
    decided_by: string | null;
    reason: string | null;
  };
}

declare module '../platform/db/schema.js' {
  interface DB extends VolunteerTables {}
}
