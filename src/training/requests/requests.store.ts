/** Kysely queries for uploaded certificates waiting for the registrar (certificate_requests). */
import type { Insertable, Selectable } from 'kysely';
import { AppError, notFound } from '../../platform/errors.js';
import type { Db } from '../../platform/db/database.js';
import type { TrainingTables } from '../training.tables.js';

export type RequestRow = Selectable<TrainingTables['certificate_requests']>;
export type RequestStatus = 'pending' | 'verified' | 'rejected';

export async function insertRequest(db: Db, row: Insertable<TrainingTables['certificate_requests']>): Promise<void> {
  await db.insertInto('certificate_requests').values(row).execute();
}

export async function findRequest(db: Db, id: string): Promise<RequestRow | undefined> {
  return db.selectFrom('certificate_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function pendingRequestFor(db: Db, personId: string, training: string, part: string): Promise<RequestRow | undefined> {
  return db
    .selectFrom('certificate_requests')
    .selectAll()
    .where('person_id', '=', personId)
    .where('training', '=', training)
    .where('part', '=', part)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

/**
 * Decides a pending request: the update only applies while it is still pending, so two registrars
 * deciding at once cannot both win. Answers the request as it was.
 */
export async function claimRequest(
  db: Db,
  id: string,
  decision: { status: RequestStatus; reason: string | null; decided_by: string | null; decided_at: string },
): Promise<RequestRow> {
  const r = await findRequest(db, id);
  if (!r) throw notFound('That certificate upload');
  const done = await db.updateTable('certificate_requests').set(decision).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1)
    throw new AppError('ALREADY_DECIDED', `This certificate was already ${r.status === 'pending' ? 'decided' : r.status} by someone else. Reload the list.`);
  return r;
}

/** How many uploaded certificates wait for the registrar's decision. */
export async function countPendingRequests(db: Db): Promise<number> {
  const r = await db
    .selectFrom('certificate_requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export interface RequestListRow extends RequestRow {
  person_name: string;
  person_email: string | null;
  file_name: string;
  content_type: string;
  size: number;
}

/** Requests with their person and file, oldest first (the registrar's queue) or newest first. */
export async function listRequests(db: Db, opts: { status?: RequestStatus; personId?: string; newestFirst?: boolean; limit?: number }): Promise<RequestListRow[]> {
  let q = db
    .selectFrom('certificate_requests as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .innerJoin('files as f', 'f.id', 'r.file_id')
    .selectAll('r')
    .select(['p.first_name', 'p.last_name', 'p.email as person_email', 'f.file_name', 'f.content_type', 'f.size']);
  if (opts.status) q = q.where('r.status', '=', opts.status);
  if (opts.personId) q = q.where('r.person_id', '=', opts.personId);
  const dir = opts.newestFirst ? 'desc' : 'asc';
  const rows = await q
    .orderBy('r.created_at', dir)
    .orderBy('r.id', dir)
    .limit(opts.limit ?? 200)
    .execute();
  return rows.map(({ first_name, last_name, ...r }) => ({ ...r, size: Number(r.size), person_name: `${first_name} ${last_name}` }));
}
