/**
 * Time-zone arithmetic from the runtime's own zone database (Intl), so that calendar feeds and
 * sign-up messages follow the region's zone without shipping tz data. Offsets are minutes east of
 * UTC (Los Angeles in summer: -420).
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const partFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let f = partFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partFormats.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC, in minutes, at an instant (epoch milliseconds). */
export function offsetAt(timeZone: string, epochMs: number): number {
  const parts = partsFormat(timeZone).formatToParts(new Date(epochMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const whole = Math.floor(epochMs / 1000) * 1000;
  return Math.round((local - whole) / MINUTE_MS);
}

/**
 * The instant (epoch ms) of a wall-clock date and time in a zone. A time skipped by a spring-forward
 * change resolves to the instant the clocks show after it, as calendar programs do.
 */
export function zonedToEpoch(date: string, time: string, timeZone: string): number {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const local = Date.UTC(y, mo - 1, d, h, mi);
  const first = local - offsetAt(timeZone, local) * MINUTE_MS;
  const second = local - offsetAt(timeZone, first) * MINUTE_MS;
  return offsetAt(timeZone, second) === offsetAt(timeZone, first) ? second : Math.max(first, second);
}

export interface ZoneTransition {
  /** The first instant (epoch ms) of the new offset. */
  at: number;
  from: number;
  to: number;
}

/**
 * Every change of the zone's offset from 1 January of `fromYear` to the end of `toYear` (UTC),
 * found by sampling the offset daily and narrowing each change to the minute.
 */
export function zoneTransitions(timeZone: string, fromYear: number, toYear: number): ZoneTransition[] {
  const out: ZoneTransition[] = [];
  const end = Date.UTC(toYear + 1, 0, 1);
  let t = Date.UTC(fromYear, 0, 1);
  let before = offsetAt(timeZone, t);
  while (t < end) {
    const next = Math.min(t + DAY_MS, end);
    const after = offsetAt(timeZone, next);
    if (after !== before) {
      out.push({ at: narrowChange(timeZone, t, next, before), from: before, to: after });
      before = after;
    }
    t = next;
  }
  return out;
}

function narrowChange(timeZone: string, lo: number, hi: number, before: number): number {
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
    if (offsetAt(timeZone, mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * True when an offset is the zone's summer time in that year: above the smaller of its January and
 * July offsets (so southern-hemisphere zones are classified right too).
 */
export function isDaylightOffset(timeZone: string, year: number, offset: number): boolean {
  const standard = Math.min(offsetAt(timeZone, Date.UTC(year, 0, 1)), offsetAt(timeZone, Date.UTC(year, 6, 1)));
  return offset > standard;
}

/** The zone's short name at an instant (PST, PDT; GMT+2 where the locale has no abbreviation). */
export function zoneAbbreviation(timeZone: string, epochMs: number): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }).formatToParts(new Date(epochMs));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** One formatter per zone: building one costs far more than using it (every early click is told the opening). */
const instantFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant written for people in a zone: "Monday, August 24, 2026 at 7:00 PM PDT". */
export function describeInstant(iso: string, timeZone: string): string {
  let f = instantFormats.get(timeZone);
  if (!f)
    instantFormats.set(
      timeZone,
      (f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        weekday: 'long',
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZoneName: 'short',
      })),
    );
  return f.format(new Date(iso));
}
