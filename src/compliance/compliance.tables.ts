/** Kysely types of compliance's table (migration 0014_compliance_version); part of DB in src/platform/db/schema.ts. */
export interface ComplianceTables {
  /**
   * One row (id 1): a counter the database's triggers bump in the same transaction as any write to
   * what compliance answers depend on (applications, completions, role grants, people's names,
   * emails and merges). Worked-out dashboard rows are kept while it stays the same.
   */
  compliance_version: {
    id: number;
    n: number;
  };
  /** Per person, the counter's value at their latest change (kept by the same triggers). */
  compliance_changes: {
    person_id: string;
    version: number;
  };
}

declare module '../platform/db/schema.js' {
  interface DB extends ComplianceTables {}
}
