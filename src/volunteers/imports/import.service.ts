/**
 * Imports the association's volunteer export (issue 17, point 4): people are matched by volunteer id,
 * then email, then name and date of birth; new people are created, blanks of existing ones filled, and
 * each person's roles land on their season's application as applying would put them there (applied
 * roles granted, the application marked as imported: without SSN or e-signature, which compliance
 * still asks for). The association approved those roles, so each is recorded as a role request
 * granted by the importing actor, as a board grant is recorded. Everything is planned first and written in one transaction; importing the same file
 * again changes nothing. A file without the needed columns is refused whole.
 */
import { recordAudit, type Actor } from '../../platform/audit.js';
import { newId, type Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { toJson } from '../../platform/db/database.js';
import { isUniqueViolation } from '../../platform/db/transactions.js';
import { AppError } from '../../platform/errors.js';
import { insertPeople, updatePerson, type PersonRow } from '../../people/index.js';
import { allSeasons, findSeason, getRegionConfig, regionToday, type RegionConfig } from '../../region/index.js';
import type { RoleChoice } from '../application.rules.js';
import { addSeasonGrants, applicationsOfPeople, insertApplication, type ApplicationRow } from '../applications.store.js';
import { insertRequests, requestsOfApplication, type RoleRequestRow } from '../decisions/requests.store.js';
import { matchGroups, planImport, type ImportPlan, type ImportSummary, type KnownApplication } from './import-plan.rules.js';
import { markImported, peopleToMatch, setApplicationRoles } from './imports.store.js';
import { parseVolunteerExport } from './volunteer-export.rules.js';

export type { ImportSummary } from './import-plan.rules.js';

/** The largest export accepted (a region's volunteers fit in far less). */
export const MAX_VOLUNTEER_FILE_BYTES = 5 * 1024 * 1024;

export interface VolunteerImportDeps {
  db: Db;
  clock: Clock;
}

export interface VolunteerImportOptions {
  fileName: string;
  /** A configured season id for every line, instead of the season read from each line. */
  season?: string;
}

function checkSeason(config: RegionConfig, season: string | undefined): void {
  if (season === undefined || findSeason(config, season)) return;
  const known = allSeasons(config)
    .map((s) => s.season.id)
    .join(', ');
  throw new AppError('UNKNOWN_SEASON', `There is no season "${season}": choose one of ${known}.`);
}

/** Imports a volunteer export; throws VALIDATION (with `missingColumns`) when the file is refused whole. */
export async function importVolunteers(deps: VolunteerImportDeps, actor: Actor, bytes: Uint8Array | string, o: VolunteerImportOptions): Promise<ImportSummary> {
  const config = await getRegionConfig(deps.db);
  checkSeason(config, o.season);
  const parsed = parseVolunteerExport(bytes, config, { season: o.season });
  if (!parsed.ok) {
    throw new AppError('VALIDATION', `${o.fileName} cannot be imported: ${parsed.message}`, {
      missingColumns: parsed.missingColumns,
      errors: [`${o.fileName} cannot be imported: ${parsed.message}`],
    });
  }
  const today = regionToday(config, deps.clock);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const matched = matchGroups(parsed.rows, await peopleToMatch(trx));
      const applications = await knownApplications(
        trx,
        matched.groups.flatMap((g) => (g.person ? [g.person.id] : [])),
        [...new Set(parsed.rows.map((r) => r.seasonId))],
      );
      const plan = planImport(matched.groups, applications, { today, newId });
      const at = deps.clock.now().toISOString();
      await write(trx, plan, { at, actor, fileName: o.fileName });
      const skipped = [
        ...parsed.skipped.map((e) => ({ row: e.row, reason: e.message })),
        ...matched.skipped.map((e) => ({ row: e.row, reason: e.message })),
        ...plan.summary.skipped,
      ];
      const summary: ImportSummary = { ...plan.summary, skipped: skipped.sort((a, b) => a.row - b.row) };
      const after = { file: o.fileName, lines: parsed.lines, created: summary.created, updated: summary.updated, unchanged: summary.unchanged, skipped: summary.skipped.length };
      await recordAudit(trx, { actor, at, action: 'people.import', entity: 'people', entityId: newId(), after });
      return summary;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', 'Someone changed these people while the file was being imported: import the file again.');
    throw e;
  }
}

