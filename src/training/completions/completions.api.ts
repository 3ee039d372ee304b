/** /api/v1 for completions: record one, list a person's, their trainings today, a certificate PDF. */
import { Type } from '@sinclair/typebox';
import type { App, Deps } from '../../platform/feature.js';
import { forbidden } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/forms.js';
import { ErrorSchema } from '../../platform/http/schemas.js';
import { canSeeTrainings, completionCertificate, personCompletions, recordCompletion, RECORDERS, trainingOverview } from './completions.service.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const CompletionSchema = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  training: Type.String({ description: 'training code' }),
  part: Type.String(),
  code: Type.String({ description: 'completion code: `safe-haven`, or `coach-10u:field` for a part of a two-part course' }),
  label: Type.String(),
  completedOn: Type.String({ description: 'YYYY-MM-DD' }),
  expiresOn: Nullable(Type.String({ description: 'first day it no longer counts; null when the training never expires' })),
  source: Type.Union([Type.Literal('online'), Type.Literal('instructor'), Type.Literal('import'), Type.Literal('administrator'), Type.Literal('upload')]),
  certificateNo: Type.String(),
  classSessionId: Nullable(Type.String()),
  recordedBy: Nullable(Type.String()),
  recordedAt: Type.String(),
});

const TrainingLineSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  state: Type.Union([Type.Literal('valid'), Type.Literal('expires-soon'), Type.Literal('expired'), Type.Literal('in-progress'), Type.Literal('not-started')]),
  completedOn: Nullable(Type.String()),
  expiresOn: Nullable(Type.String()),
  partsMissing: Type.Array(Type.String()),
  next: Nullable(Type.String()),
});

const PersonParams = Type.Object({ id: Type.String() });
const tags = ['trainings'];

export function completionsApi(app: App, deps: Deps): void {
  app.post(
    '/api/v1/people/:id/completions',
    {
      config: { access: RECORDERS },
      schema: {
        tags,
        summary: 'Record a completion for a person (board); audited',
        description:
          'Codes: 422 UNKNOWN_TRAINING, PART_REQUIRED (a two-part course needs `coach-10u:online`, `coach-10u:field`, `coach-12u:online` or `coach-12u:in-person`), UNKNOWN_PART, FUTURE_DATE, VALIDATION; 404 NOT_FOUND; 409 COMPLETION_EXISTS.',
        params: PersonParams,
        body: Type.Object({ training: Type.String({ maxLength: 80 }), completedOn: Type.String({ maxLength: 20 }) }),
        response: { 201: CompletionSchema, 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await recordCompletion(deps, actorOf(req), req.params.id, req.body)),
  );
  app.get(
    '/api/v1/people/:id/completions',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: "A person's completions, newest first (the person or the board)",
        params: PersonParams,
        response: { 200: Type.Array(CompletionSchema), 403: ErrorSchema },
      },
    },
    async (req) => {
      if (!canSeeTrainings(req.auth, req.params.id)) throw forbidden("Only the person and the board can see someone's trainings.");
      return personCompletions(deps, req.params.id);
    },
  );
  app.get(
    '/api/v1/people/:id/trainings',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Every training of the catalog and where the person stands on it today (the person or the board)',
        params: PersonParams,
        response: { 200: Type.Array(TrainingLineSchema), 403: ErrorSchema },
      },
    },
    async (req) => {
      if (!canSeeTrainings(req.auth, req.params.id)) throw forbidden("Only the person and the board can see someone's trainings.");
      const o = await trainingOverview(deps, req.params.id);
      return o.lines.map((l) => ({
        code: l.code,
        name: l.name,
        state: l.state,
        completedOn: l.status.completedOn,
        expiresOn: l.status.expiresOn,
        partsMissing: l.status.partsMissing,
        next: l.next,
      }));
    },
  );
  app.get(
    '/api/v1/completions/:id/certificate.pdf',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The certificate of a completion as a PDF (the person or the board)',
        params: PersonParams,
        produces: ['application/pdf'],
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'the PDF' }), 403: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (req, reply) => {
      const c = await completionCertificate(deps, req.auth, req.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${c.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(c.pdf));
    },
  );
}
