/** Kysely types of the mentoring tables (migration 0006_mentoring); part of DB in src/platform/db/schema.ts. */
export interface MentoringTables {
  mentoring_sessions: {
    id: string;
    season_id: string;
    /** The mentor who published it (and runs it). */
    mentor_id: string;
    /** group | practice-visit | game-visit */
    kind: string;
    topic: string;
    /** Region-local date and time of day. */
    date: string;
    start_time: string;
    minutes: number;
    /** The start as an ISO UTC instant (sorting, cut-off). */
    starts_at: string;
    /** A field of the region configuration, or null when `place` is free text. */
    field_id: string | null;
    place: string;
    /** The team visited (visits only). */
    team_id: string | null;
    capacity: number;
    /** Sign-up and cancelling close this many hours before the start. */
    cutoff_hours: number;
    /** Sessions published together by "repeat weekly" share it. */
    series_id: string | null;
    created_at: string;
    cancelled_at: string | null;
  };
  mentoring_signups: {
    id: string;
    session_id: string;
    person_id: string;
    /** confirmed | waitlisted | cancelled */
    status: string;
    /** Order of joining within the session (the waitlist moves up in this order). */
    position: number;
    signed_up_at: string;
    changed_at: string;
  };
  mentoring_assessments: {
    id: string;
    season_id: string;
    coach_id: string;
    mentor_id: string;
    team_id: string;
    /** The team's name and division when assessed (the team may be re-formed later). */
    team_name: string;
    division: string;
    date: string;
    /** practice | game */
    kind: string;
    /** {criterion code: 1..4 | null (not observed)} */
    ratings_json: string;
    strengths: string;
    work_on: string;
    notes: string;
    created_at: string;
    acknowledged_at: string | null;
  };
  mentoring_messages: {
    id: string;
    assessment_id: string;
    author_id: string;
    /** 1, 2, … in the thread. */
    seq: number;
    body: string;
    created_at: string;
  };
}

declare module '../platform/db/schema.js' {
  interface DB extends MentoringTables {}
}
