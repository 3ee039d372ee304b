import { PostgresAdapter, type Insertable, type Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { Recipient } from '../mentoring.mail.js';
import type { MentoringTables } from '../mentoring.tables.js';

export type SessionRow = Selectable<MentoringTables['mentoring_sessions']>;
export type SignupRow = Selectable<MentoringTables['mentoring_signups']>;

/** A session as pages and the API show it: with its mentor, team and how many places are taken. */
export interface SessionRecord {
  id: string;
  seasonId: string;
  mentorId: string;
  mentorName: string;
  kind: string;
  topic: string;
  date: string;
  startTime: string;
  minutes: number;
  startsAt: string;
  fieldId: string | null;
  place: string;
  teamId: string | null;
  teamName: string | null;
  capacity: number;
  cutoffHours: number;
  seriesId: string | null;
  cancelledAt: string | null;
  confirmed: number;
  waiting: number;
}

/**
 * The session row locked for the rest of the transaction: FOR UPDATE on PostgreSQL, so that two
 * sign-ups for the last place queue behind each other; SQLite runs one write transaction at a time.
 */
export async function lockSession(db: Db, id: string): Promise<SessionRow | undefined> {
  const q = db.selectFrom('mentoring_sessions').selectAll().where('id', '=', id);
  return (db.getExecutor().adapter instanceof PostgresAdapter ? q.forUpdate() : q).executeTakeFirst();
}

export async function insertSessions(db: Db, rows: Insertable<MentoringTables['mentoring_sessions']>[]): Promise<void> {
  if (rows.length) await db.insertInto('mentoring_sessions').values(rows).execute();
}

export async function markSessionCancelled(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('mentoring_sessions').set({ cancelled_at: at }).where('id', '=', id).execute();
}

function sessionQuery(db: Db) {
  return db
    .selectFrom('mentoring_sessions as s')
    .innerJoin('people as m', 'm.id', 's.mentor_id')
    .leftJoin('teams as t', 't.id', 's.team_id')
    .selectAll('s')
    .select(['m.first_name', 'm.last_name', 't.name as team_name'])
    .select((eb) => [
      eb.selectFrom('mentoring_signups as c').select(eb.fn.countAll<number>().as('n')).whereRef('c.session_id', '=', 's.id').where('c.status', '=', 'confirmed').as('confirmed'),
      eb.selectFrom('mentoring_signups as w').select(eb.fn.countAll<number>().as('n')).whereRef('w.session_id', '=', 's.id').where('w.status', '=', 'waitlisted').as('waiting'),
    ]);
}

type SessionQueryRow = SessionRow & { first_name: string; last_name: string; team_name: string | null; confirmed: number | null; waiting: number | null };

const toRecord = (r: SessionQueryRow): SessionRecord => ({
  id: r.id,
  seasonId: r.season_id,
  mentorId: r.mentor_id,
  mentorName: `${r.first_name} ${r.last_name}`.trim(),
  kind: r.kind,
  topic: r.topic,
  date: r.date,
  startTime: r.start_time,
  minutes: r.minutes,
  startsAt: r.starts_at,
  fieldId: r.field_id,
  place: r.place,
  teamId: r.team_id,
  teamName: r.team_name,
  capacity: r.capacity,
  cutoffHours: r.cutoff_hours,
  seriesId: r.series_id,
  cancelledAt: r.cancelled_at,
  confirmed: Number(r.confirmed ?? 0),
  waiting: Number(r.waiting ?? 0),
});

export async function findSession(db: Db, id: string): Promise<SessionRecord | undefined> {
  const r = await sessionQuery(db).where('s.id', '=', id).executeTakeFirst();
  return r ? toRecord(r) : undefined;
}

export interface SessionFilter {
  /** Sessions starting at or after this instant. */
  from?: string;
  before?: string;
  teamIds?: string[];
  mentorId?: string;
  includeCancelled?: boolean;
  limit?: number;
}

export async function listSessions(db: Db, f: SessionFilter): Promise<SessionRecord[]> {
  let q = sessionQuery(db).orderBy('s.starts_at').orderBy('s.id');
  if (f.from) q = q.where('s.starts_at', '>=', f.from);
  if (f.before) q = q.where('s.starts_at', '<', f.before);
  if (f.teamIds) q = f.teamIds.length ? q.where('s.team_id', 'in', f.teamIds) : q.where('s.id', '=', '');
  if (f.mentorId) q = q.where('s.mentor_id', '=', f.mentorId);
  if (!f.includeCancelled) q = q.where('s.cancelled_at', 'is', null);
  return (await q.limit(f.limit ?? 500).execute()).map(toRecord);
}

export interface RosterEntry {
  personId: string;
  name: string;
  email: string | null;
  status: string;
  position: number;
  signedUpAt: string;
}

/** Every sign-up of a session (confirmed, waiting and cancelled), in joining order. */
export async function signupsOf(db: Db, sessionId: string): Promise<RosterEntry[]> {
  const rows = await db
    .selectFrom('mentoring_signups as u')
    .innerJoin('people as p', 'p.id', 'u.person_id')
    .select(['u.person_id', 'u.status', 'u.position', 'u.signed_up_at', 'p.first_name', 'p.last_name', 'p.email'])
    .where('u.session_id', '=', sessionId)
    .orderBy('u.position')
    .execute();
  return rows.map((r) => ({
    personId: r.person_id,
    name: `${r.first_name} ${r.last_name}`.trim(),
    email: r.email,
    status: r.status,
    position: r.position,
    signedUpAt: r.signed_up_at,
  }));
}

export async function findSignup(db: Db, sessionId: string, personId: string): Promise<SignupRow | undefined> {
  return db.selectFrom('mentoring_signups').selectAll().where('session_id', '=', sessionId).where('person_id', '=', personId).executeTakeFirst();
}

export async function nextPosition(db: Db, sessionId: string): Promise<number> {
  const r = await db
    .selectFrom('mentoring_signups')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('session_id', '=', sessionId)
    .executeTakeFirst();
  return Number(r?.p ?? 0) + 1;
}

/** Writes sign-ups as given (one when a coach signs up; many at once for the demo). */
export async function insertSignups(db: Db, rows: SignupRow[]): Promise<void> {
  if (rows.length) await db.insertInto('mentoring_signups').values(rows).execute();
}

export async function updateSignup(
  db: Db,
  sessionId: string,
  personId: string,
  set: Partial<Pick<SignupRow, 'status' | 'position' | 'changed_at' | 'signed_up_at'>>,
): Promise<void> {
  await db.updateTable('mentoring_signups').set(set).where('session_id', '=', sessionId).where('person_id', '=', personId).execute();
}

export interface MySignup {
  sessionId: string;
  status: string;
  position: number;
}

/** A person's live sign-ups (confirmed or waiting) for sessions from an instant on. */
export async function signupsOfPerson(db: Db, personId: string, from: string): Promise<MySignup[]> {
  const rows = await db
    .selectFrom('mentoring_signups as u')
    .innerJoin('mentoring_sessions as s', 's.id', 'u.session_id')
    .select(['u.session_id', 'u.status', 'u.position'])
    .where('u.person_id', '=', personId)
    .where('u.status', 'in', ['confirmed', 'waitlisted'])
    .where('s.starts_at', '>=', from)
    .execute();
  return rows.map((r) => ({ sessionId: r.session_id, status: r.status, position: r.position }));
}

/** The coaches of one team, to mail them (the teams capability owns the staff table). */
export async function staffOfTeam(db: Db, teamId: string): Promise<Recipient[]> {
  const rows = await db
    .selectFrom('team_staff as ts')
    .innerJoin('people as p', 'p.id', 'ts.person_id')
    .select(['p.first_name', 'p.last_name', 'p.email'])
    .where('ts.team_id', '=', teamId)
    .execute();
  return rows.map((r) => ({ name: `${r.first_name} ${r.last_name}`.trim(), email: r.email }));
}

/** Teams of a season for pickers: id, name, division. */
export async function seasonTeams(db: Db, seasonId: string): Promise<{ id: string; name: string; division: string }[]> {
  return db.selectFrom('teams').select(['id', 'name', 'division']).where('season_id', '=', seasonId).orderBy('division').orderBy('name').execute();
}
