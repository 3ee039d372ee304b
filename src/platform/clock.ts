import { randomBytes } from 'node:crypto';

/** Time and randomness are dependencies, so that rules and tests never read the real clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock for tests and the demo: starts at a fixed instant and moves only when told. */
export function fixedClock(start: string | Date): Clock & { set(t: string | Date): void; advance(ms: number): void } {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (v) => {
      t = new Date(v).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

/** An instant as ISO-8601 UTC text, the one format instants are stored in. */
export const isoNow = (clock: Clock) => clock.now().toISOString();

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** Per zone, the last second asked about and its date: every request asks for today's date. */
const lastDates = new Map<string, { second: number; date: string }>();

export function dateInZone(at: Date, timeZone: string): string {
  // Zone offsets are whole seconds (even historical local mean time), so a date holds for a whole second.
  const second = Math.floor(at.getTime() / 1000);
  const last = lastDates.get(timeZone);
  if (last?.second === second) return last.date;
  // Building a formatter costs far more than using one: keep one per zone (pure, no shared state).
  let f = dateFormats.get(timeZone);
  if (!f) dateFormats.set(timeZone, (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  const parts = f.formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const date = `${get('year')}-${get('month')}-${get('day')}`;
  lastDates.set(timeZone, { second, date });
  return date;
}

/** A new random id: 16 random bytes as base64url text (unguessable, URL-safe). */
export function newId(): string {
  const id = randomBytes(16).toString('base64url');
  // Ids go into CSV files (the association upload's VolunteerID), where a leading "-" would be
  // taken for a formula and defused with a quote, changing the id. One id in 64 started so.
  return id.startsWith('-') ? `x${id.slice(1)}` : id;
}

/** An unguessable token for links and sessions (32 random bytes). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A small deterministic PRNG (mulberry32) for seeded draws and the demo. Returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
