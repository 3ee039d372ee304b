import type { Kysely } from 'kysely';
import type { Db } from '../platform/db/database.js';
import { planConflicts, preferCredited, redactRow, type DroppedRow, type Prefer, type Row } from './merge.rules.js';

/**
 * Every column that refers to a person, and what merging two accounts does with it. This list is
 * the one place a new feature registers its person columns: a test compares it with the
 * database's own catalog and fails for any person column (by name or by foreign key to people)
 * that is not listed here.
 *
 * - move: the merged account's rows now belong to the kept account. `unique` names the other
 *   columns of a unique constraint that includes the person column: where both accounts hold a row
 *   with the same values there, one row stays (`prefer`, default the kept account's) and the other
 *   is dropped and recorded in the merge summary. With `retire`, the constraint covers only the
 *   rows where that column is null (a partial index, such as one current badge per season): the
 *   row that does not stay is retired instead (the merge time written there), not dropped.
 * - delete: the merged account's rows are removed (they only make sense for that account).
 * - keep: left as they are, for the reason given (history that names accounts on purpose).
 */
export type PersonColumn = { table: string; column: string } & (
  | { action: 'move'; unique?: readonly string[]; retire?: string; prefer?: Prefer; why?: string }
  | { action: 'delete'; why: string }
  | { action: 'keep'; why: string }
);

export const PERSON_COLUMNS: readonly PersonColumn[] = [
  { table: 'people', column: 'merged_into', action: 'move', why: 'accounts merged earlier into the merged account now point to the kept one' },
  { table: 'role_grants', column: 'person_id', action: 'move', unique: ['role', 'season_id', 'division'] },
  { table: 'role_grants', column: 'granted_by', action: 'move' },
  { table: 'sessions', column: 'person_id', action: 'delete', why: 'the merged account is logged out everywhere' },
  { table: 'api_tokens', column: 'person_id', action: 'move' },
  { table: 'one_time_links', column: 'person_id', action: 'move' },
  { table: 'audit_log', column: 'actor_id', action: 'move' },
  { table: 'files', column: 'owner_id', action: 'move' },
  {
    table: 'applications',
    column: 'person_id',
    action: 'move',
    unique: ['season_id'],
    why: "the merged account's application for a season stays only when the kept account has none",
  },
  { table: 'applications', column: 'check_recorded_by', action: 'move' },
  { table: 'role_requests', column: 'person_id', action: 'move', why: "a request follows its application (one kept per season: the merged account's goes with its application)" },
  { table: 'role_requests', column: 'decided_by', action: 'move' },
  {
    table: 'compliance_changes',
    column: 'person_id',
    action: 'keep',
    why: "compliance's change log, written by the database's own triggers: the merge's moves note both accounts there",
  },
  { table: 'messages', column: 'sender_id', action: 'move' },
  { table: 'message_recipients', column: 'person_id', action: 'move', why: 'a message record names the person it reached: it follows them to the kept account' },
  { table: 'completions', column: 'person_id', action: 'move', unique: ['training', 'part', 'completed_on'] },
  { table: 'completions', column: 'recorded_by', action: 'move' },
  { table: 'class_sessions', column: 'instructor_id', action: 'move' },
  { table: 'class_registrations', column: 'person_id', action: 'move', unique: ['session_id'], prefer: preferCredited },
  { table: 'class_registrations', column: 'credited_by', action: 'move' },
  { table: 'certificate_requests', column: 'person_id', action: 'move' },
  { table: 'certificate_requests', column: 'decided_by', action: 'move' },
  { table: 'account_merges', column: 'by_id', action: 'move' },
  { table: 'account_merges', column: 'kept_id', action: 'keep', why: 'the history of merges: which account was kept at the time' },
  { table: 'account_merges', column: 'merged_id', action: 'keep', why: 'the history of merges: which account was merged' },
  // players and teams
  { table: 'player_guardians', column: 'person_id', action: 'move', unique: ['player_id'] },
  { table: 'ratings', column: 'rated_by', action: 'move' },
  { table: 'rating_windows', column: 'opened_by', action: 'move' },
  { table: 'team_staff', column: 'person_id', action: 'move', unique: ['team_id'] },
  { table: 'assistant_offers', column: 'person_id', action: 'move' },
  { table: 'assistant_offers', column: 'offered_by', action: 'move' },
  { table: 'formations', column: 'created_by', action: 'move' },
  // practice fields
  { table: 'practice_signup', column: 'updated_by', action: 'move' },
  { table: 'practice_bookings', column: 'booked_by', action: 'move' },
  // games and game cards
  { table: 'games', column: 'created_by', action: 'move' },
  { table: 'game_cards', column: 'updated_by', action: 'move' },
  { table: 'game_cards', column: 'submitted_by', action: 'move' },
  { table: 'game_card_saves', column: 'saved_by', action: 'move' },
  // coach mentoring
  { table: 'mentoring_sessions', column: 'mentor_id', action: 'move' },
  { table: 'mentoring_signups', column: 'person_id', action: 'move', unique: ['session_id'] },
  { table: 'mentoring_assessments', column: 'coach_id', action: 'move' },
  { table: 'mentoring_assessments', column: 'mentor_id', action: 'move' },
  { table: 'mentoring_messages', column: 'author_id', action: 'move' },
  // coach badges
  { table: 'badge_photos', column: 'person_id', action: 'move' },
  { table: 'badge_photos', column: 'decided_by', action: 'move' },
  {
    table: 'badges',
    column: 'person_id',
    action: 'move',
    unique: ['season_id'],
    retire: 'replaced_at',
    why: "of two current badges for a season, the merged account's is marked replaced (its QR code stops being valid)",
  },
  { table: 'badge_print_runs', column: 'printed_by', action: 'move' },
  // region website and notifications
  { table: 'site_revisions', column: 'created_by', action: 'move' },
  { table: 'site_resources', column: 'created_by', action: 'move' },
  { table: 'notification_preferences', column: 'person_id', action: 'move', unique: ['kind'], why: "the kept account's own choice wins for a kind both accounts set" },
  { table: 'notification_sends', column: 'person_id', action: 'move', unique: ['kind', 'once_key'], why: 'a reminder sent to both accounts is remembered once' },
  { table: 'notification_settings', column: 'updated_by', action: 'move' },
  { table: 'role_offers', column: 'person_id', action: 'move', unique: ['season_id', 'role', 'division'], why: 'a role offered to both accounts is kept once' },
  { table: 'season_starts', column: 'started_by', action: 'move' },
];

