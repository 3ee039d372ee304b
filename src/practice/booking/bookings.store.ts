import type { Db } from '../../platform/db/database.js';
import type { PracticeTables } from '../practice.tables.js';
import { SLOT_COLUMNS, toSlot, type SlotRow, type StoredSlot } from '../slots.store.js';
import { sql } from 'kysely';
import { locksRows } from '../../platform/db/transactions.js';
import { compareSlots, type WeeklySlot } from '../slots.rules.js';
import { peakLoad, type SlotLoad } from '../field-load.rules.js';
import { prepared, type Arg } from '../../platform/db/prepared.js';
import { toSignup, type SignupSettings } from './signup.store.js';

export type BookingRecord = PracticeTables['practice_bookings'];

/** A booking of a team with its slot. */
export interface TeamBookingRow {
  id: string;
  teamId: string;
  slotId: string;
  slot: StoredSlot;
  bookedAt: string;
  via: string;
}

/**
 * Locks the team row and, in id order, the slot row with every slot of its field that overlaps it
 * (PostgreSQL), in one statement: one team's bookings, and the places of one stretch of a field,
 * are decided one at a time. Two bookings that could together put too many teams on a field at
 * one moment are in slots that overlap, so each locks the other's slot and the second waits; the
 * id order keeps two such waits from closing a circle. Nothing to do on SQLite, where the whole
 * transaction already runs alone on the one connection. What the decision reads comes after, in
 * its own statement, whose snapshot is taken once the locks are granted.
 */
export async function lockTeamAndSlot(db: Db, teamId: string, slotId: string): Promise<void> {
  if (locksRows(db)) await lockBoth(db, { teamId, slotId });
}

const lockBoth = prepared((db, arg: Arg<{ teamId: string; slotId: string }>) =>
  db
    .selectFrom(['teams', 'practice_slots as s'])
    .select('teams.id')
    .where('teams.id', '=', arg('teamId'))
    .where('s.id', 'in', (eb) =>
      eb
        .selectFrom(['practice_slots as w', 'practice_slots as x'])
        .select('x.id')
        .where('w.id', '=', arg('slotId'))
        .whereRef('x.season_id', '=', 'w.season_id')
        .whereRef('x.field_id', '=', 'w.field_id')
        .whereRef('x.weekday', '=', 'w.weekday')
        .whereRef('x.start_time', '<', 'w.end_time')
        .whereRef('x.end_time', '>', 'w.start_time'),
    )
    .orderBy('s.id')
    .forUpdate(),
);

/** What a placement is decided on: the slot, how many teams hold it, and the team's own bookings. */
export interface PlacementState {
  slot: StoredSlot;
  booked: number;
  /** The other slots of its field that overlap it, with their bookings (usually none). */
  overlapping: SlotLoad[];
  held: TeamBookingRow[];
  /** When the slot was full: the slots open to the team's division with room left (the alternatives come from them). */
  open?: OpenSlots;
}

/** Every booking of some teams (all of a season's when `teamIds` is absent), with slots, in slot order. */
export async function bookingsWithSlots(db: Db, seasonId: string, teamIds?: string[]): Promise<TeamBookingRow[]> {
  if (teamIds && teamIds.length === 0) return [];
  const rows = await db
    .selectFrom('practice_bookings as b')
    .innerJoin('practice_slots as s', 's.id', 'b.slot_id')
    .selectAll('s')
    .select(['b.id as booking_id', 'b.team_id', 'b.booked_at', 'b.via'])
    // A team's bookings are found by its index; the season alone when every team's are wanted.
    .$if(!teamIds, (q) => q.where('b.season_id', '=', seasonId))
    .$if(!!teamIds, (q) => q.where('b.team_id', 'in', teamIds!).where('s.season_id', '=', seasonId))
    .execute();
  return rows.map((r) => ({ id: r.booking_id, teamId: r.team_id, slotId: r.id, slot: toSlot(r), bookedAt: r.booked_at, via: r.via })).sort(bookingOrder);
}

/** Bookings in the order of the week: day, start time, field. */
const bookingOrder = (a: TeamBookingRow, b: TeamBookingRow) =>
  a.slot.weekday - b.slot.weekday || a.slot.start.localeCompare(b.slot.start) || a.slot.fieldId.localeCompare(b.slot.fieldId);

