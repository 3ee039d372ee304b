import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps } from '../../platform/feature.js';
import { flash, page } from '../../platform/http/pages.js';
import { formBody, formList, handleForm } from '../../platform/http/forms.js';
import { ROLES } from '../../platform/roles.js';
import { allSeasons, seasonNow } from '../../region/index.js';
import { decisionsOfForm, type RawRequestQuery } from './decisions.rules.js';
import { DECIDERS } from './decisions.access.js';
import { decidable, decideRoleRequests, listRoleRequests } from './decisions.service.js';
import { decisionDeps, deciderOf } from './decisions.api.js';
import { DecisionsView } from './decisions.views.js';

/** The board's page of role requests (/role-requests). */

const ACCESS = { access: DECIDERS };
const hidden = { hide: true };
const BACK = /^[\w%.:=&+-]{0,400}$/;

export function decisionsPages(app: App, deps: Deps): void {
  const dd = decisionDeps(deps);
  const show = async (req: FastifyRequest, reply: FastifyReply, raw: RawRequestQuery, errors?: string[], status = 200) => {
    const config = await req.regionConfig();
    const roles = deciderOf(req).roles;
    // Opening the page without filters shows the current season's waiting requests.
    const query = Object.keys(raw).length ? raw : { season: seasonNow(config, deps.clock)?.season.id ?? '' };
    const p = await listRoleRequests(dd, roles, query, config);
    const allowed = new Set(decidable(roles));
    const m = {
      items: p.items,
      total: p.total,
      query: p.query,
      seasons: allSeasons(config).map((s) => ({ id: s.season.id, name: s.season.name })),
      divisions: config.divisions.map((d) => d.code),
      roles: ROLES.filter((r) => allowed.has(r)),
      errors,
    };
    return page(req, reply, 'Role requests', (ctx) => <DecisionsView ctx={ctx} m={m} />, { status });
  };
  app.get('/role-requests', { config: ACCESS, schema: hidden }, async (req, reply) => {
    const raw = req.query as RawRequestQuery;
    return handleForm(
      reply,
      () => show(req, reply, raw),
      (errors, status) => show(req, reply, {}, errors, status),
    );
  });
  app.post('/role-requests', { config: ACCESS, schema: hidden }, async (req, reply) => {
    const f = formBody(req);
    const back = BACK.test(f.back ?? '') ? (f.back ?? '') : '';
    const reasons = Object.fromEntries(Object.entries(f).flatMap(([k, v]) => (k.startsWith('reason-') ? [[k.slice(7), v]] : [])));
    const decisions = decisionsOfForm({ one: f.one ?? '', action: f.action ?? '', ids: formList(req, 'ids'), reason: f.reason ?? '', reasons });
    return handleForm(
      reply,
      async () => {
        const r = await decideRoleRequests(dd, deciderOf(req), decisions);
        flash(reply, `Granted ${r.granted}, declined ${r.declined}; each applicant is mailed.`);
        return reply.redirect(`/role-requests${back ? `?${back}` : ''}`, 303);
      },
      (errors, status) => show(req, reply, Object.fromEntries(new URLSearchParams(back)) as RawRequestQuery, errors, status),
    );
  });
}
