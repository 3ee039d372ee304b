import { AppError, forbidden } from '../../platform/errors.js';
import { newId } from '../../platform/clock.js';
import type { Deps } from '../../platform/feature.js';
import type { Db } from '../../platform/db/database.js';
import { recordAudit } from '../../platform/audit.js';
import type { RegionConfig } from '../../region/index.js';
import { getRegionConfig } from '../../region/index.js';
import { placementRefusal, signupRefusal } from './booking.rules.js';
import { nearestAlternatives } from './alternatives.rules.js';
import { inTransaction, isUniqueViolation } from '../../platform/db/transactions.js';
import {
  findBooking,
  deleteBooking,
  insertBooking,
  lockTeamAndSlot,
  lookAtBooking,
  moveBookingRow,
  placementState,
  type PlacementState,
  type TeamForBooking,
} from './bookings.store.js';
import { findSlot, type StoredSlot } from '../slots.store.js';
import type { Who } from '../practice.access.js';
import { fieldNameOf, practiceOf } from '../practice.rules.js';
import { NOTICE_MAIL_KIND, familyMoveNotice, practiceNotice, type NoticeKind } from './notices.rules.js';
import { rosterOf } from '../../teams/index.js';
import { guardiansOf } from '../../players/index.js';
import { notify as notifyPerson } from '../../platform/notify/notify.js';
import { FAMILY_PRACTICE_MOVED } from '../../platform/notify/catalog.js';
import { bookingView, slotView, type BookingView } from './booking.schemas.js';
import type { DivisionPractice } from '../slots.rules.js';
import { fieldCapacity, peakLoad } from '../field-load.rules.js';

interface Prepared {
  config: RegionConfig;
  team: TeamForBooking;
  division: DivisionPractice;
  mode: 'coach' | 'admin';
  /** The slot the request names, as the same look saw it (undefined: not in the team's season). */
  first?: { slotId: string; state: PlacementState | undefined };
}

/**
 * Loads the team (and the slot the request names, in the same look) and decides who acts: its
 * coach (inside the sign-up window, SIGNUP_CLOSED otherwise) or an administrator.
 */
async function prepare(deps: Deps, who: Who, teamId: string, config?: RegionConfig, slotId?: string): Promise<Prepared> {
  const cfg = config ?? (await getRegionConfig(deps.db));
  const look = await lookAtBooking(deps.db, teamId, slotId ?? null, who.personId);
  if (!look) throw new AppError('NOT_FOUND', `There is no team ${teamId}. Pick one of your teams on the practice page.`);
  const { team } = look;
  if (!team.coachedByAsker && !who.isAdmin) throw forbidden(`You do not coach ${team.name}. Only the team's head or assistant coach books its practices.`);
  const p: Prepared = {
    config: cfg,
    team,
    division: practiceOf(cfg, team.division),
    mode: who.isAdmin ? 'admin' : 'coach',
    ...(slotId ? { first: { slotId, state: look.placement } } : {}),
  };
  checkWindow(deps, p);
  return p;
}

/** The sign-up window applies to coaches; administrators change bookings at any time. */
function checkWindow(deps: Deps, p: Prepared): void {
  if (p.mode === 'admin') return;
  const refusal = signupRefusal(deps.clock.now().toISOString(), p.team.signup, p.team.division, p.config.region.timeZone);
  if (refusal) throw refusal;
}

async function notify(deps: Deps, db: Db, p: Prepared, kind: NoticeKind, slot: StoredSlot, by: string, from?: StoredSlot): Promise<void> {
  const msg = practiceNotice({
    kind,
    teamName: p.team.name,
    division: p.team.division,
    slot,
    fieldName: fieldNameOf(p.config, slot.fieldId),
    ...(from ? { from: { slot: from, fieldName: fieldNameOf(p.config, from.fieldId) } } : {}),
    by,
    scheduleUrl: `${deps.config.baseUrl}/practice/teams/${encodeURIComponent(p.team.id)}`,
  });
  for (const s of p.team.staff) if (s.email) await deps.mailer.queue(db, { to: s.email, subject: msg.subject, text: msg.text, kind: NOTICE_MAIL_KIND[kind] });
  if (kind === 'moved') await tellFamilies(deps, db, p, slot, from);
}

