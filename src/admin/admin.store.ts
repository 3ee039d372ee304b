import type { Db } from '../platform/db/database.js';

export async function listAudit(db: Db, opts: { entity?: string; before?: string; limit: number }) {
  let q = db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(opts.limit);
  if (opts.entity) q = q.where('entity', '=', opts.entity);
  if (opts.before) q = q.where('at', '<', opts.before);
  return q.execute();
}
