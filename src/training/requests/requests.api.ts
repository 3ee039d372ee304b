/** /api/v1 for uploaded certificates (missing certifications). */
import { Type } from '@sinclair/typebox';
import type { App, Deps } from '../../platform/feature.js';
import { AppError } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/forms.js';
import { ErrorSchema } from '../../platform/http/schemas.js';
import { getRegionConfig } from '../../region/index.js';
import { catalogOf } from '../catalog.rules.js';
import { completionLabel } from '../training.rules.js';
import { MAX_CERTIFICATE_BYTES, rejectRequest, requestFile, submitRequest, verifyRequest, VERIFIERS } from './requests.service.js';
import { listRequests, type RequestListRow, type RequestStatus } from './requests.store.js';
import { readUpload, sendFile } from '../../platform/http/uploads.js';

const RequestSchema = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  personName: Type.String(),
  training: Type.String(),
  part: Type.String(),
  label: Type.String(),
  completedOn: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('verified'), Type.Literal('rejected')]),
  reason: Type.Union([Type.String(), Type.Null()]),
  fileName: Type.String(),
  contentType: Type.String(),
  createdAt: Type.String(),
});

const Id = Type.Object({ id: Type.String() });
const tags = ['trainings'];
const AUTH = { access: 'authenticated' as const };
const CHECK = { access: VERIFIERS };

async function toApi(deps: Deps, rows: RequestListRow[]) {
  const catalog = catalogOf(await getRegionConfig(deps.db));
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    personName: r.person_name,
    training: r.training,
    part: r.part,
    label: completionLabel(catalog, r.training, r.part),
    completedOn: r.completed_on,
    status: r.status as RequestStatus,
    reason: r.reason,
    fileName: r.file_name,
    contentType: r.content_type,
    createdAt: r.created_at,
  }));
}

export function requestsApi(app: App, deps: Deps): void {
  app.post(
    '/api/v1/me/certificate-requests',
    {
      config: AUTH,
      schema: {
        tags,
        summary: 'Upload the certificate of a completion that does not show (multipart: training, completedOn, file)',
        description:
          'The file must be a PDF, JPEG or PNG (checked by content; 422 UNSUPPORTED_FILE) of at most 10 MB (413). It waits as pending until the registrar verifies or rejects it.',
        consumes: ['multipart/form-data'],
        response: { 201: Type.Object({ id: Type.String(), status: Type.Literal('pending') }), 413: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (req, reply) => {
      const form = await readUpload(req, MAX_CERTIFICATE_BYTES, 'certificate');
      if (!form.file) throw new AppError('VALIDATION', 'Send the certificate in the "file" field.');
      const id = await submitRequest(deps, req.auth!.personId, {
        training: form.fields.training ?? '',
        completedOn: form.fields.completedOn ?? '',
        fileName: form.file.fileName,
        data: form.file.data,
      });
      return reply.code(201).send({ id, status: 'pending' as const });
    },
  );
  app.get(
    '/api/v1/me/certificate-requests',
    { config: AUTH, schema: { tags, summary: 'Your uploaded certificates and their status', response: { 200: Type.Array(RequestSchema) } } },
    async (req) => toApi(deps, await listRequests(deps.db, { personId: req.auth!.personId, newestFirst: true })),
  );
  app.get(
    '/api/v1/certificate-requests',
    {
      config: CHECK,
      schema: {
        tags,
        summary: "The registrar's queue (pending by default, oldest first)",
        querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('verified'), Type.Literal('rejected')])) }),
        response: { 200: Type.Array(RequestSchema) },
      },
    },
    async (req) => toApi(deps, await listRequests(deps.db, { status: req.query.status ?? 'pending' })),
  );
  app.get(
    '/api/v1/certificate-requests/:id/file',
    {
      config: AUTH,
      schema: { tags, summary: 'The uploaded file (its owner, the registrar, the region administrator)', params: Id, response: { 403: ErrorSchema, 404: ErrorSchema } },
    },
    async (req, reply) => sendFile(reply, await requestFile(deps, req.auth, req.params.id)),
  );
  app.post(
    '/api/v1/certificate-requests/:id/verify',
    {
      config: CHECK,
      schema: { tags, summary: 'Accept: records the completion (source upload); audited', params: Id, response: { 204: Type.Null(), 404: ErrorSchema, 409: ErrorSchema } },
    },
    async (req, reply) => {
      await verifyRequest(deps, actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/v1/certificate-requests/:id/reject',
    {
      config: CHECK,
      schema: {
        tags,
        summary: 'Refuse with a reason the volunteer reads; audited',
        params: Id,
        body: Type.Object({ reason: Type.String({ maxLength: 500 }) }),
        response: { 204: Type.Null(), 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (req, reply) => {
      await rejectRequest(deps, actorOf(req), req.params.id, req.body.reason);
      return reply.code(204).send(null);
    },
  );
}
