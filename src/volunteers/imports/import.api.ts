/** POST /api/v1/people/import: the association's volunteer export (multipart field `file`). */
import { Type } from '@sinclair/typebox';
import type { App, Deps } from '../../platform/feature.js';
import { AppError } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/forms.js';
import { ErrorSchema } from '../../platform/http/schemas.js';
import { readUpload } from '../../platform/http/uploads.js';
import { IMPORTERS } from './import.access.js';
import { importVolunteers, MAX_VOLUNTEER_FILE_BYTES } from './import.service.js';

const SummarySchema = Type.Object({
  created: Type.Integer({ description: 'people created' }),
  updated: Type.Integer({ description: 'people whose record or season application changed' }),
  unchanged: Type.Integer({ description: 'people matched with nothing to change' }),
  skipped: Type.Array(Type.Object({ row: Type.Integer({ description: 'line of the file (header = 1)' }), reason: Type.String() })),
});

export function volunteerImportApi(app: App, deps: Deps): void {
  app.post(
    '/api/v1/people/import',
    {
      config: { access: IMPORTERS },
      schema: {
        tags: ['people'],
        summary: "Import the association's volunteer export (multipart field `file`, optional field `season`); audited",
        description:
          'CSV or tab-separated, UTF-8 (with or without BOM) or Latin-1, one line per role. 201 when people were created, else 200; lines left out are listed with their line numbers; 422 names the missing columns (details.missingColumns) and writes nothing. Importing the same file again changes nothing.',
        consumes: ['multipart/form-data'],
        response: { 200: SummarySchema, 201: SummarySchema, 413: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (req, reply) => {
      const form = await readUpload(req, MAX_VOLUNTEER_FILE_BYTES, 'volunteer export');
      if (!form.file) throw new AppError('VALIDATION', 'Send the volunteer export in the "file" field.');
      const summary = await importVolunteers(deps, actorOf(req), form.file.data, { fileName: form.file.fileName, season: form.fields.season || undefined });
      return reply.status(summary.created > 0 ? 201 : 200).send(summary);
    },
  );
}