/** The guardians of the team's players learn of a moved practice in the same transaction (one mail each, siblings included). */
async function tellFamilies(deps: Deps, db: Db, p: Prepared, slot: StoredSlot, from?: StoredSlot): Promise<void> {
  const roster = await rosterOf(db, p.team.id);
  const guardians = await guardiansOf(
    db,
    roster.map((r) => r.playerId),
  );
  const people = new Map<string, string>();
  for (const list of guardians.values()) for (const g of list) people.set(g.personId, g.firstName);
  const mail = familyMoveNotice({
    teamName: p.team.name,
    slot,
    fieldName: fieldNameOf(p.config, slot.fieldId),
    ...(from ? { from: { slot: from, fieldName: fieldNameOf(p.config, from.fieldId) } } : {}),
    familyUrl: `${deps.config.baseUrl}/family`,
  });
  for (const [personId, firstName] of people)
    await notifyPerson(db, deps.mailer, { personId, kind: FAMILY_PRACTICE_MOVED, subject: mail.subject, text: `Hello ${firstName},\n\n${mail.text}` }, deps);
}

/**
 * A full slot's refusal again, with the nearest slots the team may still take: from the open slots
 * the look that found it full read in the same statement, with the team's bookings as it saw them.
 */
function withAlternatives(p: Prepared, state: PlacementState, e: AppError): AppError {
  const { slots, booked, peaks } = state.open ?? { slots: [], booked: new Map<string, number>(), peaks: new Map<string, number>() };
  const alternatives = nearestAlternatives({
    team: { id: p.team.id, division: p.team.division },
    division: p.division,
    slot: state.slot,
    slots,
    booked,
    peaks,
    fields: p.config.fields,
    teamBookings: state.held,
  }).map((s) => slotView(p.config, s, booked.get(s.id) ?? 0, peaks.get(s.id)));
  const names = alternatives.map((a) => `${a.fieldName} ${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][a.weekday]} ${a.start}`);
  const hint = names.length ? ` Nearest free: ${names.join('; ')}.` : ' No other slot your team may take has room left; ask the coach administrator.';
  return new AppError('SLOT_FULL', `${e.message}${hint}`, { ...(e.details as object), alternatives });
}

const alreadyBooked = (team: TeamForBooking) => new AppError('ALREADY_BOOKED', `${team.name} already has this slot.`);

/**
 * Decides a placement: the rules on the state seen without locks first, as a refusal seen in a
 * committed snapshot (the slot was full, the allotment used) was true at that moment and is the
 * answer; in an opening rush most requests are for slots just taken, and they are answered without
 * queueing behind the bookings. A placement that may succeed runs one transaction that locks the
 * team and the slot (PostgreSQL; SQLite runs one transaction at a time), reads the count and the
 * team's bookings after the locks, asks the rules again, and lets `write` store the change and
 * queue the coaches' notice. A full slot answers SLOT_FULL with the nearest alternatives.
 */
