import { AppError } from '../platform/errors.js';
import { isIsoDate } from '../region/index.js';
import type { Division, Field } from '../region/index.js';
import { aboveField } from './field-load.rules.js';
import { addDays, formatTime, parseTime, timesOverlap, toMinutes, weekdayOf } from '../platform/time/time.rules.js';

/** The part of a division the practice rules read. */
export type DivisionPractice = Pick<Division, 'code' | 'practice'>;

/** A stretch of field time the region offers every week, cut into slots by the rules below. */
export interface PracticeWindow {
  fieldId: string;
  /** 0 = Sunday .. 6 = Saturday. */
  weekdays: number[];
  startTime: string;
  endTime: string;
  /** Teams that fit at once; the field's capacity when absent, never more than it. */
  capacity?: number;
  /** Keeps the window to these divisions (e.g. only the 90-minute ones); every division when absent. */
  divisions?: string[];
}

/** Divisions that practise for the same length on the same fields, and so share slots. */
export interface PracticeGroup {
  minutes: number;
  /** null: any field. */
  fieldIds: string[] | null;
  divisions: string[];
}

/** A weekly recurring practice slot: one field, one weekday, one time. */
export interface WeeklySlot {
  /** Stable for the same field, weekday and times: `field:weekday:HH:MM-HH:MM`. */
  id: string;
  fieldId: string;
  weekday: number;
  start: string;
  end: string;
  minutes: number;
  capacity: number;
  /** The divisions that may book it. */
  divisions: string[];
}

export interface SeasonDates {
  startDate: string;
  endDate: string;
}

export const slotId = (fieldId: string, weekday: number, start: string, end: string) => `${fieldId}:${weekday}:${start}-${end}`;

/** The order slots are shown and generated in: weekday (Sunday first), start, field, end. */
export function compareSlots(a: WeeklySlot, b: WeeklySlot): number {
  return a.weekday - b.weekday || a.start.localeCompare(b.start) || a.fieldId.localeCompare(b.fieldId) || a.end.localeCompare(b.end);
}

/**
 * Groups divisions by practice length and allowed fields (in config order), because divisions with
 * the same rule compete for the same slots. Divisions with no weekly practice are left out.
 */