async function knownApplications(db: Db, personIds: string[], seasons: string[]): Promise<KnownApplication[]> {
  const out: KnownApplication[] = [];
  for (const season of seasons) {
    for (const a of await applicationsOfPeople(db, personIds, season)) out.push({ id: a.id, personId: a.personId, seasonId: a.season, roles: a.roles, adult: a.adult });
  }
  return out;
}

const BATCH = 200;

async function write(trx: Db, plan: ImportPlan, x: { at: string; actor: Actor; fileName: string }): Promise<void> {
  const people: PersonRow[] = plan.newPeople.map((p) => ({
    id: p.id,
    email: p.email,
    first_name: p.firstName,
    last_name: p.lastName,
    birth_date: p.birthDate,
    phone: p.phone,
    password_hash: null,
    created_at: x.at,
    updated_at: x.at,
    merged_into: null,
    association_id: p.associationId,
  }));
  for (let i = 0; i < people.length; i += BATCH) await insertPeople(trx, people.slice(i, i + BATCH));
  for (const { personId, patch } of plan.patches) await updatePerson(trx, personId, { ...patch, updated_at: x.at });
  for (const a of plan.newApplications) {
    await insertApplication(trx, applicationRow(a, x.at));
    await addSeasonGrants(trx, a.personId, a.seasonId, a.roles, x.at, x.actor.id);
    await grantedRequests(trx, { applicationId: a.id, personId: a.personId, seasonId: a.seasonId }, a.roles, x);
  }
  await markImported(
    trx,
    plan.newApplications.map((a) => ({ application_id: a.id, imported_at: x.at, file_name: x.fileName })),
  );
  for (const r of plan.roleAdditions) {
    await setApplicationRoles(trx, r.applicationId, r.roles);
    await addSeasonGrants(trx, r.personId, r.seasonId, r.added, x.at, x.actor.id);
    await grantedRequests(trx, r, r.added, x);
  }
}

/** The reason recorded on the role requests an import grants. */
export const IMPORT_REASON = "Imported from the association's export";

/** Records the imported roles as requests granted by the importing actor (none twice for a role). */
async function grantedRequests(
  trx: Db,
  app: { applicationId: string; personId: string; seasonId: string },
  roles: readonly RoleChoice[],
  x: { at: string; actor: Actor; fileName: string },
): Promise<void> {
  const existing = await requestsOfApplication(trx, app.applicationId);
  const rows: RoleRequestRow[] = roles
    .filter((r, i) => !existing.some((e) => e.role === r.role && e.division === r.division) && roles.findIndex((o) => o.role === r.role && o.division === r.division) === i)
    .map((r) => ({
      id: newId(),
      application_id: app.applicationId,
      person_id: app.personId,
      season_id: app.seasonId,
      role: r.role,
      division: r.division,
      status: 'granted',
      requested_at: x.at,
      decided_at: x.at,
      decided_by: x.actor.id,
      reason: `${IMPORT_REASON} (${x.fileName}).`,
    }));
  await insertRequests(trx, rows);
}

/** An imported application: the roles and date of birth, no SSN and no signature (compliance asks for them). */
function applicationRow(a: ImportPlan['newApplications'][number], at: string): ApplicationRow {
  return {
    id: a.id,
    person_id: a.personId,
    season_id: a.seasonId,
    roles_json: toJson(a.roles),
    birth_date: a.birthDate,
    is_adult: a.adult ? 1 : 0,
    ssn_sealed: null,
    ssn_last4: null,
    signature_name: null,
    signed_at: null,
    signed_ip: null,
    submitted_at: at,
    background_check: a.adult ? 'pending' : 'not-started',
    check_recorded_at: null,
    check_recorded_by: null,
  };
}

/** The summary as a person reads it (command line). */
export function summaryText(fileName: string, s: ImportSummary): string {
  const lines = [`Imported ${fileName}: ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged, ${s.skipped.length} lines skipped.`];
  if (s.skipped.length) lines.push('Skipped:', ...s.skipped.map((e) => `  line ${e.row}: ${e.reason}`));
  return `${lines.join('\n')}\n`;
}
