import { PostgresAdapter, type Selectable } from 'kysely';
import { fromJson, type Db } from '../../platform/db/database.js';
import type { Ratings } from './assessments.rules.js';
import type { MentoringTables } from '../mentoring.tables.js';

export type AssessmentRow = Selectable<MentoringTables['mentoring_assessments']>;
export type MessageRow = Selectable<MentoringTables['mentoring_messages']>;

export interface AssessmentSummary {
  id: string;
  seasonId: string;
  coachId: string;
  coachName: string;
  mentorId: string;
  mentorName: string;
  teamId: string;
  teamName: string;
  division: string;
  date: string;
  kind: string;
  acknowledgedAt: string | null;
  messages: number;
}

export interface Assessment extends AssessmentSummary {
  ratings: Ratings;
  strengths: string;
  workOn: string;
  notes: string;
  createdAt: string;
}

export interface ThreadMessage {
  seq: number;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: string;
}

function baseQuery(db: Db) {
  return db
    .selectFrom('mentoring_assessments as a')
    .innerJoin('people as c', 'c.id', 'a.coach_id')
    .innerJoin('people as m', 'm.id', 'a.mentor_id')
    .selectAll('a')
    .select(['c.first_name as coach_first', 'c.last_name as coach_last', 'm.first_name as mentor_first', 'm.last_name as mentor_last'])
    .select((eb) => eb.selectFrom('mentoring_messages as x').select(eb.fn.countAll<number>().as('n')).whereRef('x.assessment_id', '=', 'a.id').as('messages'));
}

type BaseRow = AssessmentRow & { coach_first: string; coach_last: string; mentor_first: string; mentor_last: string; messages: number | null };

const toSummary = (r: BaseRow): AssessmentSummary => ({
  id: r.id,
  seasonId: r.season_id,
  coachId: r.coach_id,
  coachName: `${r.coach_first} ${r.coach_last}`.trim(),
  mentorId: r.mentor_id,
  mentorName: `${r.mentor_first} ${r.mentor_last}`.trim(),
  teamId: r.team_id,
  teamName: r.team_name,
  division: r.division,
  date: r.date,
  kind: r.kind,
  acknowledgedAt: r.acknowledged_at,
  messages: Number(r.messages ?? 0),
});

export async function insertAssessment(db: Db, row: AssessmentRow): Promise<void> {
  await db.insertInto('mentoring_assessments').values(row).execute();
}

export async function findAssessment(db: Db, id: string): Promise<Assessment | undefined> {
  const r = await baseQuery(db).where('a.id', '=', id).executeTakeFirst();
  if (!r) return undefined;
  return { ...toSummary(r), ratings: fromJson<Ratings>(r.ratings_json, {} as Ratings), strengths: r.strengths, workOn: r.work_on, notes: r.notes, createdAt: r.created_at };
}

/** The parties of an assessment, locked for the transaction on PostgreSQL (thread numbering). */
export async function lockAssessment(db: Db, id: string): Promise<Pick<AssessmentRow, 'id' | 'coach_id' | 'mentor_id' | 'acknowledged_at'> | undefined> {
  const q = db.selectFrom('mentoring_assessments').select(['id', 'coach_id', 'mentor_id', 'acknowledged_at']).where('id', '=', id);
  return (db.getExecutor().adapter instanceof PostgresAdapter ? q.forUpdate() : q).executeTakeFirst();
}

export interface AssessmentFilter {
  coachId?: string;
  mentorId?: string;
  seasonId?: string;
  /** Both: an assessment about `coachId` OR written by `mentorId` (a person who is both). */
  either?: boolean;
  limit?: number;
}

/** Assessments newest first. With neither coachId nor mentorId, every one (coach administrator). */
export async function listAssessments(db: Db, f: AssessmentFilter): Promise<AssessmentSummary[]> {
  let q = baseQuery(db).orderBy('a.date', 'desc').orderBy('a.created_at', 'desc').orderBy('a.id');
  if (f.seasonId) q = q.where('a.season_id', '=', f.seasonId);
  if (f.either && f.coachId && f.mentorId) {
    const { coachId, mentorId } = f;
    q = q.where((eb) => eb.or([eb('a.coach_id', '=', coachId), eb('a.mentor_id', '=', mentorId)]));
  } else {
    if (f.coachId) q = q.where('a.coach_id', '=', f.coachId);
    if (f.mentorId) q = q.where('a.mentor_id', '=', f.mentorId);
  }
  return (await q.limit(f.limit ?? 500).execute()).map(toSummary);
}

export async function messagesOf(db: Db, assessmentId: string): Promise<ThreadMessage[]> {
  const rows = await db
    .selectFrom('mentoring_messages as x')
    .innerJoin('people as p', 'p.id', 'x.author_id')
    .select(['x.seq', 'x.author_id', 'x.body', 'x.created_at', 'p.first_name', 'p.last_name'])
    .where('x.assessment_id', '=', assessmentId)
    .orderBy('x.seq')
    .execute();
  return rows.map((r) => ({ seq: r.seq, authorId: r.author_id, authorName: `${r.first_name} ${r.last_name}`.trim(), body: r.body, createdAt: r.created_at }));
}

export async function insertMessage(db: Db, m: { id: string; assessmentId: string; authorId: string; body: string; at: string }): Promise<number> {
  const r = await db
    .selectFrom('mentoring_messages')
    .select((eb) => eb.fn.max('seq').as('s'))
    .where('assessment_id', '=', m.assessmentId)
    .executeTakeFirst();
  const seq = Number(r?.s ?? 0) + 1;
  await db.insertInto('mentoring_messages').values({ id: m.id, assessment_id: m.assessmentId, author_id: m.authorId, seq, body: m.body, created_at: m.at }).execute();
  return seq;
}

/** Writes thread messages as given, numbers included (the demo's ready-made threads). */
export async function insertMessages(db: Db, rows: MessageRow[]): Promise<void> {
  await db.insertInto('mentoring_messages').values(rows).execute();
}

export async function markAcknowledged(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('mentoring_assessments').set({ acknowledged_at: at }).where('id', '=', id).where('acknowledged_at', 'is', null).execute();
}