export function practiceGroups(divisions: DivisionPractice[]): PracticeGroup[] {
  const groups = new Map<string, PracticeGroup>();
  for (const d of divisions) {
    if (d.practice.perWeek < 1) continue;
    const fieldIds = d.practice.fieldIds ? [...new Set(d.practice.fieldIds)].sort() : null;
    const key = `${d.practice.minutes}|${fieldIds?.join(',') ?? '*'}`;
    const group = groups.get(key) ?? { minutes: d.practice.minutes, fieldIds, divisions: [] };
    group.divisions.push(d.code);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The fields the slot rules read: a window may not hold more teams than its field. */
export type FieldRoom = Pick<Field, 'id' | 'name' | 'capacity'>;

/**
 * Every problem of a list of windows, one line each, so an administrator can fix them all at once.
 * A window may hold fewer teams than its field, never more: the field's capacity is what fits on
 * the grass at any moment, whatever the window says.
 */
export function windowProblems(windows: PracticeWindow[], fields: FieldRoom[]): string[] {
  return windows.flatMap((w, i) => {
    const at = `windows[${i}]`;
    const out: string[] = [];
    const field = fields.find((f) => f.id === w.fieldId);
    if (!field) out.push(`${at}: "${w.fieldId}" is not a field of the region.`);
    else if (Number.isInteger(w.capacity)) {
      const above = aboveField(field, w.capacity!, 'window');
      if (above) out.push(`${at}: ${above}`);
    }
    const start = parseTime(w.startTime);
    const end = parseTime(w.endTime);
    if (start === null || end === null) out.push(`${at}: times must be written HH:MM (24-hour clock).`);
    else if (start >= end) out.push(`${at}: ends (${w.endTime}) before it starts (${w.startTime}).`);
    if (w.weekdays.length === 0 || w.weekdays.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) out.push(`${at}: weekdays must be 0 (Sunday) to 6 (Saturday), at least one.`);
    if (w.capacity !== undefined && (!Number.isInteger(w.capacity) || w.capacity < 1)) out.push(`${at}: capacity must be a whole number of teams, at least 1.`);
    return out;
  });
}

/** Consecutive [start, end) pieces of a window, each `minutes` long; a shorter rest is not a slot. */
export function cutWindow(startTime: string, endTime: string, minutes: number): { start: string; end: string }[] {
  const out: { start: string; end: string }[] = [];
  const end = toMinutes(endTime);
  for (let s = toMinutes(startTime); s + minutes <= end; s += minutes) out.push({ start: formatTime(s), end: formatTime(s + minutes) });
  return out;
}

/** The weekly slots one division group gets from the windows on fields it may use. */
export function slotsForGroup(windows: PracticeWindow[], group: PracticeGroup, fields: Pick<Field, 'id' | 'capacity'>[]): WeeklySlot[] {
  const out: WeeklySlot[] = [];
  for (const w of windows) {
    const field = fields.find((f) => f.id === w.fieldId);
    if (!field || (group.fieldIds && !group.fieldIds.includes(w.fieldId))) continue;
    const divisions = group.divisions.filter((d) => !w.divisions || w.divisions.includes(d));
    if (divisions.length === 0) continue;
    for (const weekday of [...new Set(w.weekdays)]) {
      for (const piece of cutWindow(w.startTime, w.endTime, group.minutes)) {
        const id = slotId(w.fieldId, weekday, piece.start, piece.end);
        const capacity = Math.min(w.capacity ?? field.capacity, field.capacity);
        out.push({ id, fieldId: w.fieldId, weekday, ...piece, minutes: group.minutes, capacity, divisions: [...divisions] });
      }
    }
  }
  return mergeSlots(out);
}

/**
 * The weekly slots of a season: every window cut for every group that may use its field. The same
 * field, weekday and times is one slot (its divisions merged, the largest capacity stated), because
 * it is one piece of grass. Slots of different lengths that overlap on a field (a window open to
 * 60- and 90-minute divisions) are all made, each with at most the field's capacity, and share the
 * field: a booking is refused once the field holds its capacity at any moment of the slot's time
 * (field-load.rules). Windows with problems refuse the whole list (VALIDATION).
 */
export function generateSlots(windows: PracticeWindow[], groups: PracticeGroup[], fields: FieldRoom[]): WeeklySlot[] {
  const problems = windowProblems(windows, fields);
  if (problems.length) throw new AppError('VALIDATION', 'Some practice windows need fixing before slots can be made.', problems);
  return mergeSlots(groups.flatMap((g) => slotsForGroup(windows, g, fields)));
}

function mergeSlots(slots: WeeklySlot[]): WeeklySlot[] {
  const byId = new Map<string, WeeklySlot>();
  for (const s of slots) {
    const seen = byId.get(s.id);
    if (!seen) byId.set(s.id, { ...s, divisions: [...s.divisions] });
    else {
      seen.capacity = Math.max(seen.capacity, s.capacity);
      for (const d of s.divisions) if (!seen.divisions.includes(d)) seen.divisions.push(d);
    }
  }
  return [...byId.values()].sort(compareSlots);
}

/**
 * Pairs of different slots that use the same field at overlapping times (e.g. a 60- and a 90-minute
 * cut of one window): they share the field's places, so a team in one can leave the other without
 * room; the administrator is told, and may give such windows to one length only.
 */
export function overlappingSlots(slots: WeeklySlot[]): [WeeklySlot, WeeklySlot][] {
  const out: [WeeklySlot, WeeklySlot][] = [];
  const sorted = [...slots].sort(compareSlots);
  sorted.forEach((a, i) => {
    for (const b of sorted.slice(i + 1)) {
      if (a.fieldId === b.fieldId && a.weekday === b.weekday && a.id !== b.id && timesOverlap(a, b)) out.push([a, b]);
    }
  });
  return out;
}

/** The concrete practice dates of a weekly slot in a season, blackout dates left out. */
export function slotDates(weekday: number, season: SeasonDates, blackouts: readonly string[] = []): string[] {
  const skip = new Set(blackouts);
  const out: string[] = [];
  let d = addDays(season.startDate, (weekday - weekdayOf(season.startDate) + 7) % 7);
  for (; d <= season.endDate; d = addDays(d, 7)) if (!skip.has(d)) out.push(d);
  return out;
}

/**
 * A weekly slot's dates as a recurrence (first date, last possible date, excluded dates), the form a
 * calendar feed needs; null when the season has no practice date left on that weekday.
 */
export function slotRecurrence(weekday: number, season: SeasonDates, blackouts: readonly string[] = []): { firstDate: string; untilDate: string; exdates: string[] } | null {
  const dates = slotDates(weekday, season, blackouts);
  const firstDate = dates[0];
  if (!firstDate) return null;
  const exdates = [...new Set(blackouts)].filter((b) => isIsoDate(b) && b > firstDate && b <= season.endDate && weekdayOf(b) === weekday).sort();
  return { firstDate, untilDate: season.endDate, exdates };
}
