import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps, Feature } from '../platform/feature.js';
import { AppError } from '../platform/errors.js';
import { fragment, isHtmx, page } from '../platform/http/pages.js';
import type { Role } from '../platform/roles.js';
import { allSeasons } from '../region/index.js';
import { seasonNow } from '../region/index.js';
import { catalogOf } from '../training/index.js';
import { complianceApi } from './compliance.api.js';
import { dashboard, homeSummary } from './compliance.service.js';
import { homeCards } from './compliance.home.js';
import { DashboardResults, DashboardView, type DashboardProps } from './compliance.views.js';
import { dashboardCsv } from './dashboard.csv.js';
import { readFilters, type RawFilters } from './dashboard.rules.js';

/** Who sees the compliance dashboard and its export. */
export const COMPLIANCE_BOARD: readonly Role[] = ['coach-administrator', 'registrar', 'region-administrator', 'safety-director'];
const BOARD = { access: COMPLIANCE_BOARD };
const hidden = { hide: true };
const FILTER_KEYS = ['season', 'division', 'role', 'status', 'element', 'q'] as const;

/** The filters of the query string (a repeated parameter keeps its last value). */
function rawFilters(req: FastifyRequest): RawFilters {
  const q = (req.query ?? {}) as Record<string, unknown>;
  const one = (v: unknown) => (Array.isArray(v) ? String(v.at(-1) ?? '') : v === undefined ? undefined : String(v));
  return Object.fromEntries(FILTER_KEYS.map((k) => [k, one(q[k])]));
}

/** The query string of the filters that are set, for the CSV link and the pushed URL. */
function queryOf(raw: RawFilters): string {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) if (raw[k]) p.set(k, raw[k]!);
  return p.toString();
}

async function dashboardProps(req: FastifyRequest, deps: Deps): Promise<{ props: DashboardProps; status: number }> {
  const raw = rawFilters(req);
  const config = await req.regionConfig();
  const pageNo = Number((req.query as { page?: unknown }).page);
  const base = {
    seasons: allSeasons(config).map((s) => ({ id: s.season.id, name: s.season.name })),
    divisions: config.divisions.map((d) => d.code),
    catalog: catalogOf(config),
    query: queryOf(raw),
    page: Number.isInteger(pageNo) && pageNo > 0 ? pageNo : 1,
  };
  try {
    const d = await dashboard(deps, raw, config);
    return { props: { ...base, filters: d.filters, rows: d.rows }, status: 200 };
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'VALIDATION') throw e;
    const { filters } = readFilters(raw, config, seasonNow(config, deps.clock)?.season.id ?? '');
    return { props: { ...base, filters, rows: [], errors: (e.details as { errors: string[] }).errors }, status: 422 };
  }
}

async function dashboardPage(req: FastifyRequest, reply: FastifyReply, deps: Deps) {
  const { props, status } = await dashboardProps(req, deps);
  reply.header('vary', 'HX-Request');
  if (isHtmx(req) && req.headers['hx-history-restore-request'] !== 'true') return fragment(reply, <DashboardResults {...props} />, status);
  return page(req, reply, 'Coach compliance', () => <DashboardView {...props} />, { status });
}

function routes(app: App, deps: Deps): void {
  app.get('/compliance', { config: BOARD, schema: hidden }, (req, reply) => dashboardPage(req, reply, deps));
  app.get('/compliance/export.csv', { config: BOARD, schema: hidden }, async (req, reply) => {
    const d = await dashboard(deps, rawFilters(req), await req.regionConfig());
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="compliance-${d.filters.seasonId.replace(/[^\w.-]/g, '')}.csv"`)
      .send(dashboardCsv(d.rows, catalogOf(d.config)));
  });
  complianceApi(app, deps);
}

export const complianceFeature: Feature = {
  name: 'compliance',
  nav: [{ href: '/compliance', label: 'Compliance', access: COMPLIANCE_BOARD, order: 40 }],
  home: async (req, deps) => {
    if (!req.auth) return [];
    const h = await homeSummary(deps, req.auth.personId);
    return h ? homeCards(h.seasonName, h.summary) : [];
  },
  routes,
};
