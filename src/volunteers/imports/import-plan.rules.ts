/**
 * Decides what an import of the association's volunteer export writes, before anything is written:
 * who each person of the file is (volunteer id, then email, then name and date of birth), which people
 * are created, which blanks of existing people are filled, and which applications and applied roles are
 * added. Pure: people and applications in, a plan out (ids come from the `newId` argument).
 * What a person's record already says is never overwritten, so importing the same file again plans
 * nothing.
 */
import type { RowError } from '../../platform/csv.js';
import { nameKey, type Person } from '../../people/index.js';
import { ageOn } from '../../region/index.js';
import { ADULT_AGE, roleAllowedForAge, YOUTH_MIN_AGE, type RoleChoice } from '../application.rules.js';
import { personKeyOf, type VolunteerRow } from './volunteer-export.rules.js';

/** A person already in Touchline, as matching needs them. */
export interface KnownPerson extends Omit<Person, 'createdAt'> {
  associationId: string | null;
  /** The account it was merged into: never matched itself, but its email and volunteer id stay taken. */
  mergedInto: string | null;
}

/** A season's application already on file. */
export interface KnownApplication {
  id: string;
  personId: string;
  seasonId: string;
  roles: RoleChoice[];
  adult: boolean;
}

/** The rows of one person of the file and who they are in Touchline (null: a new person). */
export interface MatchedGroup {
  rows: VolunteerRow[];
  person: KnownPerson | null;
  /** The volunteer id to give or fill in ('' when blank, or when a merged account still holds it). */
  volunteerId: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  /** The email to give a new person or to fill in, null when there is none or it belongs to someone else. */
  email: string | null;
  phone: string | null;
}

export interface PersonPatch {
  association_id?: string;
  email?: string;
  birth_date?: string;
  phone?: string;
}

export interface NewPerson {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  birthDate: string;
  associationId: string | null;
}

export interface NewApplication {
  id: string;
  personId: string;
  seasonId: string;
  roles: RoleChoice[];
  birthDate: string;
  adult: boolean;
}

export interface ImportPlan {
  newPeople: NewPerson[];
  patches: { personId: string; patch: PersonPatch }[];
  newApplications: NewApplication[];
  /** Applications that get more roles: `roles` is the whole new list, `added` the new ones. */
  roleAdditions: { applicationId: string; personId: string; seasonId: string; roles: RoleChoice[]; added: RoleChoice[] }[];
  summary: ImportSummary;
}

/** What an import did (or, planned, will do): people counted once each, skipped lines with reasons. */
export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  skipped: { row: number; reason: string }[];
}

/** The latest non-blank value of a column among a person's lines (by application date, then line). */
function latest(rows: readonly VolunteerRow[], pick: (r: VolunteerRow) => string): string | null {
  const sorted = [...rows].sort((a, b) => (a.applicationDate ?? '').localeCompare(b.applicationDate ?? '') || a.row - b.row);
  return (
    sorted
      .map(pick)
      .filter((v) => v !== '')
      .pop() ?? null
  );
}

interface PeopleIndex {
  byId: Map<string, KnownPerson>;
  /** Every volunteer id on file, merged accounts' included (the column is unique). */
  heldIds: Set<string>;
  byEmail: Map<string, KnownPerson>;
  byName: Map<string, KnownPerson[]>;
}

function indexPeople(people: readonly KnownPerson[]): PeopleIndex {
  const x: PeopleIndex = { byId: new Map(), heldIds: new Set(), byEmail: new Map(), byName: new Map() };
  const live = new Map(people.filter((p) => !p.mergedInto).map((p) => [p.id, p]));
  for (const p of people) {
    if (p.email) x.byEmail.set(p.email.toLowerCase(), p);
    if (p.associationId) x.heldIds.add(p.associationId);
    // A merged account's volunteer id finds the account it was merged into.
    const target = p.mergedInto ? live.get(p.mergedInto) : p;
    if (p.associationId && target && !x.byId.has(p.associationId)) x.byId.set(p.associationId, target);
    if (p.mergedInto) continue;
    if (p.birthDate) {
      const k = `${nameKey(p.firstName, p.lastName)}|${p.birthDate}`;
      x.byName.set(k, [...(x.byName.get(k) ?? []), p]);
    }
  }
  return x;
}

const who = (p: KnownPerson) => `${p.firstName} ${p.lastName}`;

/** Who the person of these lines is: by volunteer id, then email, then name and date of birth. */
function findPerson(x: PeopleIndex, g: Omit<MatchedGroup, 'person' | 'email' | 'phone'>, email: string | null): { person: KnownPerson | null } | { reason: string } {
  if (g.volunteerId && x.byId.has(g.volunteerId)) return { person: x.byId.get(g.volunteerId)! };
  // A merged account's email finds nobody (the account lives on under its kept email), and stays taken.
  const hit = email ? x.byEmail.get(email) : undefined;
  const byEmail = hit?.mergedInto ? undefined : hit;
  const named = x.byName.get(`${nameKey(g.firstName, g.lastName)}|${g.birthDate}`) ?? [];
  if (!byEmail && named.length > 1) return { reason: `${g.firstName} ${g.lastName} (born ${g.birthDate}) matches ${named.length} people: merge the duplicate accounts first.` };
  const found = byEmail ?? named[0];
  if (!found) return { person: null };
  if (found.associationId && g.volunteerId && found.associationId !== g.volunteerId) {
    const how = byEmail ? `the email ${email}` : 'name and date of birth';
    return {
      reason: `Volunteer id ${g.volunteerId} matches ${who(found)} by ${how}, but that person's volunteer id is ${found.associationId}: correct the id in the file or on the person's page.`,
    };
  }
  return { person: found };
}

