import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/clock.js';
import type { Deps } from '../../platform/feature.js';
import { recordAudit, type Actor } from '../../platform/audit.js';
import type { RegionConfig } from '../../region/index.js';
import { inTransaction } from '../../platform/db/transactions.js';
import { generateSlots, practiceGroups, windowProblems, slotId as slotKey, type PracticeWindow, type WeeklySlot } from '../slots.rules.js';
import { overlappingSlots } from '../slots.rules.js';
import { aboveField } from '../field-load.rules.js';
import { planRegeneration } from './regenerate.rules.js';
import { signupProblems, type SignupInput } from './signup.rules.js';
import { parseTime } from '../../platform/time/time.rules.js';
import {
  bookedCounts,
  countBookings,
  deleteSlots,
  findSlot,
  insertSlots,
  listSlots,
  lockSeasonSlots,
  markSharedSlots,
  slotIdByKey,
  updateSlot,
  type StoredSlot,
} from '../slots.store.js';
import { loadSignup, saveSignup, type SignupSettings } from '../booking/signup.store.js';
import { deleteWindow, insertWindow, listWindows } from './windows.store.js';
import { resolveSeason } from '../season.service.js';

const audit = (deps: Deps, actor: Actor, action: string, entity: string, entityId: string, before?: unknown, after?: unknown) => (db: Deps['db']) =>
  recordAudit(db, { actor, at: deps.clock.now().toISOString(), action, entity, entityId, before, after });

/** Saves a season's sign-up settings (opening, per-division openings, deadline, blackouts); audited. */
export async function saveSignupSettings(deps: Deps, config: RegionConfig, actor: Actor, seasonId: string, input: SignupInput): Promise<SignupSettings> {
  const { season } = resolveSeason(config, deps.clock, seasonId);
  const problems = signupProblems(
    input,
    config.divisions.map((d) => d.code),
    season,
  );
  if (problems.length) throw new AppError('VALIDATION', problems[0]!, { errors: problems });
  const at = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const before = await loadSignup(trx, season.id);
    await saveSignup(trx, season.id, input, at, actor.id);
    await audit(deps, actor, 'practice.signup.update', 'practice_signup', season.id, before, input)(trx);
    return { ...input, blackouts: [...input.blackouts].sort(), updatedAt: at };
  });
}

/** Adds a practice window after checking it against the region's fields; audited. */
export async function addWindow(deps: Deps, config: RegionConfig, actor: Actor, seasonId: string, input: PracticeWindow): Promise<string> {
  const { season } = resolveSeason(config, deps.clock, seasonId);
  // Only the window's own properties are stored and audited, whatever else the caller's object holds.
  const { fieldId, weekdays, startTime, endTime, capacity, divisions } = input;
  const w: PracticeWindow = { fieldId, weekdays, startTime, endTime, ...(capacity !== undefined ? { capacity } : {}), ...(divisions !== undefined ? { divisions } : {}) };
  const problems = windowProblems([w], config.fields).map((p) => p.replace(/^windows\[0\]: /, ''));
  const unknown = (w.divisions ?? []).filter((d) => !config.divisions.some((x) => x.code === d));
  if (unknown.length) problems.push(`The region has no division ${unknown.join(', ')}.`);
  if (w.divisions && w.divisions.length === 0) problems.push('Pick at least one division, or none to open the window to every division.');
  if (problems.length) throw new AppError('VALIDATION', problems[0]!, { errors: problems });
  return deps.db.transaction().execute(async (trx) => {
    const id = await insertWindow(trx, season.id, w, deps.clock.now().toISOString());
    await audit(deps, actor, 'practice.window.add', 'practice_window', id, undefined, w)(trx);
    return id;
  });
}

export async function removeWindow(deps: Deps, actor: Actor, seasonId: string, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    if (!(await deleteWindow(trx, seasonId, id))) throw new AppError('NOT_FOUND', 'That practice window was already removed.');
    await audit(deps, actor, 'practice.window.remove', 'practice_window', id)(trx);
  });
}

export interface GenerationReport {
  added: number;
  updated: number;
  removed: number;
  /** Human lines: kept booked slots, capacities kept for bookings, overlapping slots. */
  notes: string[];
  total: number;
}

const describe = (s: WeeklySlot) => `${s.fieldId} ${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][s.weekday]} ${s.start}-${s.end}`;
const describeWindow = (config: RegionConfig, w: PracticeWindow) =>
  `${config.fields.find((f) => f.id === w.fieldId)?.name ?? w.fieldId} ${w.weekdays.map((d) => ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d]).join(', ')} ${w.startTime}-${w.endTime}`;
