import type { Selectable } from 'kysely';
import { newId } from '../platform/clock.js';
import type { Db } from '../platform/db/database.js';
import { fromJson } from '../platform/db/database.js';
import type { VolunteerTables } from './volunteers.tables.js';
import type { RoleChoice } from './application.rules.js';

/** Queries of volunteer applications, their role grants and the screening key. */

export type ApplicationRow = Selectable<VolunteerTables['applications']>;
export type BackgroundCheck = 'not-started' | 'pending' | 'clear' | 'flagged';

/** An application as the code reads it. The sealed number itself never leaves the store's callers. */
export interface Application {
  id: string;
  personId: string;
  season: string;
  roles: RoleChoice[];
  birthDate: string;
  adult: boolean;
  /** True while the sealed number waits for the background check (erased once it is recorded). */
  ssnSealed: boolean;
  ssnLast4: string | null;
  signatureName: string | null;
  signedAt: string | null;
  submittedAt: string;
  backgroundCheck: BackgroundCheck;
  checkRecordedAt: string | null;
  checkRecordedBy: string | null;
}

export const toApplication = (r: ApplicationRow): Application => ({
  id: r.id,
  personId: r.person_id,
  season: r.season_id,
  roles: fromJson<RoleChoice[]>(r.roles_json, []),
  birthDate: r.birth_date,
  adult: r.is_adult === 1,
  ssnSealed: r.ssn_sealed !== null,
  ssnLast4: r.ssn_last4,
  signatureName: r.signature_name,
  signedAt: r.signed_at,
  submittedAt: r.submitted_at,
  backgroundCheck: r.background_check as BackgroundCheck,
  checkRecordedAt: r.check_recorded_at,
  checkRecordedBy: r.check_recorded_by,
});

export const SCREENING_KEY = 'screening_public_key';

export async function getScreeningPublicKey(db: Db): Promise<string | null> {
  const row = await db.selectFrom('app_meta').select('value').where('key', '=', SCREENING_KEY).executeTakeFirst();
  return row?.value ?? null;
}

export async function putScreeningPublicKey(db: Db, pem: string): Promise<void> {
  await db
    .insertInto('app_meta')
    .values({ key: SCREENING_KEY, value: pem })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: pem }))
    .execute();
}

export async function findApplicationRow(db: Db, personId: string, seasonId: string): Promise<ApplicationRow | undefined> {
  return db.selectFrom('applications').selectAll().where('person_id', '=', personId).where('season_id', '=', seasonId).executeTakeFirst();
}

