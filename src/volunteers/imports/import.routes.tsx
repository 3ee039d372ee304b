/** The registrar's page: upload the association's volunteer export and read what the import did. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps } from '../../platform/feature.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, handleForm } from '../../platform/http/forms.js';
import { page } from '../../platform/http/pages.js';
import { readUpload } from '../../platform/http/uploads.js';
import { allSeasons, getRegionConfig } from '../../region/index.js';
import { IMPORTERS } from './import.access.js';
import { importVolunteers, MAX_VOLUNTEER_FILE_BYTES } from './import.service.js';
import { VolunteerImportPage, type ImportPageModel } from './import.views.js';

const CHECK = { access: IMPORTERS };
const hidden = { hide: true };

export function volunteerImportRoutes(app: App, deps: Deps): void {
  const show = async (req: FastifyRequest, reply: FastifyReply, o: Omit<ImportPageModel, 'seasons'> = {}, status = 200) => {
    const seasons = allSeasons(await getRegionConfig(deps.db)).map((s) => ({ id: s.season.id, name: s.season.name }));
    return page(req, reply, 'Import volunteers', (ctx) => <VolunteerImportPage ctx={ctx} m={{ ...o, seasons }} />, { status });
  };
  app.get('/people/import', { config: CHECK, schema: hidden }, (req, reply) => show(req, reply));
  app.post('/people/import', { config: CHECK, schema: hidden }, async (req, reply) => {
    let season: string | undefined;
    return handleForm(
      reply,
      async () => {
        const form = await readUpload(req, MAX_VOLUNTEER_FILE_BYTES, 'volunteer export');
        season = form.fields.season || undefined;
        if (!form.file) throw new AppError('VALIDATION', 'Choose the volunteer export file to import.');
        const summary = await importVolunteers(deps, actorOf(req), form.file.data, { fileName: form.file.fileName, season });
        return show(req, reply, { summary, fileName: form.file.fileName, season });
      },
      (errors, status) => show(req, reply, { errors, season }, status),
    );
  });
}