/**
 * The merge walks PERSON_COLUMNS, whose table and column names are runtime strings: Kysely<DB>
 * types each name as a literal of one table, so these generic statements need an untyped view of
 * the same connection (or transaction). The names come only from PERSON_COLUMNS, which a test
 * checks against the database's catalog.
 */
// biome-ignore lint/suspicious/noExplicitAny: the merge walks tables and columns named at run time (PERSON_COLUMNS)
const anyDb = (db: Db) => db as unknown as Kysely<any>;

export interface ColumnResult {
  moved: number;
  deleted: number;
  dropped: DroppedRow[];
}

async function rowsOf(db: Db, table: string, column: string, personId: string): Promise<Row[]> {
  return anyDb(db).selectFrom(table).selectAll().where(column, '=', personId).execute();
}

/** Applies one entry of PERSON_COLUMNS to a merge, inside the caller's transaction. */
export async function mergeColumn(db: Db, c: PersonColumn, keptId: string, mergedId: string, at: string): Promise<ColumnResult> {
  const q = anyDb(db);
  const out: ColumnResult = { moved: 0, deleted: 0, dropped: [] };
  if (c.action === 'keep') return out;
  if (c.action === 'delete') {
    const r = await q.deleteFrom(c.table).where(c.column, '=', mergedId).executeTakeFirst();
    out.deleted = Number(r.numDeletedRows);
    return out;
  }
  if (c.unique) {
    // Only the rows the constraint covers can conflict (all of them, unless it is partial).
    const covered = async (personId: string) => (await rowsOf(db, c.table, c.column, personId)).filter((r) => !c.retire || r[c.retire] === null);
    const plan = planConflicts(await covered(keptId), await covered(mergedId), c.unique, c.prefer);
    const reason = c.unique.length ? `both accounts held the same ${c.unique.join(', ')}` : `both accounts held a row (one per person)`;
    for (const [rows, from] of [
      [plan.dropMerged, 'merged'],
      [plan.dropKept, 'kept'],
    ] as const) {
      for (const row of rows) {
        // the person column and the unique columns identify the row (tables need no id column)
        const sameRow = <B extends { where(column: string, op: '=', value: unknown): B }>(b: B) =>
          c.unique!.reduce((x, u) => x.where(u, '=', row[u]), b.where(c.column, '=', row[c.column]));
        if (c.retire)
          await sameRow(q.updateTable(c.table).set({ [c.retire]: at }))
            .where(c.retire, 'is', null)
            .execute();
        else await sameRow(q.deleteFrom(c.table)).execute();
        out.dropped.push({
          table: c.table,
          from,
          reason,
          key: Object.fromEntries(c.unique.map((u) => [u, row[u]])),
          row: redactRow(row),
          ...(c.retire ? { retired: true as const } : {}),
        });
      }
    }
  }
  const r = await q
    .updateTable(c.table)
    .set({ [c.column]: keptId })
    .where(c.column, '=', mergedId)
    .executeTakeFirst();
  out.moved = Number(r.numUpdatedRows);
  return out;
}

