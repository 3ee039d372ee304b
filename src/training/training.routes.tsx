/**
 * The trainings feature: the volunteer's Training page (trainings, certificates, classes, uploads),
 * the class pages of instructors, the registrar's checks and import, and the /api/v1 routes.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps, Feature } from '../platform/feature.js';
import { flash, page } from '../platform/http/pages.js';
import { handleForm } from '../platform/http/forms.js';
import { AppError } from '../platform/errors.js';
import { cancelRegistration, CLASS_STAFF, register } from './classes/classes.service.js';
import { MAX_CERTIFICATE_BYTES, requestFile, submitRequest, VERIFIERS } from './requests/requests.service.js';
import { volunteerTraining } from './volunteer.service.js';
import { TrainingPage, type FormState } from './training.views.js';
import { enableUploads, readUpload, sendFile } from '../platform/http/uploads.js';
import { classRoutes } from './classes/classes.routes.js';
import { requestRoutes } from './requests/requests.routes.js';
import { completionsApi } from './completions/completions.api.js';
import { classesApi } from './classes/classes.api.js';
import { requestsApi } from './requests/requests.api.js';
import { importRoutes } from './imports/import.routes.js';
import { importApi } from './imports/import.api.js';
import { trainingHome } from './training.home.js';

const AUTH = { access: 'authenticated' as const };
const hidden = { hide: true };

function volunteerRoutes(app: App, deps: Deps) {
  const me = (req: FastifyRequest) => req.auth!.personId;
  const show = async (req: FastifyRequest, reply: FastifyReply, state: FormState = {}, status = 200) => {
    const m = await volunteerTraining(deps, me(req));
    return page(req, reply, 'Your trainings', (ctx) => <TrainingPage ctx={ctx} m={m} state={state} />, { status });
  };
  app.get('/training', { config: AUTH, schema: hidden }, (req, reply) => show(req, reply));
  app.post('/training/classes/:id/register', { config: AUTH, schema: hidden }, async (req, reply) =>
    handleForm(
      reply,
      async () => {
        await register(deps, me(req), (req.params as { id: string }).id);
        flash(reply, 'You are registered. A confirmation is on its way by mail.');
        return reply.redirect('/training', 303);
      },
      (errors, status) => show(req, reply, { form: 'classes', errors }, status),
    ),
  );
  app.post('/training/classes/:id/cancel-registration', { config: AUTH, schema: hidden }, async (req, reply) =>
    handleForm(
      reply,
      async () => {
        await cancelRegistration(deps, me(req), (req.params as { id: string }).id);
        flash(reply, 'Your registration is cancelled; the seat is free for someone else.');
        return reply.redirect('/training', 303);
      },
      (errors, status) => show(req, reply, { form: 'classes', errors }, status),
    ),
  );
  app.post('/training/uploads', { config: AUTH, schema: hidden }, async (req, reply) => {
    let values: Record<string, string> = {};
    return handleForm(
      reply,
      async () => {
        const form = await readUpload(req, MAX_CERTIFICATE_BYTES, 'certificate');
        values = form.fields;
        if (!form.file) throw new AppError('VALIDATION', 'Choose the certificate file (PDF, JPEG or PNG) to upload.', { field: 'file' });
        await submitRequest(deps, me(req), {
          training: form.fields.training ?? '',
          completedOn: form.fields.completedOn ?? '',
          fileName: form.file.fileName,
          data: form.file.data,
        });
        flash(reply, 'Thank you: the registrar will check your certificate. You will get a mail once it is done.');
        return reply.redirect('/training#missing', 303);
      },
      (errors, status) => show(req, reply, { form: 'upload', values, errors }, status),
    );
  });
  app.get('/training/uploads/:id/file', { config: AUTH, schema: hidden }, async (req, reply) =>
    sendFile(reply, await requestFile(deps, req.auth, (req.params as { id: string }).id)),
  );
}

export const trainingFeature: Feature = {
  name: 'training',
  nav: [
    { href: '/training', label: 'Training', access: 'authenticated', order: 20 },
    { href: '/training/classes', label: 'Classes', access: CLASS_STAFF, order: 22 },
    { href: '/training/requests', label: 'Certificate checks', access: VERIFIERS, order: 24 },
    { href: '/training/import', label: 'Import certifications', access: VERIFIERS, order: 26 },
  ],
  home: trainingHome,
  routes: async (app, deps) => {
    await enableUploads(app);
    volunteerRoutes(app, deps);
    classRoutes(app, deps);
    requestRoutes(app, deps);
    importRoutes(app, deps);
    completionsApi(app, deps);
    classesApi(app, deps);
    requestsApi(app, deps);
    importApi(app, deps);
  },
};
