import { AppError } from '../errors.js';
import { addDays, parseTime, weekdayOf } from './time.rules.js';
import { isDaylightOffset, offsetAt, zoneAbbreviation, zonedToEpoch, zoneTransitions } from './zone.rules.js';

/**
 * An RFC 5545 calendar feed of weekly practices, written by hand (no library) so that the time
 * zone block, recurrence and exceptions are exactly what calendar programs need to keep a 5 pm
 * practice at 5 pm on both sides of a daylight-saving change.
 */

/** One weekly practice (usually one booking) in the feed. */
export interface IcalEvent {
  /** Stable per booking, so that a refreshed feed updates the event instead of duplicating it. */
  uid: string;
  summary: string;
  location: string;
  description: string;
  /** 0 = Sunday; must be firstDate's weekday. */
  weekday: number;
  start: string;
  end: string;
  /** The first practice date, YYYY-MM-DD. */
  firstDate: string;
  /** The last date the weekly practice may fall on (season end). */
  untilDate: string;
  /** Dates without practice (blackouts); dates that are not occurrences are left out. */
  exdates: string[];
}

export interface IcalCalendar {
  name: string;
  timeZone: string;
  events: IcalEvent[];
  /** ISO-8601 instant the feed is generated at (an argument: rules never read the clock). */
  dtstamp: string;
  prodId?: string;
}

export const DEFAULT_PRODID = '-//Touchline//Practice calendar//EN';

/** A TEXT value escaped per RFC 5545 3.3.11; control characters it forbids are dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '');
}

const utf8Length = (ch: string) => {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
};

/**
 * A content line folded per RFC 5545 3.1: no line longer than 75 octets of UTF-8, continuation
 * lines start with one space, and a character is never split across lines.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = utf8Length(ch);
    if (octets + n > 75) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join('\r\n');
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');
const compactDate = (date: string) => date.replace(/-/g, '');
const localStamp = (date: string, time: string) => `${compactDate(date)}T${time.replace(':', '')}00`;

/** Epoch ms as the components of a UTC date-time, YYYYMMDDTHHMMSS (plus Z when `utc`). */
function epochStamp(ms: number, utc: boolean): string {
  const d = new Date(ms);
  const text = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
  return utc ? `${text}Z` : text;
}

const utcOffsetText = (minutes: number) => `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(minutes / 60))}${pad(minutes % 60)}`;
const tzParam = (tz: string) => (/[;:,]/.test(tz) ? `"${tz}"` : tz);

function observance(kind: 'STANDARD' | 'DAYLIGHT', dtstart: string, from: number, to: number, name: string): string[] {
  return [`BEGIN:${kind}`, `DTSTART:${dtstart}`, `TZOFFSETFROM:${utcOffsetText(from)}`, `TZOFFSETTO:${utcOffsetText(to)}`, `TZNAME:${escapeText(name)}`, `END:${kind}`];
}

/**
 * The VTIMEZONE of a zone for the years given, computed from the runtime's zone data: one
 * observance from 1 January of the first year, then one per offset change (found by scanning).
 * A zone without daylight saving gets a single STANDARD observance.
 */
export function vtimezoneLines(timeZone: string, fromYear: number, toYear: number): string[] {
  const startDate = `${String(fromYear).padStart(4, '0')}-01-01`;
  const startAt = zonedToEpoch(startDate, '00:00', timeZone);
  const initial = offsetAt(timeZone, startAt);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  const initialKind = isDaylightOffset(timeZone, fromYear, initial) ? 'DAYLIGHT' : 'STANDARD';
  lines.push(...observance(initialKind, localStamp(startDate, '00:00'), initial, initial, zoneAbbreviation(timeZone, startAt)));
  for (const t of zoneTransitions(timeZone, fromYear, toYear)) {
    const kind = isDaylightOffset(timeZone, new Date(t.at).getUTCFullYear(), t.to) ? 'DAYLIGHT' : 'STANDARD';
    // DTSTART of an observance is the wall-clock time of the change before it happens.
    lines.push(...observance(kind, epochStamp(t.at + t.from * 60_000, false), t.from, t.to, zoneAbbreviation(timeZone, t.at)));
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

function checkEvent(e: IcalEvent): void {
  const start = parseTime(e.start);
  const end = parseTime(e.end);
  const problem =
    start === null || end === null || start >= end
      ? `times ${e.start}-${e.end} are not a span within one day`
      : weekdayOf(e.firstDate) !== e.weekday
        ? `first date ${e.firstDate} is not on weekday ${e.weekday}`
        : e.firstDate > e.untilDate
          ? `first date ${e.firstDate} is after ${e.untilDate}`
          : null;
  if (problem) throw new AppError('VALIDATION', `Calendar event ${e.uid}: ${problem}.`);
}

function eventLines(e: IcalEvent, timeZone: string, dtstamp: string): string[] {
  checkEvent(e);
  const tz = tzParam(timeZone);
  // UNTIL must be UTC when DTSTART has a TZID (RFC 5545 3.3.10): the last instant of the until date.
  const until = zonedToEpoch(addDays(e.untilDate, 1), '00:00', timeZone) - 1000;
  const exdates = [...new Set(e.exdates)].filter((d) => d >= e.firstDate && d <= e.untilDate && weekdayOf(d) === e.weekday).sort();
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(e.uid)}`,
    `DTSTAMP:${dtstamp}`,
    `DTSTART;TZID=${tz}:${localStamp(e.firstDate, e.start)}`,
    `DTEND;TZID=${tz}:${localStamp(e.firstDate, e.end)}`,
    `RRULE:FREQ=WEEKLY;UNTIL=${epochStamp(until, true)}`,
    ...(exdates.length ? [`EXDATE;TZID=${tz}:${exdates.map((d) => localStamp(d, e.start)).join(',')}`] : []),
    `SUMMARY:${escapeText(e.summary)}`,
    `LOCATION:${escapeText(e.location)}`,
    `DESCRIPTION:${escapeText(e.description)}`,
    'END:VEVENT',
  ];
}

/**
 * The whole feed as text: folded content lines ending in CRLF, a VTIMEZONE covering every year the
 * events touch (the DTSTAMP's year when there are none, since a calendar needs one component).
 */
export function renderCalendar(cal: IcalCalendar): string {
  const stampMs = Date.parse(cal.dtstamp);
  if (Number.isNaN(stampMs)) throw new AppError('VALIDATION', `dtstamp "${cal.dtstamp}" is not an ISO-8601 instant.`);
  const dtstamp = epochStamp(stampMs, true);
  const years = cal.events.flatMap((e) => [Number(e.firstDate.slice(0, 4)), Number(e.untilDate.slice(0, 4))]);
  const stampYear = new Date(stampMs).getUTCFullYear();
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(cal.prodId ?? DEFAULT_PRODID)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(cal.name)}`,
    `X-WR-TIMEZONE:${escapeText(cal.timeZone)}`,
    ...vtimezoneLines(cal.timeZone, years.length ? Math.min(...years) : stampYear, years.length ? Math.max(...years) : stampYear),
    ...cal.events.flatMap((e) => eventLines(e, cal.timeZone, dtstamp)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
