import { sql, type ExpressionBuilder } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { Db } from '../platform/db/database.js';
import { fromJson, toJson } from '../platform/db/database.js';
import type { PracticeTables } from './practice.tables.js';
import { compareSlots, slotId as slotKey, type WeeklySlot } from './slots.rules.js';
import { locksRows } from '../platform/db/transactions.js';

/** A slot row as the code reads and writes it (shares_field is the database's to keep: markSharedSlots). */
export type SlotRow = Omit<PracticeTables['practice_slots'], 'shares_field'>;

/** The columns of a slot row, for queries that read slots under another name beside other rows. */
export const SLOT_COLUMNS = [
  'id',
  'season_id',
  'slot_key',
  'field_id',
  'weekday',
  'start_time',
  'end_time',
  'minutes',
  'capacity',
  'divisions_json',
  'origin',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof SlotRow)[];

/** A slot as stored: the rules' weekly slot (its id is the row id) and where it came from. */
export interface StoredSlot extends WeeklySlot {
  seasonId: string;
  key: string;
  origin: 'generated' | 'manual';
}

export function toSlot(r: SlotRow): StoredSlot {
  return {
    id: r.id,
    seasonId: r.season_id,
    key: r.slot_key,
    fieldId: r.field_id,
    weekday: r.weekday,
    start: r.start_time,
    end: r.end_time,
    minutes: r.minutes,
    capacity: r.capacity,
    divisions: fromJson<string[]>(r.divisions_json, []),
    origin: r.origin === 'manual' ? 'manual' : 'generated',
  };
}

export function slotRow(s: Omit<StoredSlot, 'key'>, at: string): SlotRow {
  return {
    id: s.id,
    season_id: s.seasonId,
    slot_key: slotKey(s.fieldId, s.weekday, s.start, s.end),
    field_id: s.fieldId,
    weekday: s.weekday,
    start_time: s.start,
    end_time: s.end,
    minutes: s.minutes,
    capacity: s.capacity,
    divisions_json: toJson(s.divisions),
    origin: s.origin,
    created_at: at,
    updated_at: at,
  };
}

/** Every slot of a season in display order (weekday, start, field). */
export async function listSlots(db: Db, seasonId: string): Promise<StoredSlot[]> {
  const rows = await db.selectFrom('practice_slots').selectAll().where('season_id', '=', seasonId).execute();
  return rows.map(toSlot).sort(compareSlots);
}

/** One slot (of a season, when given); locked against concurrent bookings on PostgreSQL when `lock` is set. */
export async function findSlot(db: Db, seasonId: string | null, slotId: string, lock = false): Promise<StoredSlot | undefined> {
  const row = await db
    .selectFrom('practice_slots')
    .selectAll()
    .where('id', '=', slotId)
    .$if(seasonId !== null, (q) => q.where('season_id', '=', seasonId!))
    .$if(lock && locksRows(db), (q) => q.forUpdate())
    .executeTakeFirst();
  return row ? toSlot(row) : undefined;
}

/** The id of the season's slot with this key (field, weekday, start and end), if there is one. */
export async function slotIdByKey(db: Db, seasonId: string, key: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('practice_slots').select('id').where('season_id', '=', seasonId).where('slot_key', '=', key).executeTakeFirst();
}

/** Locks every slot of a season (PostgreSQL), for changes that rewrite many of them at once. */
export async function lockSeasonSlots(db: Db, seasonId: string): Promise<void> {
  if (locksRows(db)) await db.selectFrom('practice_slots').select('id').where('season_id', '=', seasonId).orderBy('id').forUpdate().execute();
}

/**
 * How many teams hold a slot: counted inside the booking transaction, in its own statement after
 * the slot row is locked. (A count inside the locking statement would use that statement's
 * snapshot, taken before waiting for the lock, and miss the booking that the lock waited for.)
 */
export async function countBookings(db: Db, slotId: string): Promise<number> {
  const r = await db
    .selectFrom('practice_bookings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('slot_id', '=', slotId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** How many teams hold the slot of the outer query's row (a correlated count, found by the slot index). */
const bookedHere = (eb: ExpressionBuilder<DB, 'practice_slots'>) =>
  eb
    .selectFrom('practice_bookings')
    .select((c) => c.fn.countAll<number>().as('n'))
    .whereRef('practice_bookings.slot_id', '=', 'practice_slots.id');

/** A LIKE pattern matching a division code inside the JSON list of a slot's divisions. */
const divisionPattern = (code: string) => `%${JSON.stringify(code).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Every slot of a season (only those open to `division` when given) with its bookings, in one
 * query: slot order, each count found by the slot index. The sign-up page reads it.
 */
export async function slotsWithCounts(db: Db, seasonId: string, division?: string): Promise<{ slots: StoredSlot[]; booked: Map<string, number> }> {
  const rows = await db
    .selectFrom('practice_slots')
    .selectAll()
    .select((eb) => bookedHere(eb).as('booked'))
    .where('season_id', '=', seasonId)
    .$if(division !== undefined, (q) => q.where(sql<boolean>`divisions_json like ${divisionPattern(division!)} escape '\\'`))
    .execute();
  return { slots: rows.map(toSlot).sort(compareSlots), booked: new Map(rows.filter((r) => Number(r.booked) > 0).map((r) => [r.id, Number(r.booked)])) };
}

/** Slot id -> bookings, for every slot of a season that has any. */
export async function bookedCounts(db: Db, seasonId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('practice_bookings')
    .select(['slot_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('season_id', '=', seasonId)
    .groupBy('slot_id')
    .execute();
  return new Map(rows.map((r) => [r.slot_id, Number(r.n)]));
}

export async function insertSlots(db: Db, slots: Omit<StoredSlot, 'key'>[], at: string): Promise<void> {
  for (let i = 0; i < slots.length; i += 200)
    await db
      .insertInto('practice_slots')
      .values(slots.slice(i, i + 200).map((s) => slotRow(s, at)))
      .execute();
}

export async function updateSlot(db: Db, id: string, change: { capacity?: number; divisions?: string[] }, at: string): Promise<void> {
  await db
    .updateTable('practice_slots')
    .set({ updated_at: at, ...(change.capacity !== undefined ? { capacity: change.capacity } : {}), ...(change.divisions ? { divisions_json: toJson(change.divisions) } : {}) })
    .where('id', '=', id)
    .execute();
}

export async function deleteSlots(db: Db, ids: string[]): Promise<void> {
  if (ids.length) await db.deleteFrom('practice_slots').where('id', 'in', ids).execute();
}

/**
 * Marks the slots of a season that overlap another slot of their field (shares_field), after slots
 * were added or removed: the suggestions offered with a full slot count the field only there. The
 * booking decision itself never relies on the mark; it counts the overlapping slots every time.
 */
export async function markSharedSlots(db: Db, seasonId: string): Promise<void> {
  await sql`update practice_slots set shares_field = case when exists (
      select 1 from practice_slots x
      where x.season_id = practice_slots.season_id and x.field_id = practice_slots.field_id and x.weekday = practice_slots.weekday
        and x.id <> practice_slots.id and x.start_time < practice_slots.end_time and x.end_time > practice_slots.start_time) then 1 else 0 end
    where season_id = ${seasonId}`.execute(db);
}
