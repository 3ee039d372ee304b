import { DIVISION_ROLES, isRole, ROLE_LABELS, ROLES, type Role } from '../../platform/roles.js';
import { TEXT_LIMITS } from '../../platform/text-limits.js';
import { foldText } from '../../people/merge.rules.js';
import { grantableBy } from '../../people/grants.rules.js';

/**
 * The people directory's rules: reading a search (filters and paging), matching and ordering people,
 * checking a change of contact details, and who may grant which role. Pure: no database, no clock.
 */

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** Which roles each board role may grant and remove: one table, kept with the people's roles. */
export { GRANTABLE, grantableBy } from '../../people/grants.rules.js';

/** What a viewer of a person's page may see and do beyond contact, roles, trainings, teams and badge. */
export interface PersonRights {
  /** Change contact details and the association id: the registrar (and the region administrator). */
  edit: boolean;
  /** Roles they may grant and remove. */
  grant: Role[];
  /** Background-check results: the safety director only. */
  backgroundCheck: boolean;
  /** Mentoring assessments: the coach administrator only (as mentoring itself decides). */
  mentoring: boolean;
}

export function rightsOf(held: readonly string[]): PersonRights {
  const grant = grantableBy(held);
  return {
    edit: held.includes('registrar') || held.includes('region-administrator'),
    grant: ROLES.filter((r) => grant.has(r)),
    backgroundCheck: held.includes('safety-director'),
    mentoring: held.includes('coach-administrator'),
  };
}

export interface DirectoryQuery {
  q: string;
  role: Role | '';
  division: string;
  team: string;
  /** The season whose roles are listed and filtered ('' for any season). */
  season: string;
  /** The compliance element missing (in `season`, or the current one), 0 for no filter. */
  missing: 0 | 1 | 2 | 3;
  /** Only people who never set a password (records without a login). */
  noAccount: boolean;
  page: number;
  pageSize: number;
}

export type RawQuery = Partial<Record<'q' | 'role' | 'division' | 'team' | 'season' | 'missing' | 'noAccount' | 'page' | 'pageSize', string | undefined>>;

export interface QueryContext {
  seasons: readonly string[];
  divisions: readonly string[];
}

function whole(text: string | undefined, name: string, min: number, max: number, fallback: number, errors: string[]): number {
  const t = (text ?? '').trim();
  if (t === '') return fallback;
  const n = /^\d{1,6}$/.test(t) ? Number(t) : Number.NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    errors.push(`${name} must be a whole number from ${min} to ${max} (got "${t.slice(0, 20)}").`);
    return fallback;
  }
  return n;
}

/** Reads a search of the page, the CSV and the API; every problem is listed, each saying what to write. */
export function readQuery(raw: RawQuery, ctx: QueryContext): { query: DirectoryQuery; errors: string[] } {
  const errors: string[] = [];
  const text = (v: string | undefined) => (v ?? '').trim();
  const role = text(raw.role);
  if (role && !isRole(role)) errors.push(`"${role.slice(0, 40)}" is not a role: use one of ${ROLES.join(', ')}.`);
  const division = text(raw.division);
  if (division && !ctx.divisions.includes(division)) errors.push(`There is no division "${division.slice(0, 40)}": use one of ${ctx.divisions.join(', ')}.`);
  const season = text(raw.season);
  if (season && !ctx.seasons.includes(season)) errors.push(`There is no season "${season.slice(0, 40)}": use one of ${ctx.seasons.join(', ')}.`);
  const missing = text(raw.missing);
  if (missing && !['1', '2', '3'].includes(missing)) errors.push('missing is 1 (application), 2 (safety trainings) or 3 (age-level certification).');
  const noAccount = text(raw.noAccount);
  if (noAccount && !['1', '0', 'true', 'false'].includes(noAccount)) errors.push('noAccount is 1 (only people without an account) or 0.');
  const page = whole(raw.page, 'page', 1, 999999, 1, errors);
  const pageSize = whole(raw.pageSize, 'pageSize', 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, errors);
  const query: DirectoryQuery = {
    q: text(raw.q).slice(0, 100),
    role: isRole(role) ? role : '',
    division,
    team: text(raw.team).slice(0, 100),
    season,
    missing: (['1', '2', '3'].includes(missing) ? Number(missing) : 0) as DirectoryQuery['missing'],
    noAccount: noAccount === '1' || noAccount === 'true',
    page,
    pageSize,
  };
  return { query, errors };
}

export interface Candidate {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  associationId: string | null;
  hasAccount: boolean;
}

