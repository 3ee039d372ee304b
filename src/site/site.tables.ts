/** Kysely types of the site tables (migration 0008_site); merged into DB (src/platform/db/schema.ts) by the declaration below. */
export interface SiteTables {
  /**
   * Every save of a public page is a new revision (history is never rewritten). The page shows the
   * highest number; no row means the default text built from the region configuration (number 0).
   */
  site_revisions: {
    id: string;
    /** coaches | faq | resources | contact */
    slug: string;
    /** 1, 2, 3... per slug; unique (slug, number) */
    number: number;
    title: string;
    description: string;
    markdown: string;
    /** The revision this one copies when it was a restore (0 = the default text), else null. */
    restored_from: number | null;
    created_at: string;
    created_by: string | null;
    created_by_name: string;
  };
  /** Coach resources: a link (videos, outside documents) or an uploaded file in `files`. */
  site_resources: {
    id: string;
    /** template | practice-plan | meeting-notes | video | other */
    category: string;
    title: string;
    note: string;
    url: string | null;
    file_id: string | null;
    created_at: string;
    created_by: string | null;
    /** Removed resources stay for the record but are no longer listed or served. */
    removed_at: string | null;
  };
  /** Contact-form messages per address and day (the address is kept only as a hash). */
  contact_rate: {
    ip_key: string;
    day: string;
    count: number;
  };
}

declare module '../platform/db/schema.js' {
  interface DB extends SiteTables {}
}
