/** Kysely types of the notification tables (migration 0008_site); part of SiteTables and so of DB. */
export interface NotificationTables {
  /** A person's choice for one kind of mail; no row means the kind is on (the default). */
  notification_preferences: {
    person_id: string;
    kind: string;
    /** 1 = send, 0 = the person switched it off */
    enabled: number;
    updated_at: string;
  };
  /**
   * Mails sent once per key: the weekly reminder (key = ISO week, e.g. 2026-W38) and any mail a
   * caller asks to send once. The primary key (person_id, kind, once_key) is what makes a rerun or
   * a second instance send nothing twice.
   */
  notification_sends: {
    person_id: string;
    kind: string;
    once_key: string;
    outbox_id: string;
    sent_at: string;
  };
  /** Region-wide switches of notifications (the weekly reminder), changed by the coach administrator. */
  notification_settings: {
    key: string;
    value: string;
    updated_at: string;
    updated_by: string | null;
  };
}