export interface PersonBrief {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  birthDate: string | null;
  createdAt: string;
  canLogIn: boolean;
}

const briefQuery = (db: Db) =>
  db.selectFrom('people').select(['id', 'first_name', 'last_name', 'email', 'birth_date', 'created_at', 'password_hash']).orderBy('created_at').orderBy('id');

type BriefRow = Awaited<ReturnType<ReturnType<typeof briefQuery>['execute']>>[number];
const toBrief = (r: BriefRow): PersonBrief => ({
  id: r.id,
  firstName: r.first_name,
  lastName: r.last_name,
  email: r.email,
  birthDate: r.birth_date,
  createdAt: r.created_at,
  canLogIn: r.password_hash !== null,
});

/** Every account not merged away, for the duplicate search. */
export async function activePeople(db: Db): Promise<PersonBrief[]> {
  return (await briefQuery(db).where('merged_into', 'is', null).execute()).map(toBrief);
}

/** These accounts (merged or not), oldest first. */
export async function peopleByIds(db: Db, ids: readonly string[]): Promise<PersonBrief[]> {
  return ids.length
    ? (
        await briefQuery(db)
          .where('id', 'in', [...ids])
          .execute()
      ).map(toBrief)
    : [];
}

export interface Activity {
  roles: number;
  applications: number;
  completions: number;
}

/** How much each account holds, so the registrar can tell which one to keep. */
export async function activityOf(db: Db, ids: readonly string[]): Promise<Map<string, Activity>> {
  const out = new Map<string, Activity>(ids.map((id) => [id, { roles: 0, applications: 0, completions: 0 }]));
  if (!ids.length) return out;
  const count = async (table: 'role_grants' | 'applications' | 'completions', field: keyof Activity) => {
    const rows = await db
      .selectFrom(table)
      .select(['person_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('person_id', 'in', [...ids])
      .groupBy('person_id')
      .execute();
    for (const r of rows) out.get(r.person_id)![field] = Number(r.n);
  };
  await count('role_grants', 'roles');
  await count('applications', 'applications');
  await count('completions', 'completions');
  return out;
}

/**
 * Claims an account for a merge: touches its row only when it is not merged, which also locks the
 * row on PostgreSQL until the transaction ends (two merges of one account cannot interleave).
 */
export async function claimPerson(db: Db, id: string, at: string): Promise<boolean> {
  const r = await db.updateTable('people').set({ updated_at: at }).where('id', '=', id).where('merged_into', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Leaves the merged account as a tombstone: it points to the kept one, without email or password,
 * and without its association id when that moves to the kept account (the id is unique).
 */
export async function markMergedInto(db: Db, mergedId: string, keptId: string, at: string, o: { dropAssociationId: boolean }): Promise<void> {
  await db
    .updateTable('people')
    .set({ merged_into: keptId, email: null, password_hash: null, ...(o.dropAssociationId ? { association_id: null } : {}), updated_at: at })
    .where('id', '=', mergedId)
    .execute();
}

export interface MergeRecord {
  id: string;
  keptId: string;
  mergedId: string;
  at: string;
  byId: string | null;
  summaryJson: string;
}

export async function insertMerge(db: Db, m: MergeRecord): Promise<void> {
  await db.insertInto('account_merges').values({ id: m.id, kept_id: m.keptId, merged_id: m.mergedId, at: m.at, by_id: m.byId, summary_json: m.summaryJson }).execute();
}

/** The latest merges with the names of both accounts (the merged one keeps its name). */
export async function recentMerges(db: Db, limit: number) {
  return db
    .selectFrom('account_merges as m')
    .leftJoin('people as k', 'k.id', 'm.kept_id')
    .leftJoin('people as g', 'g.id', 'm.merged_id')
    .leftJoin('people as b', 'b.id', 'm.by_id')
    .select([
      'm.id',
      'm.at',
      'm.kept_id',
      'm.merged_id',
      'm.summary_json',
      'k.first_name as kept_first',
      'k.last_name as kept_last',
      'g.first_name as merged_first',
      'g.last_name as merged_last',
      'b.first_name as by_first',
      'b.last_name as by_last',
    ])
    .orderBy('m.at', 'desc')
    .orderBy('m.id')
    .limit(limit)
    .execute();
}
