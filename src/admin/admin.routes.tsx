import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { App, Deps, Feature } from '../platform/feature.js';
import { flash, page } from '../platform/http/pages.js';
import { actorOf, formBody, handleForm } from '../platform/http/forms.js';
import { fromJson } from '../platform/db/database.js';
import { allSeasons } from '../region/index.js';
import { getRegionConfig } from '../region/index.js';
import { grantRole, revokeRole } from '../people/index.js';
import { diffJson } from './audit.rules.js';
import { findPeople, listAudit, listOutbox, rolesOf } from './admin.store.js';
import { AuditView, OutboxView, PeopleView } from './admin.views.js';

const ADMIN = { access: ['region-administrator'] as const };
const PEOPLE = { access: ['region-administrator', 'registrar'] as const };
const hidden = { hide: true };
const PAGE = 50;

async function auditRows(deps: Deps, entity: string, before: string | undefined) {
  const rows = await listAudit(deps.db, { entity: entity || undefined, before, limit: PAGE });
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    changes: diffJson(fromJson(r.before_json, undefined), fromJson(r.after_json, undefined), 20),
  }));
}

function peopleRoutes(app: App, deps: Deps) {
  const list = async (req: FastifyRequest, reply: FastifyReply, errors?: string[], status = 200) => {
    const q = String((req.query as { q?: string }).q ?? '');
    const people = await findPeople(deps.db, q, 50);
    const grants = await rolesOf(
      deps.db,
      people.map((p) => p.id),
    );
    const config = await getRegionConfig(deps.db);
    const rows = people.map((p) => ({
      id: p.id,
      name: `${p.first_name} ${p.last_name}`,
      email: p.email,
      roles: grants.filter((g) => g.person_id === p.id).map((g) => ({ id: g.id, role: g.role, season: g.season_id, division: g.division })),
    }));
    const seasons = allSeasons(config).map((s) => ({ id: s.season.id, name: s.season.name }));
    return page(
      req,
      reply,
      'People and roles',
      (ctx) => <PeopleView ctx={ctx} rows={rows} q={q} seasons={seasons} divisions={config.divisions.map((d) => d.code)} errors={errors} />,
      { status },
    );
  };
  app.get('/admin/people', { config: PEOPLE, schema: hidden }, (req, reply) => list(req, reply));
  app.post('/admin/people/:id/roles', { config: ADMIN, schema: hidden }, async (req, reply) => {
    const f = formBody(req);
    return handleForm(
      reply,
      async () => {
        await grantRole(deps.db, deps.clock, actorOf(req), {
          personId: (req.params as { id: string }).id,
          role: f.role ?? '',
          seasonId: f.seasonId ?? '',
          division: f.division ?? '',
        });
        flash(reply, 'Role given.');
        return reply.redirect(req.headers.referer?.includes('/admin/people') ? '/admin/people' : '/admin/people', 303);
      },
      (errors, status) => list(req, reply, errors, status),
    );
  });
  app.post('/admin/people/roles/:grant/revoke', { config: ADMIN, schema: hidden }, async (req, reply) =>
    handleForm(
      reply,
      async () => {
        await revokeRole(deps.db, deps.clock, actorOf(req), (req.params as { grant: string }).grant);
        flash(reply, 'Role removed.');
        return reply.redirect('/admin/people', 303);
      },
      (errors, status) => list(req, reply, errors, status),
    ),
  );
}

export const adminFeature: Feature = {
  name: 'admin',
  nav: [
    { href: '/admin/people', label: 'People', access: PEOPLE.access, order: 70 },
    { href: '/admin/audit', label: 'Audit log', access: ADMIN.access, order: 90 },
    { href: '/admin/outbox', label: 'Outbox', access: ADMIN.access, order: 95 },
  ],
  routes: (app, deps) => {
    app.get('/admin/audit', { config: ADMIN, schema: hidden }, async (req, reply) => {
      const q = req.query as { entity?: string; before?: string };
      const rows = await auditRows(deps, q.entity ?? '', q.before);
      return page(req, reply, 'Audit log', () => <AuditView rows={rows} entity={q.entity ?? ''} next={rows.length === PAGE ? rows.at(-1)!.at : null} />);
    });
    app.get(
      '/api/v1/audit',
      {
        config: ADMIN,
        schema: {
          tags: ['admin'],
          summary: 'The audit log, newest first (50 a page; pass before=<at> for older)',
          querystring: Type.Object({ entity: Type.Optional(Type.String()), before: Type.Optional(Type.String()) }),
        },
      },
      async (req) => auditRows(deps, req.query.entity ?? '', req.query.before),
    );
    app.get('/admin/outbox', { config: ADMIN, schema: hidden }, async (req, reply) => {
      const rows = (await listOutbox(deps.db, 100)).map((m) => ({
        id: m.id,
        to: m.to_address,
        subject: m.subject,
        text: m.body_text,
        kind: m.kind,
        createdAt: m.created_at,
        status: m.sent_at
          ? `sent ${m.sent_at.slice(0, 16).replace('T', ' ')}`
          : m.error
            ? `waiting (last error: ${m.error})`
            : deps.mailer.delivers
              ? 'waiting'
              : 'not sent (no SMTP)',
      }));
      return page(req, reply, 'Outbox', () => <OutboxView rows={rows} delivers={deps.mailer.delivers} />);
    });
    peopleRoutes(app, deps);
  },
};
