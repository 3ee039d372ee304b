import type { Db } from '../platform/db/database.js';
import type { PracticeTables } from './practice.tables.js';
import { SLOT_COLUMNS, toSlot, type SlotRow, type StoredSlot } from './slots.store.js';
import { locksRows } from './db.js';
import { prepared, type Arg } from '../platform/db/prepared.js';
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
 * Locks the team row and the slot row (PostgreSQL) in one statement, so that one team's bookings,
 * and one slot's places, are decided one at a time. Nothing to do on SQLite, where the whole
 * transaction already runs alone on the one connection. What the decision reads comes after, in
 * its own statement, whose snapshot is taken once the locks are granted.
 */
export async function lockTeamAndSlot(db: Db, teamId: string, slotId: string): Promise<void> {
  if (locksRows(db)) await lockBoth(db, { teamId, slotId });
}

const lockBoth = prepared((db, arg: Arg<{ teamId: string; slotId: string }>) =>
  db.selectFrom(['teams', 'practice_slots']).select('teams.id').where('teams.id', '=', arg('teamId')).where('practice_slots.id', '=', arg('slotId')).forUpdate(),
);

const placementRows = prepared((db, arg: Arg<{ seasonId: string; teamId: string; slotId: string }>) =>
  db
    .selectFrom('practice_slots as w')
    .leftJoin('practice_bookings as b', (j) => j.on('b.team_id', '=', arg('teamId')).on('b.season_id', '=', arg('seasonId')))
    .leftJoin('practice_slots as s', 's.id', 'b.slot_id')
    .selectAll('w')
    .select((eb) => eb.selectFrom('practice_bookings as c').select((c) => c.fn.countAll<number>().as('n')).whereRef('c.slot_id', '=', 'w.id').as('booked'))
    .select(['b.id as b_id', 'b.booked_at as b_booked_at', 'b.via as b_via'])
    .select(SLOT_COLUMNS.map((c) => `s.${c} as s_${c}` as const))
    .where('w.id', '=', arg('slotId'))
    .where('w.season_id', '=', arg('seasonId')),
);

/** What a placement is decided on: the slot, how many teams hold it, and the team's own bookings. */
export interface PlacementState {
  slot: StoredSlot;
  booked: number;
  held: TeamBookingRow[];
}

/**
 * The slot a team wants, its count, and the team's bookings with their slots, in one statement
 * (one row per booking the team holds, or one row when it holds none): a consistent look at one
 * committed moment. Undefined when the slot is not in the season.
 */
export async function placementState(db: Db, seasonId: string, teamId: string, slotId: string): Promise<PlacementState | undefined> {
  const rows = await placementRows(db, { seasonId, teamId, slotId });
  const first = rows[0];
  if (!first) return undefined;
  const held = rows
    .filter((r) => r.b_id !== null && r.s_id !== null)
    .map((r) => {
      const slot = toSlot(Object.fromEntries(SLOT_COLUMNS.map((c) => [c, r[`s_${c}`]])) as SlotRow);
      return { id: r.b_id!, teamId, slotId: slot.id, slot, bookedAt: r.b_booked_at!, via: r.b_via! };
    })
    .sort(bookingOrder);
  return { slot: toSlot(first), booked: Number(first.booked), held };
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
const bookingOrder = (a: TeamBookingRow, b: TeamBookingRow) => a.slot.weekday - b.slot.weekday || a.slot.start.localeCompare(b.slot.start) || a.slot.fieldId.localeCompare(b.slot.fieldId);

export async function findBooking(db: Db, id: string): Promise<BookingRecord | undefined> {
  return db.selectFrom('practice_bookings').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertBooking(db: Db, b: BookingRecord): Promise<void> {
  await insertBookingRow(db, b);
}

const insertBookingRow = prepared((db, arg: Arg<BookingRecord>) =>
  db.insertInto('practice_bookings').values({ id: arg('id'), season_id: arg('season_id'), slot_id: arg('slot_id'), team_id: arg('team_id'), booked_at: arg('booked_at'), booked_by: arg('booked_by'), via: arg('via') }),
);

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

const teamRows = prepared((db, arg: Arg<{ teamId: string }>) =>
  db
    .selectFrom('teams')
    .leftJoin('team_staff', 'team_staff.team_id', 'teams.id')
    .leftJoin('people', 'people.id', 'team_staff.person_id')
    .leftJoin('practice_signup', 'practice_signup.season_id', 'teams.season_id')
    .select(['teams.id', 'teams.season_id', 'teams.division', 'teams.name', 'team_staff.person_id', 'team_staff.role', 'people.first_name', 'people.last_name', 'people.email'])
    .select(['practice_signup.opens_at', 'practice_signup.division_opens_json', 'practice_signup.closes_at', 'practice_signup.blackouts_json', 'practice_signup.updated_at'])
    .where('teams.id', '=', arg('teamId')),
);

/**
 * A team, its coaches (whether the person asking is one of them) and its season's sign-up
 * settings, in one query: the booking path runs it on every request.
 */
export async function teamForPerson(db: Db, teamId: string, personId: string | null): Promise<TeamForBooking | undefined> {
  const rows = await teamRows(db, { teamId });
  const r = rows[0];
  if (!r) return undefined;
  const staff = rows.filter((x) => x.person_id !== null).map((x) => ({ personId: x.person_id!, name: `${x.first_name} ${x.last_name}`, email: x.email, role: x.role! }));
  return { id: r.id, seasonId: r.season_id, division: r.division, name: r.name, coachedByAsker: staff.some((x) => x.personId === personId), signup: toSignup(r), staff };
}
