import type { Db } from '../platform/db/database.js';
import { fromJson } from '../platform/db/database.js';
import { sql } from 'kysely';
import { DIVISION_ROLES } from '../platform/roles.js';
import type { Completion } from '../training/index.js';
import type { ApplicationFacts, BackgroundCheck, RoleInDivision } from './compliance.rules.js';
import type { CompletionWindow } from './season-rows.rules.js';

/**
 * What compliance reads, in three queries whatever the number of people: the season's division
 * role grants (with names), the season's applications and the completions of those people.
 * Reads the volunteers' and trainings' tables directly so that compliance depends on no other
 * feature's service; the table shapes are those features' VolunteerTables and TrainingTables
 * (volunteers.tables.ts, training.tables.ts), merged into DB.
 */

/** Which grants to read: a season, and optionally one person, some people, a division or a role. */
export interface GrantScope {
  seasonId: string;
  personId?: string;
  /** At most IDS_PER_QUERY of them. */
  personIds?: readonly string[];
  division?: string;
  role?: string;
}

/** People named in one query's IN list (well under either database's limit of parameters). */
export const IDS_PER_QUERY = 500;

export interface GrantRow extends RoleInDivision {
  personId: string;
  firstName: string;
  lastName: string;
  email: string | null;
}

export interface ApplicationRecord {
  facts: ApplicationFacts;
  roles: RoleInDivision[];
  backgroundCheck: BackgroundCheck;
}

const CHECKS: readonly string[] = ['not-started', 'pending', 'clear', 'flagged'];

/** Division roles held in the season (standing division grants count in every season). */
function grantsOf(db: Db, s: GrantScope) {
  let q = db
    .selectFrom('role_grants')
    .where('role_grants.season_id', 'in', [s.seasonId, ''])
    .where('role_grants.role', 'in', [...DIVISION_ROLES]);
  if (s.personId !== undefined) q = q.where('role_grants.person_id', '=', s.personId);
  if (s.personIds) q = s.personIds.length ? q.where('role_grants.person_id', 'in', [...s.personIds]) : q.where(sql<boolean>`1 = 0`);
  if (s.division) q = q.where('role_grants.division', '=', s.division);
  if (s.role) q = q.where('role_grants.role', '=', s.role);
  return q;
}

export async function loadGrants(db: Db, s: GrantScope): Promise<GrantRow[]> {
  const rows = await grantsOf(db, s)
    .innerJoin('people', 'people.id', 'role_grants.person_id')
    .where('people.merged_into', 'is', null)
    .select(['role_grants.person_id', 'role_grants.role', 'role_grants.division', 'people.first_name', 'people.last_name', 'people.email'])
    .execute();
  return rows.map((r) => ({ personId: r.person_id, role: r.role, division: r.division, firstName: r.first_name, lastName: r.last_name, email: r.email }));
}

/** Who to read records of: one person, or everyone holding a grant in the scope. */
export type PeopleScope = { personId: string } | { grants: GrantScope };

interface ApplicationRow {
  person_id: string;
  roles_json: string;
  is_adult: number;
  ssn_last4: string | null;
  signature_name: string | null;
  signed_at: string | null;
  background_check: string;
}

/** The facts of one stored application; an application is stored only once submitted. */
export function applicationRecord(r: Omit<ApplicationRow, 'person_id'>): ApplicationRecord {
  const adult = Number(r.is_adult) === 1;
  const hasSsn = r.ssn_last4 !== null;
  const signed = r.signature_name !== null && r.signed_at !== null;
  const roles = fromJson<{ role?: unknown; division?: unknown }[]>(r.roles_json, []).map((x) => ({ role: String(x.role ?? ''), division: String(x.division ?? '') }));
  const check = CHECKS.includes(r.background_check) ? (r.background_check as BackgroundCheck) : 'not-started';
  return { facts: { complete: !adult || (hasSsn && signed), adult, hasSsn, signed }, roles, backgroundCheck: check };
}

export async function loadApplications(db: Db, seasonId: string, who: PeopleScope): Promise<Map<string, ApplicationRecord>> {
  let q = db
    .selectFrom('applications')
    .select(['person_id', 'roles_json', 'is_adult', 'ssn_last4', 'signature_name', 'signed_at', 'background_check'])
    .where('season_id', '=', seasonId);
  q = 'personId' in who ? q.where('person_id', '=', who.personId) : q.where('person_id', 'in', grantsOf(db, who.grants).select('role_grants.person_id'));
  const out = new Map<string, ApplicationRecord>();
  for (const r of await q.execute()) out.set(r.person_id, applicationRecord(r));
  return out;
}

export async function loadCompletions(db: Db, who: PeopleScope): Promise<Map<string, Completion[]>> {
  let q = db.selectFrom('completions').select(['person_id', 'training', 'part', 'completed_on']);
  q = 'personId' in who ? q.where('person_id', '=', who.personId) : q.where('person_id', 'in', grantsOf(db, who.grants).select('role_grants.person_id'));
  const out = new Map<string, Completion[]>();
  for (const r of await q.execute()) {
    let list = out.get(r.person_id);
    if (!list) out.set(r.person_id, (list = []));
    list.push({ training: r.training, part: r.part, completedOn: r.completed_on });
  }
  return out;
}

export async function personExists(db: Db, id: string): Promise<{ mergedInto: string | null } | null> {
  const r = await db.selectFrom('people').select('merged_into').where('id', '=', id).executeTakeFirst();
  return r ? { mergedInto: r.merged_into } : null;
}

/**
 * Compliance's data version (migration 0014): the database bumps it in the same transaction as any
 * write to applications, completions, role grants or people's names, emails and merges.
 */
export async function loadVersion(db: Db): Promise<number> {
  const r = await db.selectFrom('compliance_version').select('n').where('id', '=', 1).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** The people whose records changed after data version `since`, or null when more than `most` did. */
export async function loadChangedSince(db: Db, since: number, most: number): Promise<string[] | null> {
  const rows = await db
    .selectFrom('compliance_changes')
    .select('person_id')
    .where('version', '>', since)
    .limit(most + 1)
    .execute();
  return rows.length > most ? null : rows.map((r) => r.person_id);
}

/** The people with a completion in any of the windows (see dayWindows), or null when more than `most` have one. */
export async function loadPeopleWithCompletions(db: Db, windows: readonly CompletionWindow[], most: number): Promise<string[] | null> {
  const rows = await db
    .selectFrom('completions')
    .select('person_id')
    .distinct()
    .where((eb) =>
      eb.or(windows.map((w) => eb.and([...(w.training === null ? [] : [eb('training', '=', w.training)]), eb('completed_on', '>', w.after), eb('completed_on', '<=', w.upTo)]))),
    )
    .limit(most + 1)
    .execute();
  return rows.length > most ? null : rows.map((r) => r.person_id);
}