/** Whether every word of the search is in the person's name, email or association id (no case, no accents). */
export function matcher(q: string): (c: Candidate) => boolean {
  const words = foldText(q).split(/\s+/).filter(Boolean);
  if (!words.length) return () => true;
  return (c) => {
    const text = foldText(`${c.firstName} ${c.lastName} ${c.email ?? ''} ${c.associationId ?? ''}`);
    return words.every((w) => text.includes(w));
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The directory's order: last name, first name (no case, no accents), then id, so that pages never overlap. */
export function byName(a: Candidate, b: Candidate): number {
  return cmp(foldText(a.lastName), foldText(b.lastName)) || cmp(foldText(a.firstName), foldText(b.firstName)) || cmp(a.id, b.id);
}

/** One page of rows (empty past the last page). */
export function pageOf<T>(rows: readonly T[], page: number, pageSize: number): T[] {
  return rows.slice((page - 1) * pageSize, page * pageSize);
}

/** Keeps the candidates that match, in the directory's order. `only`, when given, is the set the other filters allow. */
export function selectPeople(all: readonly Candidate[], q: DirectoryQuery, only: ReadonlySet<string> | null): Candidate[] {
  const match = matcher(q.q);
  return all.filter((c) => (!only || only.has(c.id)) && (!q.noAccount || !c.hasAccount) && match(c)).sort(byName);
}

export interface ContactPatch {
  firstName?: string;
  lastName?: string;
  email?: string | null;
  phone?: string | null;
  associationId?: string | null;
}

export const ASSOCIATION_ID = /^\d{6,12}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const PHONE = /^[+]?[\d\s().-]{7,30}$/;

/**
 * Checks a change of contact details and ids, every problem listed; answers the cleaned values
 * (trimmed; email in lower case; empty email, phone or id clear it). `hasAccount`: a person who logs
 * in keeps an email.
 */
export function checkPatch(p: ContactPatch, hasAccount: boolean): { patch: ContactPatch; errors: string[] } {
  const errors: string[] = [];
  const patch: ContactPatch = {};
  for (const [key, label] of [
    ['firstName', 'First name'],
    ['lastName', 'Last name'],
  ] as const) {
    const v = p[key];
    if (v === undefined) continue;
    const t = v.trim();
    if (!t) errors.push(`${label} cannot be empty.`);
    else if (t.length > TEXT_LIMITS.name) errors.push(`${label} is at most ${TEXT_LIMITS.name} characters.`);
    else patch[key] = t;
  }
  if (p.email !== undefined) {
    const e = (p.email ?? '').trim().toLowerCase();
    if (!e) {
      if (hasAccount) errors.push('This person logs in with their email: write a new address instead of clearing it.');
      else patch.email = null;
    } else if (e.length > TEXT_LIMITS.email) errors.push(`An email address is at most ${TEXT_LIMITS.email} characters.`);
    else if (!EMAIL.test(e)) errors.push(`"${e.slice(0, 60)}" is not an email address: write it as name@example.org.`);
    else patch.email = e;
  }
  if (p.phone !== undefined) {
    const t = (p.phone ?? '').trim();
    if (!t) patch.phone = null;
    else if (!PHONE.test(t)) errors.push('A phone number has 7 to 30 digits, spaces, dots, dashes or brackets, optionally starting with +.');
    else patch.phone = t;
  }
  if (p.associationId !== undefined) {
    const t = (p.associationId ?? '').trim();
    if (!t) patch.associationId = null;
    else if (!ASSOCIATION_ID.test(t)) errors.push(`The association id is 6 to 12 digits, as on the association's records (got "${t.slice(0, 30)}").`);
    else patch.associationId = t;
  }
  return { patch, errors };
}

export interface RoleEntry {
  role: string;
  division: string;
}

export interface HeldGrant extends RoleEntry {
  id: string;
}

export interface RolePlan {
  add: { role: Role; division: string }[];
  remove: HeldGrant[];
  /** Problems the person fixes in the list (422). */
  errors: string[];
  /** Changes the actor may not make (403). */
  forbidden: string[];
}

const label = (e: RoleEntry) => `${isRole(e.role) ? ROLE_LABELS[e.role] : e.role}${e.division ? ` (${e.division})` : ''}`;

/**
 * What setting a person's roles of one season to `wanted` changes: grants to add and to remove.
 * Division roles name a division; others none; an entry given twice is refused. Only roles the
 * actor may grant may be added or removed; roles held and kept need no right.
 */
export function planRoles(held: readonly HeldGrant[], wanted: readonly RoleEntry[], divisions: readonly string[], may: ReadonlySet<Role>): RolePlan {
  const errors: string[] = [];
  const seen = new Set<string>();
  const keyOf = (e: RoleEntry) => `${e.role}\u0000${e.division}`;
  const heldKeys = new Set(held.map(keyOf));
  const clean: { role: Role; division: string }[] = [];
  for (const w of wanted) {
    const e = { role: w.role.trim(), division: w.division.trim() };
    if (!isRole(e.role)) {
      errors.push(`"${e.role.slice(0, 40)}" is not a role: use one of ${ROLES.join(', ')}.`);
      continue;
    }
    const divisional = DIVISION_ROLES.includes(e.role);
    if (seen.has(keyOf(e))) errors.push(`${label(e)} is listed twice.`);
    else if (heldKeys.has(keyOf(e))) {
      // Held already: kept as it is, whatever rules applied when it was granted.
      seen.add(keyOf(e));
      clean.push({ role: e.role, division: e.division });
    } else if (divisional && !e.division) errors.push(`${ROLE_LABELS[e.role]} is held in a division: name one of ${divisions.join(', ')}.`);
    else if (!divisional && e.division) errors.push(`${ROLE_LABELS[e.role]} is not tied to a division: leave the division out.`);
    else if (e.division && !divisions.includes(e.division)) errors.push(`There is no division "${e.division.slice(0, 40)}": use one of ${divisions.join(', ')}.`);
    else {
      seen.add(keyOf(e));
      clean.push({ role: e.role, division: e.division });
    }
  }
  const add = clean.filter((e) => !heldKeys.has(keyOf(e)));
  const remove = held.filter((g) => !seen.has(keyOf(g)));
  const forbidden = [
    ...add.filter((e) => !may.has(e.role)).map((e) => `You may not grant ${label(e)}.`),
    ...remove.filter((g) => !(isRole(g.role) && may.has(g.role))).map((g) => `You may not remove ${label(g)}.`),
  ];
  return { add, remove, errors, forbidden };
}
