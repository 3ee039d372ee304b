import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { App, Deps } from '../../platform/feature.js';
import { actorOf } from '../../platform/http/forms.js';
import { ErrorSchema } from '../../platform/http/schemas.js';
import { MAX_DECISIONS, MAX_REASON } from './decisions.rules.js';
import { DECIDERS } from './decisions.access.js';
import { decideRoleRequests, listRoleRequests, type Decider, type DecisionDeps } from './decisions.service.js';

/** /api/v1/role-requests: the roles applications ask for and the board's decisions on them. */

export const decisionDeps = (d: Deps): DecisionDeps => ({ db: d.db, clock: d.clock, mailer: d.mailer, baseUrl: d.config.baseUrl });

/** The person deciding, with the roles they hold in force. */
export function deciderOf(req: FastifyRequest): Decider {
  return { ...actorOf(req), roles: [...new Set(req.auth!.roles.map((r) => r.role))] };
}

const Nullable = (description: string) => Type.Union([Type.String(), Type.Null()], { description });

export const RoleRequestSchema = Type.Object({
  id: Type.String(),
  applicationId: Type.String(),
  personId: Type.String(),
  name: Type.String({ description: "the applicant's name" }),
  season: Type.String(),
  role: Type.String(),
  division: Type.String(),
  status: Type.Union([Type.Literal('requested'), Type.Literal('granted'), Type.Literal('declined')]),
  requestedAt: Type.String(),
  decidedAt: Nullable('when it was decided (or granted at once)'),
  decidedBy: Nullable("the decider's person id; null for a role granted at once"),
  reason: Nullable('the reason given with the decision, if any'),
});

const Query = Type.Object({
  season: Type.Optional(Type.String({ maxLength: 100, description: 'a season id; empty or absent: every season' })),
  status: Type.Optional(Type.String({ maxLength: 100, description: 'requested (the default), granted or declined; empty: any' })),
  role: Type.Optional(Type.String({ maxLength: 100 })),
  division: Type.Optional(Type.String({ maxLength: 100 })),
  page: Type.Optional(Type.String({ maxLength: 10, description: 'from 1 (default 1)' })),
  pageSize: Type.Optional(Type.String({ maxLength: 10, description: '1 to 200 (default 50)' })),
});

const DecisionsBody = Type.Object(
  {
    decisions: Type.Array(
      Type.Object(
        {
          id: Type.String({ minLength: 1, maxLength: 100 }),
          decision: Type.Union([Type.Literal('grant'), Type.Literal('decline')]),
          reason: Type.Optional(Type.String({ maxLength: MAX_REASON })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: MAX_DECISIONS },
    ),
  },
  { additionalProperties: false },
);

export function decisionsApi(app: App, deps: Deps): void {
  const dd = decisionDeps(deps);
  app.get(
    '/api/v1/role-requests',
    {
      config: { access: DECIDERS },
      schema: {
        tags: ['volunteers'],
        summary: 'Roles applications ask for, oldest first: only those the caller may decide (coach administrator: coaching roles; registrar: the others)',
        querystring: Query,
        response: {
          200: Type.Object({ items: Type.Array(RoleRequestSchema), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }),
          422: ErrorSchema,
        },
      },
    },
    async (req) => {
      const p = await listRoleRequests(dd, deciderOf(req).roles, req.query);
      return { items: p.items, total: p.total, page: p.page, pageSize: p.pageSize };
    },
  );
  app.post(
    '/api/v1/role-requests/decisions',
    {
      config: { access: DECIDERS },
      schema: {
        tags: ['volunteers'],
        summary: 'Grant or decline role requests, all or nothing; each applicant is mailed',
        description:
          '422 names each unreadable item or unknown request; 403 names each role the caller may not decide; 409 names each request already decided. Nothing is written unless every decision can be made.',
        body: DecisionsBody,
        response: { 200: Type.Object({ granted: Type.Integer(), declined: Type.Integer() }), 403: ErrorSchema, 409: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (req) => decideRoleRequests(dd, deciderOf(req), req.body.decisions),
  );
}
