import type { Db } from '../platform/db/database.js';
import type { PracticeTables } from './practice.tables.js';
import { toSlot, type StoredSlot } from './slots.store.js';
import { locksRows } from './db.js';
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
 * Locks the team row (PostgreSQL) so that one team's bookings are decided one at a time. Nothing
 * to do on SQLite, where the whole transaction already runs alone on the one connection.
 */
export async function lockTeam(db: Db, teamId: string): Promise<void> {
  if (locksRows(db)) await db.selectFrom('teams').select('id').where('id', '=', teamId).forUpdate().execute();
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
  return rows
    .map((r) => ({ id: r.booking_id, teamId: r.team_id, slotId: r.id, slot: toSlot(r), bookedAt: r.booked_at, via: r.via }))
    .sort((a, b) => a.slot.weekday - b.slot.weekday || a.slot.start.localeCompare(b.slot.start) || a.slot.fieldId.localeCompare(b.slot.fieldId));
}

/** One team's bookings (read inside the booking transaction after the team row is locked). */
export async function teamBookings(db: Db, seasonId: string, teamId: string): Promise<TeamBookingRow[]> {
  return bookingsWithSlots(db, seasonId, [teamId]);
}

export async function findBooking(db: Db, id: string): Promise<BookingRecord | undefined> {
  return db.selectFrom('practice_bookings').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertBooking(db: Db, b: BookingRecord): Promise<void> {
  await db.insertInto('practice_bookings').values(b).execute();
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

/**
 * A team, its coaches (whether the person asking is one of them) and its season's sign-up
 * settings, in one query: the booking path runs it on every request.
 */
export async function teamForPerson(db: Db, teamId: string, personId: string | null): Promise<TeamForBooking | undefined> {
  const rows = await db
    .selectFrom('teams')
    .leftJoin('team_staff', 'team_staff.team_id', 'teams.id')
    .leftJoin('people', 'people.id', 'team_staff.person_id')
    .leftJoin('practice_signup', 'practice_signup.season_id', 'teams.season_id')
    .select(['teams.id', 'teams.season_id', 'teams.division', 'teams.name', 'team_staff.person_id', 'team_staff.role', 'people.first_name', 'people.last_name', 'people.email'])
    .select(['practice_signup.opens_at', 'practice_signup.division_opens_json', 'practice_signup.closes_at', 'practice_signup.blackouts_json', 'practice_signup.updated_at'])
    .where('teams.id', '=', teamId)
    .execute();
  const r = rows[0];
  if (!r) return undefined;
  const staff = rows.filter((x) => x.person_id !== null).map((x) => ({ personId: x.person_id!, name: `${x.first_name} ${x.last_name}`, email: x.email, role: x.role! }));
  return { id: r.id, seasonId: r.season_id, division: r.division, name: r.name, coachedByAsker: staff.some((x) => x.personId === personId), signup: toSignup(r), staff };
}
