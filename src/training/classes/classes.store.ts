/** Kysely queries for class sessions and registrations. */
import { PostgresAdapter, type Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { TrainingTables } from '../training.tables.js';

export interface ClassSession {
  id: string;
  training: string;
  part: string;
  date: string;
  startTime: string;
  endTime: string;
  place: string;
  capacity: number;
  instructorId: string;
  createdAt: string;
  cancelledAt: string | null;
}

export interface Registration {
  id: string;
  sessionId: string;
  personId: string;
  registeredAt: string;
  creditedAt: string | null;
  creditedBy: string | null;
}

const toSession = (r: Selectable<TrainingTables['class_sessions']>): ClassSession => ({
  id: r.id,
  training: r.training,
  part: r.part,
  date: r.date,
  startTime: r.start_time,
  endTime: r.end_time,
  place: r.place,
  capacity: Number(r.capacity),
  instructorId: r.instructor_id,
  createdAt: r.created_at,
  cancelledAt: r.cancelled_at,
});

const toRegistration = (r: Selectable<TrainingTables['class_registrations']>): Registration => ({
  id: r.id,
  sessionId: r.session_id,
  personId: r.person_id,
  registeredAt: r.registered_at,
  creditedAt: r.credited_at,
  creditedBy: r.credited_by,
});

export async function insertSession(db: Db, s: ClassSession): Promise<void> {
  await db
    .insertInto('class_sessions')
    .values({
      id: s.id,
      training: s.training,
      part: s.part,
      date: s.date,
      start_time: s.startTime,
      end_time: s.endTime,
      place: s.place,
      capacity: s.capacity,
      instructor_id: s.instructorId,
      created_at: s.createdAt,
      cancelled_at: s.cancelledAt,
    })
    .execute();
}

export async function findSession(db: Db, id: string): Promise<ClassSession | undefined> {
  const r = await db.selectFrom('class_sessions').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toSession(r);
}

const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * Reads a session inside a transaction and keeps others from changing its registrations until the
 * transaction ends: `SELECT ... FOR UPDATE` on PostgreSQL; SQLite runs one write transaction at a time.
 */
export async function lockSession(trx: Db, id: string): Promise<ClassSession | undefined> {
  let q = trx.selectFrom('class_sessions').selectAll().where('id', '=', id);
  if (isPostgres(trx)) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r && toSession(r);
}

export async function markSessionCancelled(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('class_sessions').set({ cancelled_at: at }).where('id', '=', id).execute();
}

/** Sessions on or after `from` (cancelled ones included), soonest first, with how many registered. */
export async function listSessions(db: Db, opts: { from?: string; to?: string; instructorId?: string; limit?: number }): Promise<(ClassSession & { registered: number })[]> {
  let q = db
    .selectFrom('class_sessions as s')
    .selectAll('s')
    .select((eb) =>
      eb
        .selectFrom('class_registrations as r')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('r.session_id', '=', 's.id')
        .as('registered'),
    );
  if (opts.from) q = q.where('s.date', '>=', opts.from);
  if (opts.to) q = q.where('s.date', '<=', opts.to);
  if (opts.instructorId) q = q.where('s.instructor_id', '=', opts.instructorId);
  const rows = await q
    .orderBy('s.date')
    .orderBy('s.start_time')
    .orderBy('s.id')
    .limit(opts.limit ?? 200)
    .execute();
  return rows.map((r) => ({ ...toSession(r), registered: Number(r.registered ?? 0) }));
}

export async function countRegistrations(db: Db, sessionId: string): Promise<number> {
  const r = await db
    .selectFrom('class_registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('session_id', '=', sessionId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function registrationsOf(db: Db, sessionId: string): Promise<Registration[]> {
  const rows = await db.selectFrom('class_registrations').selectAll().where('session_id', '=', sessionId).orderBy('registered_at').orderBy('id').execute();
  return rows.map(toRegistration);
}

export async function findRegistration(db: Db, sessionId: string, personId: string): Promise<Registration | undefined> {
  const r = await db.selectFrom('class_registrations').selectAll().where('session_id', '=', sessionId).where('person_id', '=', personId).executeTakeFirst();
  return r && toRegistration(r);
}

/** A person's registrations with their sessions, soonest first. */
export async function registrationsOfPerson(db: Db, personId: string, from?: string): Promise<(Registration & { session: ClassSession })[]> {
  let q = db
    .selectFrom('class_registrations as r')
    .innerJoin('class_sessions as s', 's.id', 'r.session_id')
    .selectAll('s')
    .select(['r.id as reg_id', 'r.registered_at', 'r.credited_at', 'r.credited_by'])
    .where('r.person_id', '=', personId);
  if (from) q = q.where('s.date', '>=', from);
  const rows = await q.orderBy('s.date').orderBy('s.start_time').execute();
  return rows.map((r) => ({ id: r.reg_id, sessionId: r.id, personId, registeredAt: r.registered_at, creditedAt: r.credited_at, creditedBy: r.credited_by, session: toSession(r) }));
}

/** Whether a session still has someone registered who was not credited yet. */
export async function hasUncreditedRegistration(db: Db, sessionId: string): Promise<boolean> {
  return !!(await db.selectFrom('class_registrations').select('id').where('session_id', '=', sessionId).where('credited_at', 'is', null).executeTakeFirst());
}

export async function insertRegistration(db: Db, r: Registration): Promise<void> {
  await db
    .insertInto('class_registrations')
    .values({ id: r.id, session_id: r.sessionId, person_id: r.personId, registered_at: r.registeredAt, credited_at: r.creditedAt, credited_by: r.creditedBy })
    .execute();
}

export async function deleteRegistration(db: Db, id: string): Promise<void> {
  await db.deleteFrom('class_registrations').where('id', '=', id).execute();
}

export async function markCredited(db: Db, id: string, at: string, by: string | null): Promise<void> {
  await db.updateTable('class_registrations').set({ credited_at: at, credited_by: by }).where('id', '=', id).execute();
}

/** People holding the instructor role (in any season), by name. */
export async function listInstructors(db: Db): Promise<{ id: string; name: string }[]> {
  const rows = await db
    .selectFrom('people')
    .select(['id', 'first_name', 'last_name'])
    .where('merged_into', 'is', null)
    .where('id', 'in', (eb) => eb.selectFrom('role_grants').select('person_id').where('role', '=', 'instructor'))
    .orderBy('last_name')
    .orderBy('first_name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: `${r.first_name} ${r.last_name}` }));
}

export async function holdsRole(db: Db, personId: string, role: string): Promise<boolean> {
  return !!(await db.selectFrom('role_grants').select('id').where('person_id', '=', personId).where('role', '=', role).executeTakeFirst());
}
