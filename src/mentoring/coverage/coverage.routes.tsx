import { Type } from '@sinclair/typebox';
import type { App, Deps } from '../../platform/feature.js';
import { page } from '../../platform/http/pages.js';
import { ErrorSchema } from '../../platform/http/schemas.js';
import { writeCsv } from '../../platform/csv.js';
import { COVERAGE_HEADER, coverageRows } from './coverage.rules.js';
import { CoveragePage, type CoverageFilter } from './coverage.views.js';
import { holds, MENTORS, STAFF } from '../mentoring.access.js';
import { hidden, teamLinks, viewerOf } from '../mentoring.http.js';
import { loadCoverage } from './coverage.service.js';

const filterOf = (q: Record<string, string | undefined>): CoverageFilter => ({ division: q.division ?? '', onlyMissing: q.missing === '1' || q.missing === 'true' || q.missing === 'on' });

const CoachRow = Type.Object({ personId: Type.String(), name: Type.String(), role: Type.String(), practice: Type.Integer(), game: Type.Integer(), missing: Type.Union([Type.Literal('none'), Type.Literal('practice'), Type.Literal('game'), Type.Literal('both')]) });
const CoverageSchema = Type.Object({
  season: Type.String(),
  divisions: Type.Array(
    Type.Object({
      division: Type.String(),
      coaches: Type.Integer(),
      coachesMissing: Type.Integer(),
      teams: Type.Array(Type.Object({ teamId: Type.String(), teamName: Type.String(), coaches: Type.Array(CoachRow), visitsPlanned: Type.Array(Type.Object({ sessionId: Type.String(), date: Type.String(), kind: Type.String() })) })),
    }),
  ),
});

/** Who still needs a practice or game assessment this season (coach administrator and mentors). */
export function coverageRoutes(app: App, deps: Deps): void {
  app.get('/mentoring/coverage', { config: { access: STAFF }, schema: hidden }, async (req, reply) => {
    const f = filterOf(req.query as Record<string, string>);
    const v = await loadCoverage(deps, f);
    return page(req, reply, 'Assessment coverage', () => <CoveragePage v={v} f={f} canPlan={holds(viewerOf(req), MENTORS)} linksFor={(id) => teamLinks(app, id)} />);
  });
  app.get('/mentoring/coverage.csv', { config: { access: STAFF }, schema: hidden }, async (req, reply) => {
    const f = filterOf(req.query as Record<string, string>);
    const v = await loadCoverage(deps, f);
    const name = `coverage-${v.seasonId || 'season'}${f.division ? `-${f.division}` : ''}.csv`;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
      .send(writeCsv(COVERAGE_HEADER, coverageRows(v.table), { bom: true }));
  });
  app.get(
    '/api/v1/mentoring/coverage',
    {
      config: { access: STAFF },
      schema: {
        tags: ['mentoring'],
        summary: "This season's assessment coverage: per division and team, which coaches still need a practice or a game assessment (never what assessments say)",
        querystring: Type.Object({ division: Type.Optional(Type.String()), missing: Type.Optional(Type.String({ description: '1: only coaches still missing an assessment' })) }),
        response: { 200: CoverageSchema, 401: ErrorSchema, 403: ErrorSchema },
      },
    },
    async (req) => {
      const v = await loadCoverage(deps, filterOf(req.query));
      return {
        season: v.seasonId,
        divisions: v.table.map((d) => ({
          division: d.division,
          coaches: d.coaches,
          coachesMissing: d.coachesMissing,
          teams: d.teams.map((t) => ({ ...t, visitsPlanned: (v.visits[t.teamId] ?? []).map((s) => ({ sessionId: s.id, date: s.date, kind: s.kind })) })),
        })),
      };
    },
  );
}
