/** Training completions, classes and their registrations, certificate uploads (migration 0002). */
export interface TrainingTables {
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
}

declare module '../platform/db/schema.js' {
  interface DB extends TrainingTables {}
}