/** Groups the file's rows by person and finds each person; lines of persons that cannot be told apart are skipped. */
export function matchGroups(rows: readonly VolunteerRow[], people: readonly KnownPerson[]): { groups: MatchedGroup[]; skipped: RowError[] } {
  const x = indexPeople(people);
  const byKey = new Map<string, VolunteerRow[]>();
  for (const r of rows) byKey.set(personKeyOf(r), [...(byKey.get(personKeyOf(r)) ?? []), r]);
  const groups: MatchedGroup[] = [];
  const skipped: RowError[] = [];
  const claimed = new Map<string, number>();
  const newEmails = new Map<string, number>();
  const skip = (list: VolunteerRow[], message: string) => skipped.push(...list.map((r) => ({ row: r.row, message })));
  for (const list of byKey.values()) {
    const first = list[0]!;
    const base = { rows: list, volunteerId: first.volunteerId, firstName: first.firstName, lastName: first.lastName, birthDate: first.birthDate };
    const email = latest(list, (r) => r.email);
    const found = findPerson(x, base, email);
    if ('reason' in found) {
      skip(list, found.reason);
      continue;
    }
    const person = found.person;
    if (person && claimed.has(person.id)) {
      skip(list, `This is ${who(person)}, whom line ${claimed.get(person.id)} already names under another volunteer id or email: correct one of them.`);
      continue;
    }
    if (!person && email && newEmails.has(email)) {
      skip(list, `The email ${email} is also on line ${newEmails.get(email)} with another volunteer id: correct one of them.`);
      continue;
    }
    if (person) claimed.set(person.id, first.row);
    else if (email) newEmails.set(email, first.row);
    const free = email !== null && (!x.byEmail.has(email) || x.byEmail.get(email) === person);
    const volunteerId = base.volunteerId && (!x.heldIds.has(base.volunteerId) || person?.associationId === base.volunteerId) ? base.volunteerId : '';
    groups.push({ ...base, volunteerId, person, email: free ? email : null, phone: latest(list, (r) => r.phone) });
  }
  return { groups, skipped };
}

function patchOf(g: MatchedGroup, p: KnownPerson): PersonPatch {
  const patch: PersonPatch = {};
  if (!p.associationId && g.volunteerId) patch.association_id = g.volunteerId;
  if (!p.email && g.email) patch.email = g.email;
  if (!p.birthDate) patch.birth_date = g.birthDate;
  if (!p.phone && g.phone) patch.phone = g.phone;
  return patch;
}

const sameRole = (a: RoleChoice, b: RoleChoice) => a.role === b.role && a.division === b.division;

/** Why a role does not fit the person's age on the application date, or null when it does. */
function ageProblem(r: VolunteerRow, birthDate: string, date: string, adult: boolean): string | null {
  const age = ageOn(birthDate, date);
  if (age < YOUTH_MIN_AGE) return `${r.firstName} ${r.lastName} is ${age} on ${date}: volunteers must be at least ${YOUTH_MIN_AGE}.`;
  if (roleAllowedForAge(r.role, adult)) return null;
  return adult
    ? `${r.firstName} ${r.lastName} is ${age} on ${date}: youth volunteer is for ages ${YOUTH_MIN_AGE} to ${ADULT_AGE - 1}.`
    : `${r.firstName} ${r.lastName} is ${age} on ${date}: volunteers under ${ADULT_AGE} can only be youth volunteers.`;
}

export interface PlanOptions {
  /** The region's date (YYYY-MM-DD), for lines without an application date. */
  today: string;
  newId: () => string;
}

/** The writes for matched people: new people, filled blanks, new applications and added roles. */
export function planImport(groups: readonly MatchedGroup[], applications: readonly KnownApplication[], o: PlanOptions): ImportPlan {
  const plan: ImportPlan = { newPeople: [], patches: [], newApplications: [], roleAdditions: [], summary: { created: 0, updated: 0, unchanged: 0, skipped: [] } };
  for (const g of groups) {
    const personId = g.person?.id ?? o.newId();
    const birthDate = g.person?.birthDate ?? g.birthDate;
    const seasons = new Map<string, VolunteerRow[]>();
    for (const r of g.rows) seasons.set(r.seasonId, [...(seasons.get(r.seasonId) ?? []), r]);
    let changed = false;
    for (const [seasonId, rows] of seasons) {
      const existing = applications.find((a) => a.personId === personId && a.seasonId === seasonId);
      const date = rows.map((r) => r.applicationDate ?? o.today).sort()[0]!;
      const adult = existing?.adult ?? ageOn(birthDate, date) >= ADULT_AGE;
      const roles: RoleChoice[] = [];
      for (const r of rows) {
        const problem = ageProblem(r, birthDate, date, adult);
        if (problem) plan.summary.skipped.push({ row: r.row, reason: problem });
        else if (!existing?.roles.some((e) => sameRole(e, r))) roles.push({ role: r.role, division: r.division });
      }
      if (roles.length === 0) continue;
      changed = true;
      if (existing) plan.roleAdditions.push({ applicationId: existing.id, personId, seasonId, roles: [...existing.roles, ...roles], added: roles });
      else plan.newApplications.push({ id: o.newId(), personId, seasonId, roles, birthDate, adult });
    }
    if (!g.person) {
      if (!changed) continue;
      plan.newPeople.push({ id: personId, firstName: g.firstName, lastName: g.lastName, email: g.email, phone: g.phone, birthDate, associationId: g.volunteerId || null });
      plan.summary.created++;
      continue;
    }
    const patch = patchOf(g, g.person);
    if (Object.keys(patch).length) plan.patches.push({ personId, patch });
    if (changed || Object.keys(patch).length) plan.summary.updated++;
    else plan.summary.unchanged++;
  }
  return plan;
}
