/** Kysely queries for completions and the people they belong to. */
import { randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import { newId } from '../platform/clock.js';
import type { Db } from '../platform/db/database.js';
import type { TrainingTables } from './training.tables.js';
import type { Completion } from './catalog.rules.js';
import { certificateNumber } from './training.rules.js';

export type CompletionSource = 'online' | 'instructor' | 'import' | 'administrator' | 'upload';

export interface CompletionRecord {
  id: string;
  personId: string;
  training: string;
  part: string;
  completedOn: string;
  source: CompletionSource;
  certificateNo: string;
  classSessionId: string | null;
  recordedBy: string | null;
  recordedAt: string;
}

const toRecord = (r: Selectable<TrainingTables['completions']>): CompletionRecord => ({
  id: r.id,
  personId: r.person_id,
  training: r.training,
  part: r.part,
  completedOn: r.completed_on,
  source: r.source as CompletionSource,
  certificateNo: r.certificate_no,
  classSessionId: r.class_session_id,
  recordedBy: r.recorded_by,
  recordedAt: r.recorded_at,
});

export type NewCompletion = Omit<CompletionRecord, 'id' | 'certificateNo'>;

async function freeCertificateNumber(db: Db, completedOn: string): Promise<string> {
  for (let i = 0; i < 5; i++) {
    const no = certificateNumber(completedOn, randomBytes(6));
    if (!(await db.selectFrom('completions').select('id').where('certificate_no', '=', no).executeTakeFirst())) return no;
  }
  throw new Error('could not find a free certificate number');
}

/**
 * Records a completion unless the person already has the same part on the same date (the unique
 * constraint, insert-or-ignore on both databases). Answers the new record, or null when it existed.
 */
export async function insertCompletionIfNew(db: Db, c: NewCompletion): Promise<CompletionRecord | null> {
  const record: CompletionRecord = { ...c, id: newId(), certificateNo: await freeCertificateNumber(db, c.completedOn) };
  const r = await db
    .insertInto('completions')
    .values({
      id: record.id,
      person_id: c.personId,
      training: c.training,
      part: c.part,
      completed_on: c.completedOn,
      source: c.source,
      certificate_no: record.certificateNo,
      class_session_id: c.classSessionId,
      recorded_by: c.recordedBy,
      recorded_at: c.recordedAt,
    })
    .onConflict((oc) => oc.columns(['person_id', 'training', 'part', 'completed_on']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1 ? record : null;
}

export async function findCompletion(db: Db, id: string): Promise<CompletionRecord | undefined> {
  const r = await db.selectFrom('completions').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toRecord(r);
}

/** A person's completions, newest first. */
export async function listCompletions(db: Db, personId: string): Promise<CompletionRecord[]> {
  const rows = await db.selectFrom('completions').selectAll().where('person_id', '=', personId).orderBy('completed_on', 'desc').orderBy('training').orderBy('part').execute();
  return rows.map(toRecord);
}

/**
 * Completions of many people at once (for the compliance service): person id -> completions, oldest
 * first. Every asked id is in the map, with an empty list when the person has none.
 */
export async function completionsOf(db: Db, personIds: readonly string[]): Promise<Map<string, Completion[]>> {
  const out = new Map<string, Completion[]>(personIds.map((id) => [id, []]));
  const ids = [...out.keys()];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('completions')
      .select(['person_id', 'training', 'part', 'completed_on'])
      .where('person_id', 'in', ids.slice(i, i + 500))
      .orderBy('completed_on')
      .orderBy('training')
      .execute();
    for (const r of rows) out.get(r.person_id)!.push({ training: r.training, part: r.part, completedOn: r.completed_on });
  }
  return out;
}

export interface PersonBrief {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  name: string;
}

/** Names and emails of people by id (merged accounts included, so history still reads). */
export async function peopleByIds(db: Db, ids: readonly string[]): Promise<Map<string, PersonBrief>> {
  const out = new Map<string, PersonBrief>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('people')
      .select(['id', 'first_name', 'last_name', 'email'])
      .where('id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, { id: r.id, firstName: r.first_name, lastName: r.last_name, email: r.email, name: `${r.first_name} ${r.last_name}`.trim() });
  }
  return out;
}

/** An account in use (not merged into another), or undefined. */
export async function activePerson(db: Db, id: string): Promise<PersonBrief | undefined> {
  const r = await db.selectFrom('people').select(['id', 'first_name', 'last_name', 'email']).where('id', '=', id).where('merged_into', 'is', null).executeTakeFirst();
  return r && { id: r.id, firstName: r.first_name, lastName: r.last_name, email: r.email, name: `${r.first_name} ${r.last_name}`.trim() };
}

/** Many completions at once (the demo region), 200 rows a statement; numbers and ids are the caller's. */
export async function insertCompletions(db: Db, rows: readonly (NewCompletion & { id: string; certificateNo: string })[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('completions')
      .values(
        rows.slice(i, i + 200).map((c) => ({
          id: c.id,
          person_id: c.personId,
          training: c.training,
          part: c.part,
          completed_on: c.completedOn,
          source: c.source,
          certificate_no: c.certificateNo,
          class_session_id: c.classSessionId,
          recorded_by: c.recordedBy,
          recorded_at: c.recordedAt,
        })),
      )
      .execute();
  }
}
