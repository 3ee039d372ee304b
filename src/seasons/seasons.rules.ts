import type { Season, SeasonRef } from '../region/index.js';
import { ROLE_LABELS, type Role } from '../platform/roles.js';

/** The roles of last season offered again: the coaching staff and the mentors. */
export const OFFERED_ROLES: readonly Role[] = ['head-coach', 'assistant-coach', 'mentor'];

/** The season that ends (or ended) and the season to start after it. */
export interface NextSeasonChoice {
  from: Season;
  to: Season;
}

/**
 * Which season "next" means on a date: the last season that has begun (in progress, or the latest
 * that ended when the region is between seasons) and the one configured right after it. Null `to`
 * when no season follows it in the configuration (the region adds one first); null altogether when
 * no season has begun yet (there is no last season to start from).
 */
export function pickNextSeason(seasons: readonly SeasonRef[], today: string): { from: Season; to: Season | null } | null {
  const ordered = [...seasons].map((s) => s.season).sort((a, b) => a.startDate.localeCompare(b.startDate));
  const begun = ordered.filter((s) => s.startDate <= today);
  const from = begun.at(-1);
  if (!from) return null;
  return { from, to: ordered[ordered.indexOf(from) + 1] ?? null };
}

/** A role held last season, as the offer reads it. */
export interface HeldRole {
  personId: string;
  name: string;
  role: Role;
  division: string;
}

const key = (r: { personId: string; role: string; division: string }) => `${r.personId}|${r.role}|${r.division}`;

/**
 * The offers to make: every coaching role of last season the person does not already hold (nor was
 * already offered) for the new one, once each, ordered by role, division and name.
 */
export function offersToMake(lastSeason: readonly HeldRole[], alreadyThere: readonly { personId: string; role: string; division: string }[]): HeldRole[] {
  const skip = new Set(alreadyThere.map(key));
  const seen = new Set<string>();
  const out: HeldRole[] = [];
  for (const r of lastSeason) {
    if (!OFFERED_ROLES.includes(r.role) || skip.has(key(r)) || seen.has(key(r))) continue;
    seen.add(key(r));
    out.push(r);
  }
  const rank = (r: Role) => OFFERED_ROLES.indexOf(r);
  return out.sort((a, b) => rank(a.role) - rank(b.role) || a.division.localeCompare(b.division) || a.name.localeCompare(b.name) || a.personId.localeCompare(b.personId));
}

/** "Head coach, 10U" / "Coach mentor": the role offered, in words. */
export function roleWords(role: Role, division: string): string {
  return division ? `${ROLE_LABELS[role]}, ${division}` : ROLE_LABELS[role];
}

/** A weekly practice window as the carry-over shows it. */
export interface WindowLine {
  fieldId: string;
  weekdays: number[];
  startTime: string;
  endTime: string;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Richmond Mon, Wed 17:00-18:30": one window in words, by field name. */
export function windowWords(w: WindowLine, fieldName: (id: string) => string): string {
  return `${fieldName(w.fieldId)} ${w.weekdays.map((d) => DAYS[d]).join(', ')} ${w.startTime}-${w.endTime}`;
}

/** What a start did (stored with it, and shown to whoever opens the page again). */
export interface StartSummary {
  offers: { personId: string; name: string; role: Role; division: string }[];
  /** Each window carried over: the old window's words and the draft's dates (old → new). */
  windows: { words: string; from: string; to: string }[];
}

/** The offer as a question: "Coach 10U Girls again in Spring 2027?". */
export function offerQuestion(role: Role, divisionName: string, seasonName: string): string {
  if (role === 'head-coach') return `Coach ${divisionName} again in ${seasonName}?`;
  if (role === 'assistant-coach') return `Assistant-coach ${divisionName} again in ${seasonName}?`;
  if (role === 'mentor') return `Mentor the region's coaches again in ${seasonName}?`;
  return `${roleWords(role, divisionName)} again in ${seasonName}?`;
}
