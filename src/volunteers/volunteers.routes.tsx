import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../platform/errors.js';
import type { App, Deps, Feature } from '../platform/feature.js';
import { flash, page } from '../platform/http/pages.js';
import { actorOf, formBody, formList, handleForm } from '../platform/http/forms.js';
import { findPersonRow } from '../people/index.js';
import { VOLUNTEER_ROLES, type Role } from '../platform/roles.js';
import { ageOn, allSeasons } from '../region/index.js';
import { regionToday, seasonNow } from '../region/index.js';
import type { RegionConfig } from '../region/index.js';
import { ADULT_AGE, YOUTH_ROLE } from './application.rules.js';
import { submitApplication, volunteerDeps } from './applications.service.js';
import { recordBackgroundCheck } from './checks.service.js';
import { aSafetyDirector, findApplicationRow, listForSafety, sealedPending, toApplication } from './applications.store.js';
import { screeningStatus } from './screening.service.js';
import { screeningApi } from './screening.api.js';
import { hasAnyRole } from '../platform/http/access.js';
import { volunteersApi } from './volunteers.api.js';
import { VolunteerView, type VolunteerModel } from './volunteers.views.js';
import { SafetyChecksView, ScreeningKeyView } from './safety.views.js';
import { volunteersHome } from './volunteers.home.js';
import { decisionsPages } from './decisions/decisions.routes.js';
import { requestsOfApplication } from './decisions/requests.store.js';
import { decisionsApi } from './decisions/decisions.api.js';
import { DECIDERS } from './decisions/decisions.access.js';

const AUTH = { access: 'authenticated' as const };
const SAFETY = { access: ['safety-director'] as const };
/** The screening key page: the safety director, or the region administrator while the region has none. */
const KEY_PAGE = { access: ['safety-director', 'region-administrator'] as const };
const hidden = { hide: true };

type Values = VolunteerModel['values'];

function currentSeason(config: RegionConfig, deps: Deps) {
  const ref = seasonNow(config, deps.clock);
  if (!ref) throw new AppError('NOT_FOUND', 'The region has no season configured yet: ask the region administrator.');
  return ref.season;
}

function roleOptions(adult: boolean | null): Role[] {
  if (adult === null) return [...VOLUNTEER_ROLES];
  return VOLUNTEER_ROLES.filter((r) => (r === YOUTH_ROLE) !== adult);
}

async function volunteerModel(req: FastifyRequest, deps: Deps, values: Values | null, errors?: string[]): Promise<VolunteerModel> {
  const config = await req.regionConfig();
  const season = currentSeason(config, deps);
  const person = (await findPersonRow(deps.db, req.auth!.personId))!;
  const row = await findApplicationRow(deps.db, person.id, season.id);
  const application = row ? toApplication(row) : null;
  const adult = person.birth_date ? ageOn(person.birth_date, regionToday(config, deps.clock)) >= ADULT_AGE : null;
  const fromApplication: Values = {
    phone: person.phone ?? '',
    birthDate: '',
    signature: '',
    roles: application?.roles.map((r) => `${r.role}:${r.division}`) ?? [],
  };
  return {
    season: { id: season.id, name: season.name },
    name: `${person.first_name} ${person.last_name}`,
    birthDate: person.birth_date,
    adult,
    roleOptions: roleOptions(adult),
    divisions: config.divisions.map((d) => d.code),
    application,
    requests: application ? inApplicationOrder(await requestsOfApplication(deps.db, application.id), application.roles) : [],
    screeningReady: (await screeningStatus(deps.db)).ready,
    values: values ?? fromApplication,
    errors,
  };
}

/** Requests in the order the application lists its roles. */
function inApplicationOrder<T extends { role: string; division: string }>(requests: T[], roles: readonly { role: string; division: string }[]): T[] {
  const at = (r: T) => roles.findIndex((x) => x.role === r.role && x.division === r.division);
  return [...requests].sort((a, b) => at(a) - at(b));
}

/** "head-coach:10U" -> {role, division}; the division may itself hold a colon. */
function parseChoice(v: string) {
  const i = v.indexOf(':');
  return i < 0 ? { role: v, division: '' } : { role: v.slice(0, i), division: v.slice(i + 1) };
}

