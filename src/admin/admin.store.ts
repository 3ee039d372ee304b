import type { Db } from '../platform/db/database.js';

export async function listAudit(db: Db, opts: { entity?: string; before?: string; limit: number }) {
  let q = db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(opts.limit);
  if (opts.entity) q = q.where('entity', '=', opts.entity);
  if (opts.before) q = q.where('at', '<', opts.before);
  return q.execute();
}

export async function listOutbox(db: Db, limit: number) {
  return db.selectFrom('outbox').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
}

export async function findPeople(db: Db, term: string, limit: number) {
  let q = db.selectFrom('people').select(['id', 'first_name', 'last_name', 'email']).where('merged_into', 'is', null).orderBy('last_name').orderBy('first_name').limit(limit);
  const t = term.trim().toLowerCase();
  if (t) q = q.where((eb) => eb.or([eb(eb.fn('lower', ['first_name']), 'like', `%${t}%`), eb(eb.fn('lower', ['last_name']), 'like', `%${t}%`), eb('email', 'like', `%${t}%`)]));
  return q.execute();
}

export async function rolesOf(db: Db, personIds: string[]) {
  if (!personIds.length) return [];
  return db.selectFrom('role_grants').selectAll().where('person_id', 'in', personIds).orderBy('role').execute();
}
