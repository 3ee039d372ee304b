import { AppError } from '../platform/errors.js';
import { newId, type Clock } from '../platform/clock.js';
import type { Db } from '../platform/db/database.js';
import { recordAudit, type Actor } from '../platform/audit.js';
import { findDuplicates, profileToFill, type DuplicateGroup, type MergeSummary } from './merge.rules.js';
import { activePeople, activityOf, peopleByIds, claimPerson, insertMerge, markMergedInto, mergeColumn, PERSON_COLUMNS, type Activity, type PersonBrief } from './merge.store.js';
import { findPersonRow, updatePerson } from './people.store.js';

/**
 * Merging duplicate accounts: every row that refers to the merged account moves to the kept one
 * (PERSON_COLUMNS says how, table by table), in one transaction, recorded in account_merges and
 * the audit log. The merged account stays as a tombstone (merged_into) without email or password,
 * so it cannot log in and old links to it can say where it went.
 */

export interface MergeDeps {
  db: Db;
  clock: Clock;
}

export type CandidatePerson = PersonBrief & Activity;

/** The groups of accounts that look like one person, with what each holds. */
export async function duplicateGroups(db: Db): Promise<DuplicateGroup<CandidatePerson>[]> {
  const groups = findDuplicates(await activePeople(db));
  const activity = await activityOf(
    db,
    groups.flatMap((g) => g.people.map((p) => p.id)),
  );
  return groups.map((g) => ({ reasons: g.reasons, people: g.people.map((p) => ({ ...p, ...activity.get(p.id)! })) }));
}

/** These accounts with what each holds (for the review page). */
export async function candidates(db: Db, ids: readonly string[]): Promise<CandidatePerson[]> {
  const people = await peopleByIds(db, ids);
  const activity = await activityOf(
    db,
    people.map((p) => p.id),
  );
  return people.map((p) => ({ ...p, ...activity.get(p.id)! }));
}

async function claimBoth(db: Db, keptId: string, mergedId: string, at: string) {
  if (keptId === mergedId) throw new AppError('VALIDATION', 'Pick two different accounts: the one to keep and the one to merge into it.');
  for (const [id, what] of [
    [keptId, 'The account to keep'],
    [mergedId, 'The account to merge'],
  ] as const) {
    if (await claimPerson(db, id, at)) continue;
    const row = await findPersonRow(db, id);
    if (!row) throw new AppError('NOT_FOUND', `${what} does not exist. Reload the list of duplicates.`);
    throw new AppError('CONFLICT', `${what} (${row.first_name} ${row.last_name}) was already merged into another account. Reload the list of duplicates.`);
  }
  return { kept: (await findPersonRow(db, keptId))!, merged: (await findPersonRow(db, mergedId))! };
}

/** The merge itself, inside the caller's transaction. */
async function mergeIn(trx: Db, clock: Clock, actor: Actor, keptId: string, mergedId: string): Promise<MergeSummary> {
  const at = clock.now().toISOString();
  const { kept, merged } = await claimBoth(trx, keptId, mergedId, at);
  const summary: MergeSummary = { keptId, mergedId, moved: {}, deleted: {}, dropped: [], email: { merged: merged.email, movedToKept: false }, filled: {} };
  for (const c of PERSON_COLUMNS) {
    const r = await mergeColumn(trx, c, keptId, mergedId, at);
    if (r.moved) summary.moved[`${c.table}.${c.column}`] = r.moved;
    if (r.deleted) summary.deleted[`${c.table}.${c.column}`] = r.deleted;
    summary.dropped.push(...r.dropped);
  }
  summary.filled = profileToFill(kept, merged);
  await markMergedInto(trx, mergedId, keptId, at, { dropAssociationId: 'association_id' in summary.filled });
  const email = kept.email ?? merged.email;
  summary.email.movedToKept = !kept.email && !!merged.email;
  await updatePerson(trx, keptId, { ...(summary.filled as { birth_date?: string; phone?: string; association_id?: string }), email, updated_at: at });
  const by = actor.id === mergedId ? { ...actor, id: keptId } : actor;
  await insertMerge(trx, { id: newId(), keptId, mergedId, at, byId: by.id, summaryJson: JSON.stringify(summary) });
  const who = (p: typeof kept) => ({ id: p.id, name: `${p.first_name} ${p.last_name}`, email: p.email });
  await recordAudit(trx, { actor: by, at, action: 'person.merge', entity: 'person', entityId: keptId, before: { kept: who(kept), merged: who(merged) }, after: summary });
  return summary;
}

function mergedList(keptId: string, mergedIds: readonly string[]): string[] {
  const ids = [...new Set(mergedIds)].filter((id) => id !== keptId);
  if (!ids.length) throw new AppError('VALIDATION', 'Tick at least one account to merge into the one you keep.');
  return ids;
}

async function mergeAll(trx: Db, clock: Clock, actor: Actor, keptId: string, ids: readonly string[]): Promise<MergeSummary[]> {
  const out: MergeSummary[] = [];
  for (const id of ids) out.push(await mergeIn(trx, clock, actor, keptId, id));
  return out;
}

/** Merges each of `mergedIds` into `keptId`, all or nothing; answers one summary per merged account. */
export async function mergeAccounts(deps: MergeDeps, actor: Actor, keptId: string, mergedIds: readonly string[]): Promise<MergeSummary[]> {
  const ids = mergedList(keptId, mergedIds);
  return deps.db.transaction().execute((trx) => mergeAll(trx, deps.clock, actor, keptId, ids));
}

class Preview extends Error {
  constructor(readonly summaries: MergeSummary[]) {
    super('preview');
  }
}

/**
 * What mergeAccounts would do, without doing it: the same code runs in a transaction that is then
 * rolled back, so the preview cannot differ from the merge.
 */
export async function previewMerge(deps: MergeDeps, keptId: string, mergedIds: readonly string[]): Promise<MergeSummary[]> {
  const ids = mergedList(keptId, mergedIds);
  try {
    await deps.db.transaction().execute(async (trx) => {
      throw new Preview(await mergeAll(trx, deps.clock, { id: null, name: 'preview' }, keptId, ids));
    });
  } catch (e) {
    if (e instanceof Preview) return e.summaries;
    throw e;
  }
  throw new Error('unreachable');
}
