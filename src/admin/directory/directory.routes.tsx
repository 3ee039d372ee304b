import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps } from '../../platform/feature.js';
import { flash, page } from '../../platform/http/pages.js';
import { actorOf, formBody, handleForm } from '../../platform/http/forms.js';
import { AppError } from '../../platform/errors.js';
import { allSeasons, getRegionConfig, seasonNow } from '../../region/index.js';
import { listTeams } from '../../teams/index.js';
import type { RawQuery } from './directory.rules.js';
import { giveRole, patchPerson, removeRole, searchPeople } from './directory.service.js';
import { personDetail } from './person.service.js';
import { directoryCsv } from './directory.csv.js';
import { DirectoryView } from './directory.views.js';
import { PersonView } from './person.views.js';
import { DIRECTORY, EDITORS, GRANTERS, directoryActor } from './directory.access.js';

const hidden = { hide: true };
const QUERY_KEYS = ['q', 'role', 'division', 'team', 'season', 'missing', 'noAccount', 'page', 'pageSize'] as const;

/** The search of the request as plain text values (anything else in the address is ignored). */
function queryValues(req: FastifyRequest): Record<string, string> {
  const q = req.query as Record<string, unknown>;
  return Object.fromEntries(QUERY_KEYS.filter((k) => typeof q[k] === 'string' && q[k] !== '').map((k) => [k, q[k] as string]));
}

async function choices(deps: Deps, season: string) {
  const config = await getRegionConfig(deps.db);
  const teamSeason = season || seasonNow(config, deps.clock)?.season.id || '';
  const teams = teamSeason ? await listTeams(deps.db, teamSeason) : [];
  return {
    seasons: allSeasons(config).map((s) => ({ id: s.season.id, name: s.season.name })),
    divisions: config.divisions.map((d) => d.code),
    teams: teams.map((t) => ({ id: t.id, name: `${t.name} (${t.division})` })),
  };
}

function directoryPage(app: App, deps: Deps) {
  app.get('/admin/people', { config: { access: DIRECTORY }, schema: hidden }, async (req, reply) => {
    const values = queryValues(req);
    const c = await choices(deps, values.season ?? '');
    const m = { values, ...c, items: [] as Awaited<ReturnType<typeof searchPeople>>['items'], total: 0, page: 1, pageSize: 50, errors: undefined as string[] | undefined };
    let status = 200;
    try {
      const r = await searchPeople(deps, values as RawQuery);
      Object.assign(m, { items: r.items, total: r.total, page: r.query.page, pageSize: r.query.pageSize });
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'VALIDATION') throw e;
      m.errors = (e.details as { errors?: string[] } | undefined)?.errors ?? [e.message];
      status = 422;
    }
    return page(req, reply, 'People', () => <DirectoryView m={m} />, { status });
  });
  app.get('/admin/people.csv', { config: { access: DIRECTORY }, schema: hidden }, async (req, reply) => {
    const r = await searchPeople(deps, queryValues(req) as RawQuery, { all: true });
    // Everyone's email and association id: kept by no cache on the way.
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="people.csv"')
      .header('cache-control', 'private, no-store')
      .send(directoryCsv(r.items));
  });
}

function personPages(app: App, deps: Deps) {
  const idOf = (req: FastifyRequest) => (req.params as { id: string }).id;
  const show = async (req: FastifyRequest, reply: FastifyReply, state: { values?: Record<string, string>; errors?: string[] } = {}, status = 200) => {
    const p = await personDetail(deps, directoryActor(req), idOf(req));
    const c = await choices(deps, p.season);
    return page(req, reply, `${p.firstName} ${p.lastName}`, (ctx) => <PersonView ctx={ctx} m={{ p, seasons: c.seasons, divisions: c.divisions, ...state }} />, { status });
  };
  const back = (req: FastifyRequest) => `/admin/people/${encodeURIComponent(idOf(req))}`;
  app.get('/admin/people/:id', { config: { access: DIRECTORY }, schema: hidden }, (req, reply) => show(req, reply));
  app.post('/admin/people/:id', { config: { access: EDITORS }, schema: hidden }, async (req, reply) => {
    const f = formBody(req);
    return handleForm(
      reply,
      async () => {
        await patchPerson(deps, actorOf(req), idOf(req), {
          firstName: f.firstName ?? '',
          lastName: f.lastName ?? '',
          email: f.email ?? '',
          phone: f.phone ?? '',
          associationId: f.associationId ?? '',
        });
        flash(reply, 'Contact details saved.');
        return reply.redirect(back(req), 303);
      },
      (errors, status) => show(req, reply, { values: f, errors }, status),
    );
  });
  app.post('/admin/people/:id/roles', { config: { access: GRANTERS }, schema: hidden }, async (req, reply) => {
    const f = formBody(req);
    return handleForm(
      reply,
      async () => {
        await giveRole(deps, directoryActor(req), idOf(req), f.season ?? '', { role: f.role ?? '', division: f.division ?? '' });
        flash(reply, 'Role given.');
        return reply.redirect(back(req), 303);
      },
      (errors, status) => show(req, reply, { errors }, status),
    );
  });
  app.post('/admin/people/:id/roles/:grant/revoke', { config: { access: GRANTERS }, schema: hidden }, async (req, reply) =>
    handleForm(
      reply,
      async () => {
        await removeRole(deps, directoryActor(req), idOf(req), (req.params as { grant: string }).grant);
        flash(reply, 'Role removed.');
        return reply.redirect(back(req), 303);
      },
      (errors, status) => show(req, reply, { errors }, status),
    ),
  );
}

/** The directory's pages (/admin/people, a person's page, its forms and the CSV). */
export function directoryRoutes(app: App, deps: Deps): void {
  directoryPage(app, deps);
  personPages(app, deps);
}
