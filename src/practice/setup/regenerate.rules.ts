import { slotId as slotKey, type WeeklySlot } from '../slots.rules.js';

/** An existing slot as regeneration sees it. */
export interface ExistingSlot extends WeeklySlot {
  origin: 'generated' | 'manual';
  booked: number;
}

export interface RegenerationPlan {
  /** New slots (their id is the rules' key; the service gives them row ids). */
  add: WeeklySlot[];
  /** Existing slots whose capacity or divisions change. */
  update: { id: string; capacity: number; divisions: string[] }[];
  /** Existing generated slots no window gives any more, without bookings. */
  remove: string[];
  /** Slots no window gives any more that keep their bookings (the administrator moves them). */
  keptBooked: string[];
  /** Slots kept above the window's capacity because more teams hold them already. */
  keptCapacity: { id: string; capacity: number; booked: number }[];
}

const keyOf = (s: WeeklySlot) => slotKey(s.fieldId, s.weekday, s.start, s.end);
const sameList = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * How to bring a season's slots in line with freshly generated ones without losing a booking: new
 * pieces are added, generated slots take the window's capacity and divisions (never below the
 * teams they hold), stale generated slots go unless booked, and slots added by hand stay as they are.
 */
export function planRegeneration(existing: ExistingSlot[], generated: WeeklySlot[]): RegenerationPlan {
  const byKey = new Map(existing.map((s) => [keyOf(s), s]));
  const wanted = new Set(generated.map(keyOf));
  const plan: RegenerationPlan = { add: [], update: [], remove: [], keptBooked: [], keptCapacity: [] };
  for (const g of generated) {
    const e = byKey.get(keyOf(g));
    if (!e) {
      plan.add.push(g);
      continue;
    }
    if (e.origin === 'manual') continue;
    const capacity = Math.max(g.capacity, e.booked);
    if (capacity > g.capacity) plan.keptCapacity.push({ id: e.id, capacity, booked: e.booked });
    if (capacity !== e.capacity || !sameList(g.divisions, e.divisions)) plan.update.push({ id: e.id, capacity, divisions: g.divisions });
  }
  for (const e of existing) {
    if (e.origin === 'manual' || wanted.has(keyOf(e))) continue;
    if (e.booked > 0) plan.keptBooked.push(e.id);
    else plan.remove.push(e.id);
  }
  return plan;
}