const capacityOf = (config: RegionConfig, fieldId: string) => config.fields.find((f) => f.id === fieldId)?.capacity ?? '?';
/** Why a slot may not hold `capacity` teams on its field, or null (an unknown field is refused elsewhere). */
const overField = (config: RegionConfig, fieldId: string, capacity: number) => {
  const field = config.fields.find((f) => f.id === fieldId);
  return field ? aboveField(field, capacity, 'slot') : null;
};

/**
 * Cuts the season's windows into slots by each division's practice rule and brings the stored
 * slots in line (regenerate.rules): never loses a booking. One transaction, audited.
 */
export async function generateSeasonSlots(deps: Deps, config: RegionConfig, actor: Actor, seasonId: string): Promise<GenerationReport> {
  const { season } = resolveSeason(config, deps.clock, seasonId);
  const all = await listWindows(deps.db, season.id);
  // Draft windows (carried over from last season) are not cut into slots, so nobody books them, until published.
  const windows = all.filter((w) => !w.draft);
  if (!windows.length && all.length)
    throw new AppError('VALIDATION', 'Every practice window of this season is a draft carried over from last season: adjust them, publish them, then generate slots.');
  if (!windows.length) throw new AppError('VALIDATION', 'Add at least one practice window (field, weekdays, times) before generating slots.');
  // Windows stored before a rule held (a capacity above the field's), or whose field changed since: each named.
  const problems = windows.flatMap((w) => windowProblems([w], config.fields).map((p) => p.replace(/^windows\[0\]: /, `Window ${describeWindow(config, w)}: `)));
  if (problems.length) throw new AppError('VALIDATION', problems[0]!, { errors: [...problems, 'Remove those windows and add them again, then generate the slots.'] });
  const generated = generateSlots(windows, practiceGroups(config.divisions), config.fields);
  const at = deps.clock.now().toISOString();
  return inTransaction(deps.db, async (trx) => {
    await lockSeasonSlots(trx, season.id);
    const [existing, booked] = await Promise.all([listSlots(trx, season.id), bookedCounts(trx, season.id)]);
    const plan = planRegeneration(
      existing.map((s) => ({ ...s, booked: booked.get(s.id) ?? 0 })),
      generated,
    );
    await insertSlots(
      trx,
      plan.add.map((g) => ({ ...g, id: newId(), seasonId: season.id, origin: 'generated' as const })),
      at,
    );
    for (const u of plan.update) await updateSlot(trx, u.id, u, at);
    await deleteSlots(trx, plan.remove);
    await markSharedSlots(trx, season.id);
    const byId = new Map(existing.map((s) => [s.id, s]));
    const notes = [
      ...plan.keptBooked.map((id) => `${describe(byId.get(id)!)} is no longer in any window but keeps its ${booked.get(id)} booking(s): move those teams, then remove it.`),
      ...plan.keptCapacity.map((k) => `${describe(byId.get(k.id)!)} keeps capacity ${k.capacity}: ${k.booked} teams hold it already.`),
      ...overlappingSlots(await listSlots(trx, season.id)).map(
        ([a, b]) =>
          `${describe(a)} overlaps ${describe(b)}: they share the field's ${capacityOf(config, a.fieldId)} places, so teams in one leave less room in the other (give the window to one practice length to keep them apart).`,
      ),
    ];
    const report = { added: plan.add.length, updated: plan.update.length, removed: plan.remove.length, notes, total: existing.length + plan.add.length - plan.remove.length };
    await audit(deps, actor, 'practice.slots.generate', 'practice_season', season.id, undefined, { added: report.added, updated: report.updated, removed: report.removed })(trx);
    return report;
  });
}

export interface NewSlot {
  fieldId: string;
  weekday: number;
  start: string;
  end: string;
  capacity: number;
  /** Who may book it; absent: every division whose practice length and fields fit. */
  divisions?: string[];
}

