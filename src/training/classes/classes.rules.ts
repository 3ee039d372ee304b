/**
 * In-person classes (rules.md: "scheduled sessions (date, time, place, capacity, instructor). A coach
 * must pre-register. The instructor credits completion only to registered attendees"). Pure checks;
 * the service loads the session and the registrations, and writes in one transaction.
 */
import { isIsoDate } from '../../region/index.js';
import { checkCompletionCode, type Catalog, type CompletionRef } from '../catalog.rules.js';

export const MAX_CAPACITY = 200;

export interface SessionForm {
  /** Completion code of an in-person part, e.g. `coach-12u:in-person`. */
  code: string;
  date: string;
  startTime: string;
  endTime: string;
  place: string;
  capacity: string | number;
}

export interface SessionValues extends CompletionRef {
  date: string;
  startTime: string;
  endTime: string;
  place: string;
  capacity: number;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Checks a new session; every problem is listed. Sessions are scheduled for today or later. */
export function checkSession(catalog: Catalog, f: SessionForm, today: string): { ok: true; value: SessionValues } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const code = checkCompletionCode(catalog, f.code);
  let ref: CompletionRef | null = null;
  if (!code.ok) errors.push(code.message);
  else if (catalog.get(code.ref.training)!.parts.find((p) => p.part === code.ref.part)!.mode !== 'in-person') {
    errors.push(`${f.code} is completed online: choose an in-person part for a class.`);
  } else ref = code.ref;
  if (!isIsoDate(f.date)) errors.push('Give the date of the class as YYYY-MM-DD.');
  else if (f.date < today) errors.push(`The date ${f.date} has passed: schedule the class for today (${today}) or later.`);
  if (!TIME.test(f.startTime)) errors.push('Give the start time as HH:MM (24-hour clock).');
  if (!TIME.test(f.endTime)) errors.push('Give the end time as HH:MM (24-hour clock).');
  else if (TIME.test(f.startTime) && f.endTime <= f.startTime) errors.push('The class must end after it starts.');
  const place = f.place.trim();
  if (!place) errors.push('Say where the class takes place.');
  else if (place.length > 200) errors.push('Keep the place under 200 characters.');
  const capacity = typeof f.capacity === 'number' ? f.capacity : /^\d+$/.test(f.capacity.trim()) ? Number(f.capacity.trim()) : NaN;
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_CAPACITY) errors.push(`Give the number of seats as a whole number from 1 to ${MAX_CAPACITY}.`);
  if (errors.length || !ref) return { ok: false, errors };
  return { ok: true, value: { ...ref, date: f.date, startTime: f.startTime, endTime: f.endTime, place, capacity } };
}

/** Registration and cancellation close when the class starts (region wall-clock time). */
export function hasStarted(session: { date: string; startTime: string }, now: { date: string; time: string }): boolean {
  return `${session.date}T${session.startTime}` <= `${now.date}T${now.time}`;
}

/** Attendees can be credited from the day of the class on (the completion is dated that day). */
export function canCreditOn(session: { date: string }, today: string): boolean {
  return session.date <= today;
}

/** Seats still free; never negative (a capacity lowered below the registrations leaves none). */
export function seatsLeft(capacity: number, registered: number): number {
  return Math.max(0, capacity - registered);
}

/** The people asked to be credited who are not registered for the class, in the order asked. */
export function notRegistered(registered: ReadonlySet<string>, personIds: readonly string[]): string[] {
  return [...new Set(personIds)].filter((id) => !registered.has(id));
}
