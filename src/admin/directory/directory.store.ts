/** Queries of the people directory: who is there, their role grants, their audit, and changing grants. */
import type { Db } from '../../platform/db/database.js';
import type { Candidate } from './directory.rules.js';

/** Ids per `in (…)` list, well under both databases' limits on parameters. */
const SLICE = 500;

async function inSlices<T>(ids: readonly string[], run: (slice: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += SLICE) out.push(...(await run(ids.slice(i, i + SLICE))));
  return out;
}

/** Every account not merged into another, as the directory matches them (the password itself never leaves here). */
export async function listCandidates(db: Db): Promise<Candidate[]> {
  const rows = await db.selectFrom('people').select(['id', 'first_name', 'last_name', 'email', 'association_id', 'password_hash']).where('merged_into', 'is', null).execute();
  return rows.map((r) => ({
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    associationId: r.association_id,
    hasAccount: r.password_hash !== null,
  }));
}

/** The people holding a role (any, or this one) in a division (any, or this one), in a season (its own or standing) or any season. */
export async function holders(db: Db, f: { role: string; division: string; season: string }): Promise<Set<string>> {
  let q = db.selectFrom('role_grants').select('person_id').distinct();
  if (f.role) q = q.where('role', '=', f.role);
  if (f.division) q = q.where('division', '=', f.division);
  if (f.season) q = q.where('season_id', 'in', [f.season, '']);
  return new Set((await q.execute()).map((r) => r.person_id));
}

export interface GrantLine {
  id: string;
  personId: string;
  role: string;
  season: string;
  division: string;
}

/** The grants of these people (of one season and standing ones, or every one), by season, role and division. */
export async function grantsOf(db: Db, personIds: readonly string[], season = ''): Promise<GrantLine[]> {
  const rows = await inSlices(personIds, (ids) => {
    let q = db.selectFrom('role_grants').select(['id', 'person_id', 'role', 'season_id', 'division']).where('person_id', 'in', ids);
    if (season) q = q.where('season_id', 'in', [season, '']);
    return q.execute();
  });
  return rows
    .map((r) => ({ id: r.id, personId: r.person_id, role: r.role, season: r.season_id, division: r.division }))
    .sort((a, b) => cmp(a.season, b.season) || cmp(a.role, b.role) || cmp(a.division, b.division) || cmp(a.id, b.id));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** One person's grants of exactly this season ('' standing). */
export async function seasonGrants(db: Db, personId: string, season: string): Promise<GrantLine[]> {
  const rows = await db
    .selectFrom('role_grants')
    .select(['id', 'person_id', 'role', 'season_id', 'division'])
    .where('person_id', '=', personId)
    .where('season_id', '=', season)
    .orderBy('role')
    .orderBy('division')
    .execute();
  return rows.map((r) => ({ id: r.id, personId: r.person_id, role: r.role, season: r.season_id, division: r.division }));
}

export async function deleteGrants(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length)
    await db
      .deleteFrom('role_grants')
      .where('id', 'in', [...ids])
      .execute();
}

/** The live account holding this association id, if any. */
export async function holderOfAssociationId(db: Db, associationId: string): Promise<string | undefined> {
  const r = await db.selectFrom('people').select('id').where('association_id', '=', associationId).executeTakeFirst();
  return r?.id;
}

export interface AuditLine {
  at: string;
  actor: string;
  action: string;
  before: string | null;
  after: string | null;
}

/** The newest changes recorded about a person, newest first. */
export async function personAudit(db: Db, personId: string, limit: number): Promise<AuditLine[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['at', 'actor_name', 'action', 'before_json', 'after_json'])
    .where('entity', '=', 'person')
    .where('entity_id', '=', personId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ at: r.at, actor: r.actor_name, action: r.action, before: r.before_json, after: r.after_json }));
}