function checkNewSlot(config: RegionConfig, s: NewSlot): { minutes: number; divisions: string[] } {
  const problems: string[] = [];
  if (!config.fields.some((f) => f.id === s.fieldId)) problems.push(`"${s.fieldId}" is not a field of the region.`);
  if (!Number.isInteger(s.weekday) || s.weekday < 0 || s.weekday > 6) problems.push('Pick a weekday.');
  const start = parseTime(s.start);
  const end = parseTime(s.end);
  if (start === null || end === null) problems.push('Write the times HH:MM (24-hour clock).');
  else if (start >= end) problems.push('The slot must end after it starts.');
  if (!Number.isInteger(s.capacity) || s.capacity < 1 || s.capacity > 50) problems.push('Capacity is how many teams fit at once: a whole number from 1 to 50.');
  else {
    const over = overField(config, s.fieldId, s.capacity);
    if (over) problems.push(over);
  }
  const minutes = start !== null && end !== null ? end - start : 0;
  const fits = config.divisions
    .filter((d) => d.practice.perWeek > 0 && d.practice.minutes === minutes && (!d.practice.fieldIds || d.practice.fieldIds.includes(s.fieldId)))
    .map((d) => d.code);
  const divisions = s.divisions ?? fits;
  for (const d of divisions) if (!fits.includes(d)) problems.push(`${d} teams cannot use a ${minutes}-minute slot on this field (their practice rule says otherwise).`);
  if (!problems.length && divisions.length === 0) problems.push(`No division practises ${minutes} minutes on this field: change the times.`);
  if (problems.length) throw new AppError('VALIDATION', problems[0]!, { errors: problems });
  return { minutes, divisions };
}

/** Adds one slot by hand (kept as it is when slots are generated again); audited. */
export async function addSlot(deps: Deps, config: RegionConfig, actor: Actor, seasonId: string, s: NewSlot): Promise<StoredSlot> {
  const { season } = resolveSeason(config, deps.clock, seasonId);
  const { minutes, divisions } = checkNewSlot(config, s);
  const slot: StoredSlot = {
    id: newId(),
    seasonId: season.id,
    key: slotKey(s.fieldId, s.weekday, s.start, s.end),
    fieldId: s.fieldId,
    weekday: s.weekday,
    start: s.start,
    end: s.end,
    minutes,
    capacity: s.capacity,
    divisions,
    origin: 'manual',
  };
  return deps.db.transaction().execute(async (trx) => {
    const same = await slotIdByKey(trx, season.id, slot.key);
    if (same) throw new AppError('SLOT_EXISTS', 'That field already has a slot at that day and time: change its capacity instead.');
    await insertSlots(trx, [slot], deps.clock.now().toISOString());
    await markSharedSlots(trx, season.id);
    await audit(deps, actor, 'practice.slot.add', 'practice_slot', slot.id, undefined, slot)(trx);
    return slot;
  });
}

/** Changes how many teams a slot holds; never below the teams that hold it now, nor above its field's capacity; audited. */
export async function setSlotCapacity(deps: Deps, config: RegionConfig, actor: Actor, slotId: string, capacity: number): Promise<StoredSlot> {
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > 50) throw new AppError('VALIDATION', 'Capacity is how many teams fit at once: a whole number from 1 to 50.');
  return inTransaction(deps.db, async (trx) => {
    const slot = await findSlot(trx, null, slotId, true);
    if (!slot) throw new AppError('NOT_FOUND', 'That practice slot does not exist (any more).');
    const over = overField(config, slot.fieldId, capacity);
    if (over) throw new AppError('VALIDATION', over, { fieldId: slot.fieldId, fieldCapacity: capacityOf(config, slot.fieldId) });
    const booked = await countBookings(trx, slot.id);
    if (capacity < booked)
      throw new AppError('CAPACITY_BELOW_BOOKINGS', `${booked} teams hold this slot: move some of them before lowering its capacity to ${capacity}.`, { booked });
    await updateSlot(trx, slot.id, { capacity }, deps.clock.now().toISOString());
    await audit(deps, actor, 'practice.slot.capacity', 'practice_slot', slot.id, { capacity: slot.capacity }, { capacity })(trx);
    return { ...slot, capacity };
  });
}

/** Removes a slot that no team holds; audited. */
export async function removeSlot(deps: Deps, actor: Actor, slotId: string): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    const slot = await findSlot(trx, null, slotId, true);
    if (!slot) throw new AppError('NOT_FOUND', 'That practice slot was already removed.');
    const booked = await countBookings(trx, slot.id);
    if (booked > 0) throw new AppError('SLOT_IN_USE', `${booked} team(s) hold this slot: move them to other slots first.`, { booked });
    await deleteSlots(trx, [slot.id]);
    await markSharedSlots(trx, slot.seasonId);
    await audit(deps, actor, 'practice.slot.remove', 'practice_slot', slot.id, slot)(trx);
  });
}
