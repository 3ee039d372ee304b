import { Type } from '@sinclair/typebox';
import type { App, Deps } from '../../platform/feature.js';
import { ErrorSchema } from '../../platform/http/schemas.js';
import { CRITERIA, SCALE, TEXT_LIMIT, MESSAGE_LIMIT } from './assessments.rules.js';
import { acknowledgeAssessment, postMessage, recordAssessment, viewAssessment, visibleAssessments } from './assessments.service.js';
import { MENTORS } from '../mentoring.access.js';
import { viewerOf } from '../mentoring.http.js';

const tags = ['mentoring'];
const AUTH = { access: 'authenticated' as const };
const Id = Type.Object({ id: Type.String() });
const scaleText = `${SCALE.map((s) => `${s.value} ${s.label}`).join(', ')}; null: not observed`;
const rating = (label: string) => Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: SCALE.length }), Type.Null()], { description: `${label}: ${scaleText}` }));
const Ratings = Type.Object(Object.fromEntries(CRITERIA.map((c) => [c.code, rating(c.label)])));

const Summary = Type.Object({
  id: Type.String(),
  seasonId: Type.String(),
  coachId: Type.String(),
  coachName: Type.String(),
  mentorId: Type.String(),
  mentorName: Type.String(),
  teamId: Type.String(),
  teamName: Type.String(),
  division: Type.String(),
  date: Type.String(),
  kind: Type.Union([Type.Literal('practice'), Type.Literal('game')]),
  acknowledgedAt: Type.Union([Type.String(), Type.Null()]),
  messages: Type.Integer(),
});

const Full = Type.Intersect([
  Summary,
  Type.Object({
    ratings: Ratings,
    strengths: Type.String(),
    workOn: Type.String(),
    notes: Type.String(),
    createdAt: Type.String(),
    thread: Type.Array(Type.Object({ seq: Type.Integer(), authorId: Type.String(), authorName: Type.String(), body: Type.String(), createdAt: Type.String() })),
  }),
]);

const NewAssessment = Type.Object({
  teamId: Type.String(),
  coachId: Type.String(),
  kind: Type.Union([Type.Literal('practice'), Type.Literal('game')]),
  date: Type.String({ description: 'YYYY-MM-DD, today or earlier' }),
  ratings: Ratings,
  strengths: Type.String({ maxLength: TEXT_LIMIT }),
  workOn: Type.String({ maxLength: TEXT_LIMIT }),
  notes: Type.Optional(Type.String({ maxLength: TEXT_LIMIT })),
});

const PRIVATE = 'Visible only to the coach assessed, the mentor who wrote it and the coach administrator; anyone else gets 404.';

/** /api/v1/mentoring/assessments: record, read (one to one), acknowledge, the question thread. */
export function assessmentsApi(app: App, deps: Deps): void {
  app.get(
    '/api/v1/mentoring/assessments',
    {
      config: AUTH,
      schema: {
        tags,
        summary: 'Assessments you may read: about you, written by you, or (coach administrator) every one',
        querystring: Type.Object({ season: Type.Optional(Type.String()), coach: Type.Optional(Type.String()) }),
        response: { 200: Type.Array(Summary) },
      },
    },
    async (req) => visibleAssessments(deps, viewerOf(req), { seasonId: req.query.season, coachId: req.query.coach }) as never,
  );
  app.post(
    '/api/v1/mentoring/assessments',
    {
      config: { access: MENTORS },
      schema: {
        tags,
        summary: 'Record an assessment of a coach of a team (mentors); the coach is mailed a link',
        body: NewAssessment,
        response: { 201: Type.Object({ id: Type.String() }), 422: ErrorSchema },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const id = await recordAssessment(deps, viewerOf(req), { ...b, notes: b.notes ?? '', ratings: b.ratings as Record<string, number | null> });
      return reply.code(201).send({ id });
    },
  );
  app.get(
    '/api/v1/mentoring/assessments/:id',
    { config: AUTH, schema: { tags, summary: `One assessment with its thread. ${PRIVATE}`, params: Id, response: { 200: Full, 404: ErrorSchema } } },
    async (req) => {
      const d = await viewAssessment(deps, viewerOf(req), req.params.id);
      return { ...d.assessment, thread: d.messages } as never;
    },
  );
  app.post(
    '/api/v1/mentoring/assessments/:id/acknowledge',
    {
      config: AUTH,
      schema: { tags, summary: `The coach acknowledges having read it. ${PRIVATE}`, params: Id, response: { 204: Type.Null(), 403: ErrorSchema, 404: ErrorSchema } },
    },
    async (req, reply) => {
      await acknowledgeAssessment(deps, viewerOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/v1/mentoring/assessments/:id/messages',
    {
      config: AUTH,
      schema: {
        tags,
        summary: `The coach asks or the mentor answers in the thread; the other is mailed. ${PRIVATE}`,
        params: Id,
        body: Type.Object({ body: Type.String({ maxLength: MESSAGE_LIMIT }) }),
        response: { 201: Type.Object({ seq: Type.Integer() }), 403: ErrorSchema, 404: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (req, reply) => reply.code(201).send({ seq: await postMessage(deps, viewerOf(req), req.params.id, req.body.body) }),
  );
}