export async function findApplicationById(db: Db, id: string): Promise<ApplicationRow | undefined> {
  return db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function applicationsOfPerson(db: Db, personId: string): Promise<Application[]> {
  const rows = await db.selectFrom('applications').selectAll().where('person_id', '=', personId).orderBy('submitted_at', 'desc').execute();
  return rows.map(toApplication);
}

export async function insertApplication(db: Db, row: ApplicationRow): Promise<void> {
  await db.insertInto('applications').values(row).execute();
}

export type ApplicationPatch = Omit<ApplicationRow, 'id' | 'person_id' | 'season_id' | 'check_recorded_at' | 'check_recorded_by'>;

export async function updateApplication(db: Db, id: string, patch: ApplicationPatch): Promise<void> {
  await db.updateTable('applications').set(patch).where('id', '=', id).execute();
}

/** Records the check's result and erases the sealed number in the same statement. */
export async function recordCheckRow(db: Db, id: string, result: 'clear' | 'flagged', at: string, by: string | null): Promise<void> {
  await db.updateTable('applications').set({ background_check: result, check_recorded_at: at, check_recorded_by: by, ssn_sealed: null }).where('id', '=', id).execute();
}

/** Gives the season's role grants for the chosen roles (those the person already holds are kept). */
export async function addSeasonGrants(db: Db, personId: string, seasonId: string, roles: readonly RoleChoice[], at: string, by: string | null): Promise<void> {
  for (const r of roles) {
    const exists = await db
      .selectFrom('role_grants')
      .select('id')
      .where('person_id', '=', personId)
      .where('role', '=', r.role)
      .where('season_id', '=', seasonId)
      .where('division', '=', r.division)
      .executeTakeFirst();
    if (!exists)
      await db
        .insertInto('role_grants')
        .values({ id: newId(), person_id: personId, role: r.role, season_id: seasonId, division: r.division, granted_at: at, granted_by: by })
        .execute();
  }
}

/** The person's role grants of the season (role and division). */
export async function seasonGrantsOf(db: Db, personId: string, seasonId: string): Promise<{ role: string; division: string }[]> {
  return db.selectFrom('role_grants').select(['role', 'division']).where('person_id', '=', personId).where('season_id', '=', seasonId).execute();
}

export async function removeSeasonGrants(db: Db, personId: string, seasonId: string, roles: readonly RoleChoice[]): Promise<void> {
  for (const r of roles) {
    await db.deleteFrom('role_grants').where('person_id', '=', personId).where('role', '=', r.role).where('season_id', '=', seasonId).where('division', '=', r.division).execute();
  }
}

export interface SafetyListRow extends Application {
  name: string;
}

/** Applications for the safety director, newest first, with the applicant's name. */
export async function listForSafety(db: Db, f: { pendingOnly: boolean; season?: string; limit: number }): Promise<SafetyListRow[]> {
  let q = db
    .selectFrom('applications')
    .innerJoin('people', 'people.id', 'applications.person_id')
    .selectAll('applications')
    .select(['people.first_name', 'people.last_name'])
    .orderBy('applications.submitted_at', 'desc')
    .orderBy('applications.id')
    .limit(f.limit);
  if (f.pendingOnly) q = q.where('applications.background_check', '=', 'pending');
  if (f.season) q = q.where('applications.season_id', '=', f.season);
  const rows = await q.execute();
  return rows.map((r) => ({ ...toApplication(r), name: `${r.first_name} ${r.last_name}` }));
}

/** The first safety director found among the role grants (name and email), for an applicant to contact. */
export async function aSafetyDirector(db: Db): Promise<{ first_name: string; last_name: string; email: string | null } | undefined> {
  return db
    .selectFrom('role_grants')
    .innerJoin('people', 'people.id', 'role_grants.person_id')
    .select(['first_name', 'last_name', 'email'])
    .where('role', '=', 'safety-director')
    .executeTakeFirst();
}

/** How many applications wait for their background check. */
export async function countPendingChecks(db: Db): Promise<number> {
  const r = await db
    .selectFrom('applications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('background_check', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** How many pending applications still hold a sealed number (to export for the check). */
export async function countSealedPending(db: Db): Promise<number> {
  const r = await db
    .selectFrom('applications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('background_check', '=', 'pending')
    .where('ssn_sealed', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export interface SealedForExport {
  applicationId: string;
  personId: string;
  name: string;
  birthDate: string;
  email: string | null;
  last4: string | null;
  sealed: string;
}

/** Pending applications whose sealed number waits for the background check, oldest first. */
export async function sealedPending(db: Db): Promise<SealedForExport[]> {
  const rows = await db
    .selectFrom('applications')
    .innerJoin('people', 'people.id', 'applications.person_id')
    .select([
      'applications.id',
      'applications.person_id',
      'applications.birth_date',
      'applications.ssn_sealed',
      'applications.ssn_last4',
      'people.first_name',
      'people.last_name',
      'people.email',
    ])
    .where('applications.background_check', '=', 'pending')
    .where('applications.ssn_sealed', 'is not', null)
    .orderBy('applications.submitted_at')
    .orderBy('applications.id')
    .execute();
  return rows.map((r) => ({
    applicationId: r.id,
    personId: r.person_id,
    name: `${r.first_name} ${r.last_name}`,
    birthDate: r.birth_date,
    email: r.email,
    last4: r.ssn_last4,
    sealed: r.ssn_sealed!,
  }));
}

export interface AwaitingKey {
  applicationId: string;
  seasonId: string;
  firstName: string;
  email: string | null;
}

/** Adults whose application waits for the screening key to give their number (no number, no check recorded). */
export async function awaitingScreeningKey(db: Db): Promise<AwaitingKey[]> {
  const rows = await db
    .selectFrom('applications')
    .innerJoin('people', 'people.id', 'applications.person_id')
    .select(['applications.id', 'applications.season_id', 'people.first_name', 'people.email'])
    .where('applications.is_adult', '=', 1)
    .where('applications.background_check', '=', 'pending')
    .where('applications.ssn_sealed', 'is', null)
    .where('applications.check_recorded_at', 'is', null)
    .where('people.merged_into', 'is', null)
    .orderBy('applications.submitted_at')
    .orderBy('applications.id')
    .execute();
  return rows.map((r) => ({ applicationId: r.id, seasonId: r.season_id, firstName: r.first_name, email: r.email }));
}

const CHUNK = 500;

/** The season's applications of many people (chunked: the dashboard asks for thousands). */
export async function applicationsOfPeople(db: Db, personIds: readonly string[], seasonId: string): Promise<Application[]> {
  const out: Application[] = [];
  for (let i = 0; i < personIds.length; i += CHUNK) {
    const ids = personIds.slice(i, i + CHUNK);
    const rows = await db.selectFrom('applications').selectAll().where('season_id', '=', seasonId).where('person_id', 'in', ids).execute();
    out.push(...rows.map(toApplication));
  }
  return out;
}
