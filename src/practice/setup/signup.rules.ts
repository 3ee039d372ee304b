import { isIsoDate } from '../../region/index.js';
import type { Season } from '../../region/index.js';
import { parseTime } from '../../platform/time/time.rules.js';
import { offsetAt, zonedToEpoch } from '../../platform/time/zone.rules.js';

/** The sign-up settings an administrator submits (instants ISO-8601 UTC). */
export interface SignupInput {
  opensAt: string | null;
  closesAt: string | null;
  divisionOpensAt: Record<string, string>;
  blackouts: string[];
}

const isInstant = (v: string) => /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v));

/**
 * Every problem of sign-up settings, one line each: instants that are not instants, a deadline
 * before an opening, divisions the region does not have, blackout dates outside the season.
 */
export function signupProblems(s: SignupInput, divisions: string[], season: Pick<Season, 'startDate' | 'endDate' | 'name'>): string[] {
  const out: string[] = [];
  const check = (v: string | null, what: string) => {
    if (v !== null && !isInstant(v)) out.push(`${what}: "${v}" is not a date and time.`);
  };
  check(s.opensAt, 'Opens');
  check(s.closesAt, 'Change deadline');
  for (const [code, at] of Object.entries(s.divisionOpensAt)) {
    if (!divisions.includes(code)) out.push(`Opening for ${code}: the region has no division ${code}.`);
    check(at, `Opening for ${code}`);
    if (s.closesAt && isInstant(at) && isInstant(s.closesAt) && Date.parse(at) >= Date.parse(s.closesAt)) out.push(`Opening for ${code} must come before the change deadline.`);
  }
  if (s.opensAt && s.closesAt && isInstant(s.opensAt) && isInstant(s.closesAt) && Date.parse(s.opensAt) >= Date.parse(s.closesAt))
    out.push('The change deadline must come after the opening.');
  if (s.opensAt === null && Object.keys(s.divisionOpensAt).length > 0) out.push('Give the general opening time too: divisions without their own time open then.');
  for (const d of s.blackouts) {
    if (!isIsoDate(d)) out.push(`Blackout "${d}" is not a date written YYYY-MM-DD.`);
    else if (d < season.startDate || d > season.endDate) out.push(`Blackout ${d} is outside ${season.name} (${season.startDate} to ${season.endDate}).`);
  }
  return out;
}

/**
 * The instant (ISO UTC) of a wall-clock "YYYY-MM-DDTHH:MM" (an HTML datetime-local value) in the
 * region's zone; null for an empty value, undefined when the text is not a date and time.
 */
export function localToInstant(text: string, timeZone: string): string | null | undefined {
  const v = text.trim();
  if (!v) return null;
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})$/.exec(v);
  if (!m || !isIsoDate(m[1]!) || parseTime(m[2]!) === null) return undefined;
  return new Date(zonedToEpoch(m[1]!, m[2]!, timeZone)).toISOString();
}

/** The wall-clock "YYYY-MM-DDTHH:MM" of an instant in a zone (for a datetime-local field). */
export function instantToLocal(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  return new Date(t + offsetAt(timeZone, t) * 60_000).toISOString().slice(0, 16);
}

/** Blackout dates typed by a person: separated by commas, spaces or lines; duplicates dropped. */
export function parseDateList(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter(Boolean))].sort();
}
