import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Deps, Feature, HomeCard } from '../platform/feature.js';
import { page } from '../platform/http/pages.js';
import { ping } from '../platform/db/database.js';
import { hasAnyRole } from '../platform/http/access.js';
import { registeredFeatures } from '../platform/registry.js';
import { ROLE_LABELS } from '../platform/roles.js';
import { countPeopleWithRole } from '../people/index.js';
import { guardianLabel } from '../families/index.js';
import { regionSetupSteps } from './checklist.service.js';
import { SetupChecklist } from './checklist.views.js';

/** The administrator's own card: the region's set-up steps, with their state and where each is done. */
async function adminCard(req: FastifyRequest, deps: Deps): Promise<HomeCard[]> {
  if (!hasAnyRole(req.auth, ['region-administrator'])) return [];
  const steps = await regionSetupSteps(deps);
  const admins = await countPeopleWithRole(deps.db, 'region-administrator');
  return [
    {
      title: 'Region set-up',
      order: 5,
      body: (
        <>
          <SetupChecklist steps={steps} />
          {admins < 2 ? (
            <p>
              Give a second board member the administrator role, so the region never depends on one person: <a href="/admin/people">People</a>.
            </p>
          ) : null}
        </>
      ),
    },
  ];
}

async function cards(req: FastifyRequest, deps: Deps): Promise<HomeCard[]> {
  const all = await Promise.all([adminCard(req, deps), ...registeredFeatures().map((f) => (f.home ? f.home(req, deps) : Promise.resolve([])))]);
  return all.flat().sort((a, b) => a.order - b.order);
}

export const homeFeature: Feature = {
  name: 'home',
  nav: [{ href: '/', label: 'Home', access: 'public', order: 0 }],
  routes: (app, deps) => {
    app.get('/', { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) => {
      if (!req.auth) {
        return page(
          req,
          reply,
          'Welcome',
          (ctx) => (
            <section class="narrow">
              <h1>{ctx.regionName}: coaches and volunteers</h1>
              <p>Apply to volunteer, complete your trainings, get your coach badge, book practice fields, sign up for mentoring and fill in game cards: all in one place.</p>
              <p>
                <a href="/coaches">New to coaching? What it takes, step by step</a>
              </p>
              <p>
                <a class="button" href="/login">
                  Log in
                </a>{' '}
                <a class="button secondary" href="/signup">
                  Create an account
                </a>
              </p>
            </section>
          ),
          { indexable: true, description: 'Coach and volunteer portal of the region: applications, trainings, badges, practice fields, mentoring and game cards.' },
        );
      }
      const [list, guardian] = await Promise.all([cards(req, deps), guardianLabel(deps, await req.regionConfig(), req.auth)]);
      const roles = [...new Set(req.auth.roles.map((r) => ROLE_LABELS[r.role] ?? r.role))];
      if (guardian) roles.push(roles.length ? guardian : guardian.charAt(0).toUpperCase() + guardian.slice(1));
      return page(req, reply, 'Home', (ctx) => (
        <>
          <h1>Hello, {req.auth!.name.split(' ')[0]}</h1>
          <p>{roles.length ? `Your roles: ${roles.join(', ')}.` : 'You hold no roles yet.'}</p>
          {list.map((c) => (
            <section class="card">
              <h2>{c.title}</h2>
              {typeof c.body === 'function' ? c.body(ctx.csrf) : c.body}
            </section>
          ))}
          {list.length === 0 ? (
            <p>
              Nothing is waiting for you. <a href="/profile">Check your profile</a>.
            </p>
          ) : null}
        </>
      ));
    });
    app.get(
      '/healthz',
      {
        config: { access: 'public' },
        schema: {
          tags: ['health'],
          summary: '200 when the database answers, 503 otherwise',
          security: [],
          response: { 200: Type.Object({ status: Type.String() }), 503: Type.Object({ status: Type.String() }) },
        },
      },
      async (_req, reply) => ((await ping(deps.db)) ? reply.send({ status: 'ok' }) : reply.code(503).send({ status: 'database unreachable' })),
    );
  },
};
