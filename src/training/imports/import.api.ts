/** /api/v1 for the legacy import of the older system's certification CSV. */
import { Type } from '@sinclair/typebox';
import type { App, Deps } from '../../platform/feature.js';
import { AppError } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/forms.js';
import { ErrorSchema } from '../../platform/http/schemas.js';
import { readUpload } from '../../platform/http/uploads.js';
import { VERIFIERS } from '../requests/requests.service.js';
import { importLegacyCertifications, MAX_IMPORT_BYTES } from './import.service.js';

const RowErrors = Type.Array(Type.Object({ row: Type.Integer(), message: Type.String() }));
const ReportSchema = Type.Object({
  rows: Type.Integer(),
  added: Type.Integer(),
  alreadyPresent: Type.Integer(),
  completionsAdded: Type.Integer(),
  associationIdsSet: Type.Integer(),
  unmatched: RowErrors,
  unknownTraining: RowErrors,
  invalid: RowErrors,
});

const tags = ['trainings'];
const CHECK = { access: VERIFIERS };

export function importApi(app: App, deps: Deps): void {
  app.post(
    '/api/v1/imports/certifications',
    {
      config: CHECK,
      schema: {
        tags,
        summary: "Import the older system's certification CSV (multipart field `file`); audited",
        description:
          "Good lines land, bad lines are reported with their line numbers; importing the same file again adds nothing. A line fills its person's empty association id; a line whose id another account holds is reported under `invalid` and nothing of it lands. 409 CONFLICT when another change gave one of the file's ids to an account meanwhile (nothing lands: import again).",
        consumes: ['multipart/form-data'],
        response: { 200: ReportSchema, 409: ErrorSchema, 413: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (req) => {
      const form = await readUpload(req, MAX_IMPORT_BYTES, 'CSV file');
      if (!form.file) throw new AppError('VALIDATION', 'Send the CSV file in the "file" field.');
      return importLegacyCertifications(deps, actorOf(req), form.file.data, form.file.fileName);
    },
  );
}