async function placeInTransaction<T>(
  deps: Deps,
  p: Prepared,
  slotId: string,
  adjust: (s: PlacementState) => PlacementState,
  write: (trx: Db, s: PlacementState) => Promise<T>,
): Promise<T> {
  let seen = adjusted(p, slotId, p.first?.slotId === slotId ? p.first.state : await placementState(deps.db, p.team.id, slotId), adjust);
  try {
    refuse(p, seen);
    return await inTransaction(deps.db, async (trx) => {
      await lockTeamAndSlot(trx, p.team.id, slotId);
      refuse(p, (seen = adjusted(p, slotId, await placementState(trx, p.team.id, slotId), adjust)));
      return write(trx, seen);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw alreadyBooked(p.team);
    if (e instanceof AppError && e.code === 'SLOT_FULL') throw withAlternatives(p, seen, e);
    throw e;
  }
}

/** The slot, its count and the team's bookings as `adjust` has them count; NOT_FOUND for a slot not in the team's season. */
function adjusted(p: Prepared, slotId: string, state: PlacementState | undefined, adjust: (s: PlacementState) => PlacementState): PlacementState {
  if (!state) throw new AppError('NOT_FOUND', `There is no practice slot ${slotId} in season ${p.team.seasonId}. Reload the slot list.`);
  return adjust(state);
}

/** Throws the rules' refusal of the placement in `state`, if any: the slot's count and its field's, moment by moment. */
function refuse(p: Prepared, state: PlacementState): void {
  const { slot } = state;
  const peak = peakLoad(slot.start, slot.end, [{ start: slot.start, end: slot.end, booked: state.booked }, ...state.overlapping]).teams;
  const refusal = placementRefusal({
    team: { id: p.team.id, division: p.team.division },
    division: p.division,
    slot,
    booked: state.booked,
    field: { capacity: fieldCapacity(p.config.fields, slot.fieldId), peak },
    teamBookings: state.held,
    fields: p.config.fields,
  });
  if (refusal) throw refusal;
}

/** Books a slot for a team, first come, first served (placeInTransaction), and queues the coaches' confirmation. */
export async function bookPractice(deps: Deps, who: Who, input: { teamId: string; slotId: string }, config?: RegionConfig): Promise<BookingView> {
  const p = await prepare(deps, who, input.teamId, config, input.slotId);
  return placeInTransaction(
    deps,
    p,
    input.slotId,
    (s) => s,
    async (trx, { slot }) => {
      const id = newId();
      const at = deps.clock.now().toISOString();
      await insertBooking(trx, { id, season_id: p.team.seasonId, slot_id: slot.id, team_id: p.team.id, booked_at: at, booked_by: who.personId, via: p.mode });
      await notify(deps, trx, p, 'booked', slot, who.name);
      const view = bookingView(p.config, id, p.team, slot, p.mode);
      if (p.mode === 'admin')
        await recordAudit(trx, { actor: { id: who.personId, name: who.name }, at, action: 'practice.booking.assign', entity: 'practice_booking', entityId: id, after: view });
      return view;
    },
  );
}

async function bookingToChange(deps: Deps, bookingId: string) {
  const b = await findBooking(deps.db, bookingId);
  if (!b) throw new AppError('NOT_FOUND', 'That practice booking does not exist (any more). Reload the page.');
  return b;
}

/** Cancels a booking: the team's coach until the change deadline, an administrator at any time (audited). */
export async function cancelBooking(deps: Deps, who: Who, bookingId: string, config?: RegionConfig): Promise<void> {
  const b = await bookingToChange(deps, bookingId);
  const p = await prepare(deps, who, b.team_id, config);
  await inTransaction(deps.db, async (trx) => {
    await lockTeamAndSlot(trx, p.team.id, b.slot_id);
    const slot = await findSlot(trx, p.team.seasonId, b.slot_id);
    if (!(await deleteBooking(trx, bookingId)) || !slot) throw new AppError('NOT_FOUND', 'That practice booking was already cancelled.');
    await notify(deps, trx, p, 'cancelled', slot, who.name);
    if (p.mode === 'admin') {
      await recordAudit(trx, {
        actor: { id: who.personId, name: who.name },
        at: deps.clock.now().toISOString(),
        action: 'practice.booking.cancel',
        entity: 'practice_booking',
        entityId: bookingId,
        before: bookingView(p.config, bookingId, p.team, slot, b.via === 'admin' ? 'admin' : 'coach'),
      });
    }
  });
}

/**
 * Moves a booking to another slot in one transaction, so the team never loses its old place when
 * the new one is taken: the coach until the deadline, an administrator at any time (audited).
 */
export async function moveBooking(deps: Deps, who: Who, bookingId: string, toSlotId: string, config?: RegionConfig): Promise<BookingView> {
  const b = await bookingToChange(deps, bookingId);
  const p = await prepare(deps, who, b.team_id, config, toSlotId);
  let from: StoredSlot | undefined;
  // The booking being moved does not count against the team, nor on the field: it leaves its slot.
  const withoutIt = (s: PlacementState): PlacementState => {
    const leaving = s.held.find((x) => x.id === bookingId)?.slot;
    if (!leaving) throw new AppError('NOT_FOUND', 'That practice booking was cancelled in the meantime. Reload the page.');
    if (leaving.id === s.slot.id) throw alreadyBooked(p.team);
    from = leaving;
    const overlapping = s.overlapping.map((o) => (o.id === leaving.id ? { ...o, booked: o.booked - 1 } : o));
    return { ...s, overlapping, held: s.held.filter((x) => x.id !== bookingId) };
  };
  return placeInTransaction(deps, p, toSlotId, withoutIt, async (trx, { slot }) => {
    const at = deps.clock.now().toISOString();
    await moveBookingRow(trx, bookingId, slot.id, at, who.personId, p.mode);
    await notify(deps, trx, p, 'moved', slot, who.name, from);
    const view = bookingView(p.config, bookingId, p.team, slot, p.mode);
    if (p.mode === 'admin')
      await recordAudit(trx, {
        actor: { id: who.personId, name: who.name },
        at,
        action: 'practice.booking.move',
        entity: 'practice_booking',
        entityId: bookingId,
        before: bookingView(p.config, bookingId, p.team, from!, 'admin'),
        after: view,
      });
    return view;
  });
}
