import { Type } from '@sinclair/typebox';
import type { Deps, Feature } from '../platform/feature.js';
import { page } from '../platform/http/pages.js';
import { fromJson } from '../platform/db/database.js';
import { diffJson } from './audit.rules.js';
import { listAudit } from './admin.store.js';
import { AuditView } from './admin.views.js';
import { outboxRoutes } from './outbox.routes.js';
import { DIRECTORY } from './directory/directory.access.js';
import { directoryApi } from './directory/directory.api.js';
import { directoryRoutes } from './directory/directory.routes.js';

const ADMIN = { access: ['region-administrator'] as const };
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

export const adminFeature: Feature = {
  name: 'admin',
  nav: [
    { href: '/admin/people', label: 'People', access: DIRECTORY, order: 70 },
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
    outboxRoutes(app, deps);
    directoryRoutes(app, deps);
    directoryApi(app, deps);
  },
};
