/** The registrar's import page: upload the older system's certification CSV and read the report. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps } from '../../platform/feature.js';
import { page } from '../../platform/http/pages.js';
import { actorOf, handleForm } from '../../platform/http/forms.js';
import { AppError } from '../../platform/errors.js';
import { readUpload } from '../../platform/http/uploads.js';
import { VERIFIERS } from '../requests/requests.service.js';
import { importLegacyCertifications, MAX_IMPORT_BYTES, type ImportReport } from './import.service.js';
import { ImportPage } from './import.views.js';

const CHECK = { access: VERIFIERS };
const hidden = { hide: true };

export function importRoutes(app: App, deps: Deps) {
  const importPage = (req: FastifyRequest, reply: FastifyReply, o: { report?: ImportReport; fileName?: string; errors?: string[] } = {}, status = 200) =>
    page(req, reply, 'Import certifications', (ctx) => <ImportPage ctx={ctx} {...o} />, { status });
  app.get('/training/import', { config: CHECK, schema: hidden }, (req, reply) => importPage(req, reply));
  app.post('/training/import', { config: CHECK, schema: hidden }, async (req, reply) =>
    handleForm(
      reply,
      async () => {
        const form = await readUpload(req, MAX_IMPORT_BYTES, 'CSV file');
        if (!form.file) throw new AppError('VALIDATION', 'Choose the CSV file to import.');
        const report = await importLegacyCertifications(deps, actorOf(req), form.file.data, form.file.fileName);
        return importPage(req, reply, { report, fileName: form.file.fileName });
      },
      (errors, status) => importPage(req, reply, { errors }, status),
    ),
  );
}
