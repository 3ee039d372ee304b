import type { ComplianceElement, MissingItem, RoleInDivision } from '../compliance/index.js';

/**
 * Coach badges as pure rules (rules.md, "Coach badges"): who may have one, whether a printed badge
 * is still valid and since when, and where a badge stands on the board's list.
 */

/** The roles a badge is printed for. */
export const COACH_ROLES = ['head-coach', 'assistant-coach'] as const;
export const isCoachRole = (role: string): boolean => (COACH_ROLES as readonly string[]).includes(role);

export type PhotoStatus = 'pending' | 'approved' | 'rejected';
export const PHOTO_STATUSES: readonly PhotoStatus[] = ['pending', 'approved', 'rejected'];

export interface PhotoState {
  status: PhotoStatus;
  reason: string | null;
}

/** A coaching role held this season and the compliance answer for it. */
export interface CoachRoleCheck extends RoleInDivision {
  certified: boolean;
  missing: readonly MissingItem[];
}

/** One thing keeping a person from a badge: a compliance item (with its element) or a photo item. */
export interface BadgeMissing {
  code: string;
  message: string;
  element?: ComplianceElement;
}

export interface Eligibility {
  eligible: boolean;
  missing: BadgeMissing[];
}

/** Codes of the photo items, the only missing items the badge itself adds. */
export const PHOTO_CODES = { missing: 'PHOTO_MISSING', pending: 'PHOTO_PENDING', rejected: 'PHOTO_REJECTED' } as const;
export const NOT_A_COACH = 'NOT_A_COACH';

function photoItem(photo: PhotoState | null): BadgeMissing | null {
  if (!photo) return { code: PHOTO_CODES.missing, message: 'Upload a photo of your face for the badge (Badge photo, on your profile).' };
  if (photo.status === 'pending') return { code: PHOTO_CODES.pending, message: 'Your badge photo is waiting for the coach administrator to approve it; nothing to do meanwhile.' };
  if (photo.status === 'rejected') {
    const why = (photo.reason ?? '').trim().replace(/[.\s]+$/, '');
    return { code: PHOTO_CODES.rejected, message: `Your badge photo was not accepted${why ? `: ${why}` : ''}. Upload another one.` };
  }
  return null;
}

/**
 * Whether a person may have a badge this season: they hold a head or assistant coach role, are
 * certified (the three elements) in every coaching role they hold, so that the badge never names
 * a role they are not certified for, and their latest photo is approved. Everything missing is
 * listed, each compliance item once, photo last.
 */
