import { withCheckResult } from './compliance.rules.js';
import { Type } from '@sinclair/typebox';
import type { App, Deps } from '../platform/feature.js';
import { AppError } from '../platform/errors.js';
import { hasAnyRole } from '../platform/http/access.js';
import { ErrorSchema } from '../platform/http/schemas.js';
import { BOARD_ROLES } from '../platform/roles.js';
import { dashboardPage, personCompliance } from './compliance.service.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './dashboard.rules.js';

const Missing = Type.Object({
  element: Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)], { description: '1 volunteer application, 2 safety trainings, 3 age-level certification' }),
  code: Type.String({
    description:
      'What is missing: a training code (coach-10u:field for one part of a two-part course) or an application code such as APPLICATION_MISSING, SSN_MISSING, SIGNATURE_MISSING',
  }),
  message: Type.String({ description: 'One line saying how to complete it' }),
});

const Answer = Type.Object({ certified: Type.Boolean(), missing: Type.Array(Missing) });

const Row = Type.Object({
  personId: Type.String(),
  name: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  role: Type.String(),
  division: Type.String(),
  certified: Type.Boolean(),
  missing: Type.Array(Missing),
});

const Page = Type.Object(
  {
    items: Type.Array(Row, { description: "This page's rows, in the dashboard's order (division, role, last and first name)" }),
    total: Type.Integer({ description: 'Rows over every page, with the filters' }),
    page: Type.Integer({ description: 'This page, from 1' }),
    pageSize: Type.Integer({ description: 'Rows per page' }),
  },
  { additionalProperties: false },
);

const filter = (description: string) => Type.Optional(Type.String({ description }));

/** /api/v1 for compliance: one person's answer for a role and division, and the board's list. */
export function complianceApi(app: App, deps: Deps): void {
  app.get(
    '/api/v1/people/:id/compliance',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['compliance'],
        summary: 'Whether a person is certified for a role in a division, and what is missing, element by element',
        description: 'The person themself, or the board (registrar, coach administrator, safety director, region administrator). The season defaults to the current one.',
        params: Type.Object({ id: Type.String() }),
        querystring: Type.Object({
          season: filter('Season id, e.g. 2026-fall (default: the current season)'),
          role: Type.String({ description: 'head-coach, assistant-coach, field-helper or youth-volunteer' }),
          division: Type.String({ description: 'Division code, e.g. 10U' }),
        }),
        response: { 200: Answer, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (req) => {
      if (req.auth!.personId !== req.params.id && !hasAnyRole(req.auth, BOARD_ROLES))
        throw new AppError('FORBIDDEN', "Only the person themself and the region's board can see a person's certification.");
      const a = await personCompliance(deps, { personId: req.params.id, seasonId: req.query.season, role: req.query.role, division: req.query.division });
      return { ...a, missing: withCheckResult(a.missing, req.auth!.personId === req.params.id || hasAnyRole(req.auth, ['safety-director'])) };
    },
  );
  app.get(
    '/api/v1/compliance',
    {
      config: { access: BOARD_ROLES },
      schema: {
        tags: ['compliance'],
        summary: 'Every division role held in a season, certified or not, with what is missing (the dashboard), a page at a time',
        querystring: Type.Object({
          season: filter('Season id (default: the current season)'),
          division: filter('Only this division'),
          role: filter('Only this role'),
          status: Type.Optional(Type.Union([Type.Literal('certified'), Type.Literal('missing')])),
          element: Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('2'), Type.Literal('3')], { description: 'Only rows missing something of this element' })),
          q: filter('Part of a name or email'),
          page: filter('Page number, a whole number from 1 (default 1); a page past the last one is empty'),
          pageSize: filter(`Rows per page, a whole number from 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})`),
        }),
        response: { 200: Page, 401: ErrorSchema, 403: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (req) => {
      const d = await dashboardPage(deps, req.query, await req.regionConfig());
      const seesChecks = hasAnyRole(req.auth, ['safety-director']);
      return {
        items: d.rows.map((r) => ({
          personId: r.personId,
          name: `${r.firstName} ${r.lastName}`.trim(),
          email: r.email,
          role: r.role,
          division: r.division,
          certified: r.certified,
          missing: withCheckResult(r.missing, seesChecks),
        })),
        total: d.total,
        page: d.page.page,
        pageSize: d.page.pageSize,
      };
    },
  );
}
