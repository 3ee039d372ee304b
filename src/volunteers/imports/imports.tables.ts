/** Applications brought in from the association's volunteer export (migration 0017). */
export interface VolunteerImportTables {
  application_imports: {
    application_id: string;
    imported_at: string;
    file_name: string;
  };
}

declare module '../../platform/db/schema.js' {
  interface DB extends VolunteerImportTables {}
}