export function badgeEligibility(roles: readonly CoachRoleCheck[], photo: PhotoState | null): Eligibility {
  const coaching = roles.filter((r) => isCoachRole(r.role));
  const missing: BadgeMissing[] = [];
  if (!coaching.length) missing.push({ code: NOT_A_COACH, message: 'Badges are for head and assistant coaches: ask the coach administrator for your coaching role this season.' });
  const seen = new Set<string>();
  for (const item of coaching.flatMap((r) => (r.certified ? [] : r.missing))) {
    const key = `${item.code}\u0000${item.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    missing.push({ code: item.code, message: item.message, element: item.element });
  }
  missing.sort((a, b) => (a.element ?? 0) - (b.element ?? 0));
  const p = photoItem(photo);
  if (p) missing.push(p);
  return { eligible: missing.length === 0, missing };
}

/** What is printed on a badge; a badge whose facts differ from the person's is reissued. */
export interface BadgeFacts {
  photoId: string;
  name: string;
  roles: readonly RoleInDivision[];
}

const roleKey = (r: RoleInDivision) => `${r.role}\u0000${r.division}`;

/** The coaching roles to print, each once, in the order given. */
export function printedRoles(roles: readonly RoleInDivision[]): RoleInDivision[] {
  const seen = new Set<string>();
  const out: RoleInDivision[] = [];
  for (const r of roles) {
    if (!isCoachRole(r.role) || seen.has(roleKey(r))) continue;
    seen.add(roleKey(r));
    out.push({ role: r.role, division: r.division });
  }
  return out;
}

/** True when two badges print the same photo, name and roles (the team is not part of it: teams form late). */
export function sameFacts(a: BadgeFacts, b: BadgeFacts): boolean {
  const ka = a.roles.map(roleKey).sort();
  const kb = b.roles.map(roleKey).sort();
  return a.photoId === b.photoId && a.name === b.name && ka.length === kb.length && ka.every((k, i) => k === kb[i]);
}

export type InvalidCause = 'replaced' | 'season-ended' | 'season-unknown' | 'photo' | 'role-removed' | 'not-certified';

export interface ValidityInput {
  /** The region date the badge was replaced by a newer one, or null. */
  replacedOn: string | null;
  /** The badge's season as configured now; null when the region removed it. */
  season: { endDate: string } | null;
  today: string;
  /** The photo printed on the badge is still approved. */
  photoApproved: boolean;
  /** Each printed role: still held this season, and certified for. */
  roles: readonly { role: string; division: string; held: boolean; certified: boolean }[];
}

export interface Validity {
  valid: boolean;
  cause: InvalidCause | null;
  /** The date it stopped being valid when the cause tells it exactly (replacement, season end). */
  derivedSince: string | null;
}

/** The day after a YYYY-MM-DD date. */
export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Whether a printed badge is valid now, computed at every check from the live records: not
 * replaced, its season not over, its photo still approved, and every role printed on it still held
 * and certified. A removed role, an expired training or a flagged background check therefore
 * turn the same badge "not valid" from that moment.
 */
export function badgeValidity(v: ValidityInput): Validity {
  const invalid = (cause: InvalidCause, derivedSince: string | null = null): Validity => ({ valid: false, cause, derivedSince });
  if (v.replacedOn) return invalid('replaced', v.replacedOn);
  if (!v.season) return invalid('season-unknown');
  if (v.today > v.season.endDate) return invalid('season-ended', nextDay(v.season.endDate));
  if (!v.photoApproved) return invalid('photo');
  if (!v.roles.length || v.roles.some((r) => !r.held)) return invalid('role-removed');
  if (v.roles.some((r) => !r.certified)) return invalid('not-certified');
  return { valid: true, cause: null, derivedSince: null };
}

/**
 * Since when a badge is not valid: the exact date when the cause gives it (replaced, season over),
 * else the first date a check found it not valid (recorded then; a removed role or an expired
 * training leaves no date of its own), else today. Null while valid.
 */
export function invalidSince(v: Validity, firstSeenOn: string | null, today: string): string | null {
  if (v.valid) return null;
  return v.derivedSince ?? firstSeenOn ?? today;
}

/** Neutral words for the public verification page: they say nothing about the person's records. */
export function publicCause(cause: InvalidCause | null): string | null {
  if (cause === 'replaced') return 'A newer badge replaced this one.';
  if (cause === 'season-ended' || cause === 'season-unknown') return 'The season of this badge is over.';
  return null;
}

/**
 * Where a coach stands on the board's list: `blocked` (not eligible), `printed` (their current
 * badge was printed on a sheet and still prints the same facts) or `eligible` (waiting to be printed,
 * or printed with a photo, name or roles that have since changed).
 */
export type BoardStatus = 'eligible' | 'printed' | 'blocked';
export const BOARD_STATUSES: readonly BoardStatus[] = ['eligible', 'printed', 'blocked'];

export function boardStatus(eligibility: Eligibility, facts: BadgeFacts | null, current: { facts: BadgeFacts; printedAt: string | null } | null): BoardStatus {
  if (!eligibility.eligible || !facts) return 'blocked';
  return current?.printedAt && sameFacts(current.facts, facts) ? 'printed' : 'eligible';
}

export interface PrintCandidate {
  personId: string;
  name: string;
  status: BoardStatus;
  missing: readonly BadgeMissing[];
}

/**
 * Who goes on a print sheet: every coach waiting (`eligible`), or the chosen people, who must all be
 * eligible (printed ones are printed again). A chosen set with anyone unknown or blocked is refused
 * whole, with one line per person.
 */
export function choosePrintSet<T extends PrintCandidate>(rows: readonly T[], chosen: readonly string[] | null): { targets: T[]; errors: string[] } {
  if (!chosen) return { targets: rows.filter((r) => r.status === 'eligible'), errors: [] };
  const byId = new Map(rows.map((r) => [r.personId, r]));
  const errors: string[] = [];
  const targets: T[] = [];
  for (const id of [...new Set(chosen)]) {
    const r = byId.get(id);
    if (!r) errors.push(`There is no coach with id ${id.slice(0, 40)} this season: reload the page and choose again.`);
    else if (r.status === 'blocked') errors.push(`${r.name} cannot have a badge yet: ${r.missing.map((m) => m.message).join(' ')}`);
    else targets.push(r);
  }
  return { targets: errors.length ? [] : targets, errors };
}