export async function findBooking(db: Db, id: string): Promise<BookingRecord | undefined> {
  return db.selectFrom('practice_bookings').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertBooking(db: Db, b: BookingRecord): Promise<void> {
  await insertBookingRow(db, b);
}

const insertBookingRow = prepared((db, arg: Arg<BookingRecord>) =>
  db.insertInto('practice_bookings').values({
    id: arg('id'),
    season_id: arg('season_id'),
    slot_id: arg('slot_id'),
    team_id: arg('team_id'),
    booked_at: arg('booked_at'),
    booked_by: arg('booked_by'),
    via: arg('via'),
  }),
);

/** Stores many bookings at once (the demo's), in statements of 200 rows. */
export async function insertBookings(db: Db, rows: BookingRecord[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('practice_bookings')
      .values(rows.slice(i, i + 200))
      .execute();
}

/** Deletes a booking; false when it was already gone. */
export async function deleteBooking(db: Db, id: string): Promise<boolean> {
  const r = await db.deleteFrom('practice_bookings').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export async function moveBookingRow(db: Db, id: string, slotId: string, at: string, by: string | null, via: string): Promise<void> {
  await db.updateTable('practice_bookings').set({ slot_id: slotId, booked_at: at, booked_by: by, via }).where('id', '=', id).execute();
}

/** Every (team, slot) pair of a season: what the invariant checker reads. */
export async function seasonBookingRows(db: Db, seasonId: string): Promise<{ id: string; teamId: string; slotId: string }[]> {
  const rows = await db.selectFrom('practice_bookings').select(['id', 'team_id', 'slot_id']).where('season_id', '=', seasonId).execute();
  return rows.map((r) => ({ id: r.id, teamId: r.team_id, slotId: r.slot_id }));
}

export interface StaffContact {
  personId: string;
  name: string;
  email: string | null;
  role: string;
}

/** The head and assistant coaches of a team, with their email (for confirmations). */
export async function teamStaff(db: Db, teamId: string): Promise<StaffContact[]> {
  const rows = await db
    .selectFrom('team_staff')
    .innerJoin('people', 'people.id', 'team_staff.person_id')
    .select(['people.id', 'people.first_name', 'people.last_name', 'people.email', 'team_staff.role'])
    .where('team_staff.team_id', '=', teamId)
    .orderBy('team_staff.role', 'desc')
    .orderBy('people.last_name')
    .execute();
  return rows.map((r) => ({ personId: r.id, name: `${r.first_name} ${r.last_name}`, email: r.email, role: r.role }));
}

export interface TeamForBooking {
  id: string;
  seasonId: string;
  division: string;
  name: string;
  /** The person asking is on the team's staff (head or assistant coach). */
  coachedByAsker: boolean;
  /** The sign-up settings of the team's season. */
  signup: SignupSettings;
  /** Head and assistant coaches (for confirmations). */
  staff: StaffContact[];
}

/** The slot columns toSlot reads (its timestamps are not needed to decide a booking). */
const LOOK_SLOT_COLUMNS = SLOT_COLUMNS.filter((c) => c !== 'created_at' && c !== 'updated_at');

/**
 * The other slots of the field of the slot aliased `o` (same season, weekday) whose time overlaps
 * it, as one JSON array of [id, start, end, bookings]: found by the field index, usually empty.
 */
function overlappingJson(db: Db, o: 'w' | 'o') {
  const near = sql.raw(
    `x.season_id = ${o}.season_id and x.field_id = ${o}.field_id and x.weekday = ${o}.weekday and x.id <> ${o}.id and x.start_time < ${o}.end_time and x.end_time > ${o}.start_time`,
  );
  const row = sql`x.id, x.start_time, x.end_time, (select count(*) from practice_bookings xb where xb.slot_id = x.id)`;
  return locksRows(db)
    ? sql<unknown>`(select coalesce(json_agg(json_build_array(${row})), '[]') from practice_slots x where ${near})`
    : sql<unknown>`(select json_group_array(json_array(${row})) from practice_slots x where ${near})`;
}

/**
 * What deciding a booking reads, in one statement (every request of a rush runs it): the team, its
 * coaches and its season's sign-up settings; and, when a slot is named, that slot of the team's
 * season with the teams holding it now, the other slots of its field that overlap it with theirs,
 * and the team's own bookings with their slots. One row per coach and booking of the team (a
 * handful).
 */
const lookRows = prepared((db, arg: Arg<{ teamId: string; slotId: string }>) => {
  const pg = locksRows(db);
  return (
    db
      .selectFrom('teams as t')
      .leftJoin('team_staff as st', 'st.team_id', 't.id')
      .leftJoin('people as pe', 'pe.id', 'st.person_id')
      .leftJoin('practice_signup as su', 'su.season_id', 't.season_id')
      .leftJoin('practice_slots as w', (j) => j.on('w.id', '=', arg('slotId')).onRef('w.season_id', '=', 't.season_id'))
      // The team's bookings through the team's index. (Joined on the season as well, SQLite, having no
      // statistics, chose the season's index and read every booking of the season.) The slot join
      // keeps the team's season: a booking of another season finds no slot and is left out.
      .leftJoin('practice_bookings as b', 'b.team_id', 't.id')
      .leftJoin('practice_slots as s', (j) => j.onRef('s.id', '=', 'b.slot_id').onRef('s.season_id', '=', 't.season_id'))
      .select(['t.id', 't.season_id', 't.division', 't.name', 'st.person_id', 'st.role', 'pe.first_name', 'pe.last_name', 'pe.email'])
      .select(['su.opens_at', 'su.division_opens_json', 'su.closes_at', 'su.blackouts_json', 'su.updated_at'])
      .select(LOOK_SLOT_COLUMNS.map((c) => `w.${c} as w_${c}` as const))
      .select((eb) =>
        eb
          .selectFrom('practice_bookings as c')
          .select((c) => c.fn.countAll<number>().as('n'))
          .whereRef('c.slot_id', '=', 'w.id')
          .as('booked'),
      )
      .select(() => overlappingJson(db, 'w').as('field_json'))
      .select(['b.id as b_id', 'b.booked_at as b_booked_at', 'b.via as b_via'])
      .select(LOOK_SLOT_COLUMNS.map((c) => `s.${c} as s_${c}` as const))
      // Only when the named slot may be full (its own places taken, or teams in slots overlapping it
      // on its field): the slots of its season open to the team's division that still have a place,
      // each with the overlapping slots of its field (looked for only where shares_field marks some),
      // as one JSON array of compact rows (computed once: it depends on the arguments alone; each
      // slot's bookings counted once).
      .select(() => {
        const wanted = sql`(select ws.season_id from practice_slots ws where ws.id = ${arg('slotId')})`;
        const crowded = sql`exists (select 1 from practice_slots cw join practice_slots cx on cx.season_id = cw.season_id and cx.field_id = cw.field_id and cx.weekday = cw.weekday
            and cx.id <> cw.id and cx.start_time < cw.end_time and cx.end_time > cw.start_time join practice_bookings cb on cb.slot_id = cx.id where cw.id = ${arg('slotId')})`;
        const candidates = sql`(select o.id, o.field_id, o.weekday, o.start_time, o.end_time, o.minutes, o.capacity, o.divisions_json,
          (select count(*) from practice_bookings ob where ob.slot_id = o.id) as booked,
          case when o.shares_field = 1 then ${overlappingJson(db, 'o')} end as near
        from practice_slots o
        where o.season_id = ${wanted}
          and o.divisions_json like '%"' || (select division from teams where id = ${arg('teamId')}) || '"%'
          and ((select count(*) from practice_bookings where slot_id = ${arg('slotId')}) >= (select capacity from practice_slots where id = ${arg('slotId')}) or ${crowded}))`;
        const row = sql`c.id, c.field_id, c.weekday, c.start_time, c.end_time, c.minutes, c.capacity, c.booked`;
        // The divisions go in as JSON, so the one parse of the whole value reads them too.
        return (
          pg
            ? sql<unknown>`(select coalesce(json_agg(json_build_array(${row}, c.divisions_json::json, c.near)), '[]') from ${candidates} c where c.booked < c.capacity)`
            : sql<unknown>`(select json_group_array(json_array(${row}, json(c.divisions_json), json(c.near))) from ${candidates} c where c.booked < c.capacity)`
        ).as('open_json');
      })
      .where('t.id', '=', arg('teamId'))
  );
});

type LookRow = Awaited<ReturnType<typeof lookRows>>[number];

/** The slot under `prefix` in a row of lookRows, or null where the join found none. */
function slotIn(r: LookRow, prefix: 'w' | 's'): StoredSlot | null {
  if (r[`${prefix}_id`] === null) return null;
  return toSlot(Object.fromEntries(LOOK_SLOT_COLUMNS.map((c) => [c, r[`${prefix}_${c}`]])) as SlotRow);
}

export interface BookingLook {
  team: TeamForBooking;
  /** The named slot with its count and the team's bookings; absent when no slot was named or it is not in the team's season. */
  placement?: PlacementState;
}

/** Slots with a place left, and how many teams hold each (a slot without any is absent). */
export interface OpenSlots {
  slots: WeeklySlot[];
  booked: Map<string, number>;
  /** Slot id -> the most teams on its field at once during its time (field-load.rules). */
  peaks: Map<string, number>;
}

/** See lookRows; `personId` is the person asking (are they one of the team's coaches?). */
export async function lookAtBooking(db: Db, teamId: string, slotId: string | null, personId: string | null): Promise<BookingLook | undefined> {
  const rows = await lookRows(db, { teamId, slotId: slotId ?? '' });
  const r = rows[0];
  if (!r) return undefined;
  const staff = new Map<string, StaffContact>();
  const held = new Map<string, TeamBookingRow>();
  for (const x of rows) {
    if (x.person_id !== null && !staff.has(x.person_id)) staff.set(x.person_id, { personId: x.person_id, name: `${x.first_name} ${x.last_name}`, email: x.email, role: x.role! });
    const slot = slotIn(x, 's');
    if (x.b_id !== null && slot && !held.has(x.b_id)) held.set(x.b_id, { id: x.b_id, teamId, slotId: slot.id, slot, bookedAt: x.b_booked_at!, via: x.b_via! });
  }
  const team: TeamForBooking = {
    id: r.id,
    seasonId: r.season_id,
    division: r.division,
    name: r.name,
    coachedByAsker: staff.has(personId ?? ''),
    signup: toSignup(r),
    staff: [...staff.values()],
  };
  const wanted = slotIn(r, 'w');
  if (!wanted) return { team };
  const booked = Number(r.booked);
  const overlapping = loads(r.field_json);
  const mayBeFull = booked >= wanted.capacity || overlapping.some((o) => o.booked > 0);
  return { team, placement: { slot: wanted, booked, overlapping, held: [...held.values()].sort(bookingOrder), ...(mayBeFull ? { open: openSlots(r.open_json) } : {}) } };
}

/** JSON of the statement: text on SQLite, parsed already on PostgreSQL. */
const parsed = <T>(json: unknown, empty: T): T => (typeof json === 'string' ? JSON.parse(json) : (json ?? empty)) as T;

/** The overlapping slots of overlappingJson as loads. */
function loads(json: unknown): SlotLoad[] {
  return parsed<NearRow[]>(json, []).map(([id, start, end, n]) => ({ id, start, end, booked: Number(n) }));
}

/** The open slots of lookRows (rows as OpenRow lists them), each with its field's peak during its time. */
function openSlots(json: unknown): OpenSlots {
  const rows = parsed<OpenRow[]>(json, []);
  const booked = new Map<string, number>();
  const peaks = new Map<string, number>();
  const slots = rows.map(([id, fieldId, weekday, start, end, minutes, capacity, n, divisions, near]): WeeklySlot => {
    if (Number(n) > 0) booked.set(id, Number(n));
    peaks.set(id, peakLoad(start, end, [{ start, end, booked: Number(n) }, ...loads(near)]).teams);
    return { id, fieldId, weekday: Number(weekday), start, end, minutes: Number(minutes), capacity: Number(capacity), divisions: divisions ?? [] };
  });
  return { slots: slots.sort(compareSlots), booked, peaks };
}

/** id, start_time, end_time, booked. */
type NearRow = [string, string, string, number];
/** id, field_id, weekday, start_time, end_time, minutes, capacity, booked, divisions, overlapping slots. */
type OpenRow = [string, string, number, string, string, number, number, number, string[] | null, NearRow[] | string | null];

/** A team, its coaches (whether the person asking is one of them) and its season's sign-up settings. */
export async function teamForPerson(db: Db, teamId: string, personId: string | null): Promise<TeamForBooking | undefined> {
  return (await lookAtBooking(db, teamId, null, personId))?.team;
}

/** The slot a team wants (of the team's season), its count and the team's bookings: one look at one committed moment. */
export async function placementState(db: Db, teamId: string, slotId: string): Promise<PlacementState | undefined> {
  return (await lookAtBooking(db, teamId, slotId, null))?.placement;
}