function volunteerPages(app: App, deps: Deps) {
  const vd = volunteerDeps(deps);
  const show = async (req: FastifyRequest, reply: FastifyReply, values: Values | null, errors?: string[], status = 200) => {
    const m = await volunteerModel(req, deps, values, errors);
    return page(req, reply, `Volunteer for ${m.season.name}`, (ctx) => <VolunteerView ctx={ctx} m={m} />, { status });
  };
  app.get('/volunteer', { config: AUTH, schema: hidden }, (req, reply) => show(req, reply, null));
  app.post('/volunteer', { config: AUTH, schema: hidden }, async (req, reply) => {
    const f = formBody(req);
    const roles = formList(req, 'roles');
    // Everything typed comes back on a refusal, except the social security number.
    const values: Values = { phone: f.phone ?? '', birthDate: f.birthDate ?? '', signature: f.signature ?? '', roles };
    return handleForm(
      reply,
      async () => {
        const season = currentSeason(await req.regionConfig(), deps);
        const input = {
          personId: req.auth!.personId,
          season: season.id,
          roles: roles.map(parseChoice),
          ssn: f.ssn,
          signature: f.signature,
          birthDate: f.birthDate ?? '',
          phone: f.phone,
        };
        await submitApplication(vd, input, { actor: actorOf(req), ip: req.ip });
        flash(reply, `Your application for ${season.name} is received. A confirmation is on its way by mail.`);
        return reply.redirect('/volunteer', 303);
      },
      (errors, status) => show(req, reply, values, errors, status),
    );
  });
}

function safetyPages(app: App, deps: Deps) {
  const show = async (req: FastifyRequest, reply: FastifyReply, errors?: string[], status = 200) => {
    const q = req.query as { status?: string; season?: string };
    const filter = q.status === 'all' ? 'all' : 'pending';
    const season = typeof q.season === 'string' ? q.season : '';
    const config = await req.regionConfig();
    const rows = await listForSafety(deps.db, { pendingOnly: filter === 'pending', season: season || undefined, limit: 500 });
    const seasons = allSeasons(config).map((s) => ({ id: s.season.id, name: s.season.name }));
    const sealed = Object.fromEntries((await sealedPending(deps.db)).map((r) => [r.applicationId, r.sealed]));
    const m = { rows, status: filter, season, seasons, screening: await screeningStatus(deps.db), sealed, errors } as const;
    return page(req, reply, 'Background checks', (ctx) => <SafetyChecksView ctx={ctx} m={m} />, { status });
  };
  app.get('/safety/checks', { config: SAFETY, schema: hidden }, (req, reply) => show(req, reply));
  app.get('/safety/key', { config: KEY_PAGE, schema: hidden }, async (req, reply) => {
    const director = hasAnyRole(req.auth, ['safety-director']);
    if (!director) {
      const sd = await aSafetyDirector(deps.db);
      if (sd) throw new AppError('FORBIDDEN', `The safety director, ${sd.first_name} ${sd.last_name}, sets up the screening key now: ask them.`);
    }
    const m = { screening: await screeningStatus(deps.db), role: director ? 'safety-director' : 'region-administrator' } as const;
    return page(req, reply, 'Screening key', (ctx) => <ScreeningKeyView ctx={ctx} m={m} />);
  });
  app.post('/safety/checks/:id', { config: SAFETY, schema: hidden }, async (req, reply) => {
    const f = formBody(req);
    const back = /^status=(pending|all)&season=[\w%.:-]*$/.test(f.back ?? '') ? `?${f.back}` : '';
    return handleForm(
      reply,
      async () => {
        const result = f.result === 'clear' || f.result === 'flagged' ? f.result : null;
        if (!result) throw new AppError('VALIDATION', 'Record the check as clear or flagged.');
        await recordBackgroundCheck(deps, actorOf(req), (req.params as { id: string }).id, result);
        flash(reply, `Background check recorded as ${result}; the sealed number is erased.`);
        return reply.redirect(`/safety/checks${back}`, 303);
      },
      (errors, status) => show(req, reply, errors, status),
    );
  });
}

/** Volunteer applications, background checks and the screening key (issue: volunteers). */
export const volunteersFeature: Feature = {
  name: 'volunteers',
  nav: [
    { href: '/volunteer', label: 'Volunteer', access: 'authenticated', order: 20 },
    { href: '/safety/checks', label: 'Background checks', access: SAFETY.access, order: 60 },
    { href: '/role-requests', label: 'Role requests', access: DECIDERS, order: 58 },
  ],
  home: volunteersHome,
  routes: (app, deps) => {
    volunteerPages(app, deps);
    safetyPages(app, deps);
    volunteersApi(app, deps);
    screeningApi(app, deps);
    decisionsPages(app, deps);
    decisionsApi(app, deps);
  },
};
