/** Messages the board sent to groups and their recipients (migration 0016). */
export interface MessageTables {
  messages: {
    id: string;
    sender_id: string;
    sender_name: string;
    /** Where replies go (the mail's Reply-To). */
    sender_email: string | null;
    /** The audience as the API takes it ({kind, ...}). */
    audience_json: string;
    audience_label: string;
    subject: string;
    markdown: string;
    /** 1 = a required notice (sent despite opt-outs) */
    required: number;
    /** Distinct addresses mailed. */
    recipients: number;
    created_at: string;
  };
  /** Everyone the audience found, in its order: mailed (outbox_id) or skipped (with why). */
  message_recipients: {
    message_id: string;
    position: number;
    person_id: string;
    name: string;
    email: string | null;
    outbox_id: string | null;
    /** opted-out | no-email | same-address; null when mailed */
    skipped: string | null;
  };
}

declare module '../platform/db/schema.js' {
  interface DB extends MessageTables {}
}
