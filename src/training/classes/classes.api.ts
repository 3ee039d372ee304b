/** /api/v1 for in-person classes: list, schedule, register, cancel, roster, credit. */
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { App, Deps } from '../../platform/feature.js';
import { ErrorSchema } from '../../platform/http/schemas.js';
import { cancelRegistration, cancelSession, CLASS_STAFF, createSession, register, type ClassActor } from './classes.service.js';
import { creditAttendees } from './credits.service.js';
import { classesModel, rosterOf } from './class-lists.service.js';
import { volunteerTraining } from '../volunteer.service.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const SessionSchema = Type.Object({
  id: Type.String(),
  training: Type.String(),
  part: Type.String(),
  label: Type.String(),
  date: Type.String(),
  startTime: Type.String(),
  endTime: Type.String(),
  place: Type.String(),
  capacity: Type.Integer(),
  registered: Type.Integer(),
  seatsLeft: Type.Integer(),
  instructorId: Type.String(),
  instructorName: Type.String(),
  cancelledAt: Nullable(Type.String()),
});

const OpenClassSchema = Type.Composite([
  SessionSchema,
  Type.Object({ action: Type.String({ description: 'register | registered | full | done | blocked' }), reasons: Type.Array(Type.String()) }),
]);

const RegistrationSchema = Type.Object({ id: Type.String(), sessionId: Type.String(), personId: Type.String(), registeredAt: Type.String(), creditedAt: Nullable(Type.String()) });

const Id = Type.Object({ id: Type.String() });
const tags = ['classes'];
const STAFF = { access: CLASS_STAFF };
const AUTH = { access: 'authenticated' as const };

const actor = (req: FastifyRequest): ClassActor => ({ id: req.auth!.personId, name: req.auth!.name, roles: req.auth!.roles.map((r) => r.role) });

export function classesApi(app: App, deps: Deps): void {
  app.get(
    '/api/v1/classes',
    { config: AUTH, schema: { tags, summary: 'Classes open for registration, with seats left and whether you can register', response: { 200: Type.Array(OpenClassSchema) } } },
    async (req) =>
      (await volunteerTraining(deps, req.auth!.personId)).classes.map((c) => ({ ...c, action: c.action.kind, reasons: c.action.kind === 'blocked' ? c.action.reasons : [] })),
  );
  app.get(
    '/api/v1/classes/all',
    { config: STAFF, schema: { tags, summary: 'Every class from 60 days ago on (instructors and the coach administrator)', response: { 200: Type.Array(SessionSchema) } } },
    async (req) => {
      const m = await classesModel(deps, actor(req));
      return [...m.recent.reverse(), ...m.upcoming];
    },
  );
  app.post(
    '/api/v1/classes',
    {
      config: STAFF,
      schema: {
        tags,
        summary: 'Schedule a class for an in-person part (`coach-12u:in-person`, `coach-10u:field`, ...); audited',
        body: Type.Object({
          training: Type.String({ maxLength: 80 }),
          date: Type.String({ maxLength: 20 }),
          startTime: Type.String({ maxLength: 10 }),
          endTime: Type.String({ maxLength: 10 }),
          place: Type.String({ maxLength: 200 }),
          capacity: Type.Integer(),
          instructorId: Type.Optional(Type.String()),
        }),
        response: { 201: Type.Object({ id: Type.String() }), 422: ErrorSchema },
      },
    },
    async (req, reply) => {
      const s = await createSession(deps, actor(req), { ...req.body, code: req.body.training });
      return reply.code(201).send({ id: s.id });
    },
  );
  app.post(
    '/api/v1/classes/:id/registrations',
    {
      config: AUTH,
      schema: {
        tags,
        summary: 'Register yourself (409 CLASS_FULL, ALREADY_REGISTERED; 422 PREREQUISITE_MISSING with details.missing)',
        params: Id,
        response: { 201: RegistrationSchema, 404: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await register(deps, req.auth!.personId, req.params.id)),
  );
  app.delete(
    '/api/v1/classes/:id/registrations/me',
    { config: AUTH, schema: { tags, summary: 'Cancel your registration before the class starts', params: Id, response: { 204: Type.Null(), 404: ErrorSchema, 422: ErrorSchema } } },
    async (req, reply) => {
      await cancelRegistration(deps, req.auth!.personId, req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/v1/classes/:id/roster',
    {
      config: STAFF,
      schema: {
        tags,
        summary: 'Registered attendees of a class (its instructor, the coach and region administrators)',
        params: Id,
        response: {
          200: Type.Object({
            session: SessionSchema,
            attendees: Type.Array(
              Type.Object({ personId: Type.String(), name: Type.String(), email: Nullable(Type.String()), registeredAt: Type.String(), creditedAt: Nullable(Type.String()) }),
            ),
          }),
          403: ErrorSchema,
          404: ErrorSchema,
        },
      },
    },
    async (req) => rosterOf(deps, actor(req), req.params.id),
  );
  app.post(
    '/api/v1/classes/:id/credits',
    {
      config: STAFF,
      schema: {
        tags,
        summary: 'Credit registered attendees: records their completions dated the class day; audited',
        description: 'All or nothing: anyone who did not register refuses the request with 422 NOT_REGISTERED (details.personIds).',
        params: Id,
        body: Type.Object({ personIds: Type.Array(Type.String(), { minItems: 1, maxItems: 500 }) }),
        response: { 200: Type.Object({ credited: Type.Array(Type.String()), alreadyCredited: Type.Array(Type.String()) }), 403: ErrorSchema, 404: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (req) => creditAttendees(deps, actor(req), req.params.id, req.body.personIds),
  );
  app.post(
    '/api/v1/classes/:id/cancel',
    {
      config: STAFF,
      schema: {
        tags,
        summary: 'Cancel a class nobody was credited for; registered people get a mail; audited',
        params: Id,
        response: { 204: Type.Null(), 403: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (req, reply) => {
      await cancelSession(deps, actor(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
}
