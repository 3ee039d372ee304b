import { AppError } from '../platform/errors.js';
import { newId, type Clock } from '../platform/clock.js';
import { toJson, type Db } from '../platform/db/database.js';
import type { Deps } from '../platform/feature.js';
import type { Mailer } from '../platform/mail.js';
import { recordAudit, type Actor } from '../platform/audit.js';
import { findPersonRow, updatePerson as updatePersonRow, type PersonRow } from '../people/index.js';
import { ROLE_LABELS, type Role } from '../platform/roles.js';
import { getRegionConfig, regionToday } from '../region/index.js';
import { findSeason, type SeasonRef } from '../region/index.js';
import type { RegionConfig } from '../region/index.js';
import { acceptApplication, type AcceptedApplication, type RoleChoice } from './application.rules.js';
import { sealSsn } from './screening.crypto.js';
import * as store from './applications.store.js';
import type { Application, ApplicationRow } from './applications.store.js';
import { isUniqueViolation } from '../platform/db/transactions.js';
import { grantAtOnce, planRequests } from './decisions/decisions.rules.js';
import { deleteRequests, insertRequests, requestsOfApplication } from './decisions/requests.store.js';

/**
 * Volunteer applications (rules.md "Volunteer application"): one per person per season. Each role
 * asked for is a request the board decides (decisions/), unless the region grants that role at once
 * (regionConfig.applications.grantAtOnce: youth volunteers and field helpers by default). A second
 * submission for the same season REPLACES the roles and details of the application while its
 * background check is not recorded (the status is kept: pending stays pending); once the safety
 * director has recorded the check it is refused with CONFLICT. Every submission is one transaction:
 * application, role requests (and grants at once), birth date, confirmation mail and audit entry land together or not at all.
 */

export interface VolunteerDeps {
  db: Db;
  clock: Clock;
  mailer: Mailer;
  baseUrl: string;
}

export const volunteerDeps = (d: Deps): VolunteerDeps => ({ db: d.db, clock: d.clock, mailer: d.mailer, baseUrl: d.config.baseUrl });

export interface SubmitInput {
  personId: string;
  season: string;
  roles: RoleChoice[];
  ssn?: string | null;
  signature?: string | { typedName: string } | null;
  /** Used only when the person's record has no date of birth yet (it is then saved there). */
  birthDate?: string;
  /** Saved on the person's record when given. */
  phone?: string;
}

export interface SubmitContext {
  actor: Actor;
  ip: string;
}

function seasonFor(config: RegionConfig, id: string, today: string): SeasonRef {
  const ref = findSeason(config, id);
  if (!ref) {
    const known = config.membershipYears.flatMap((y) => y.seasons.map((s) => s.id)).join(', ');
    throw new AppError('UNKNOWN_SEASON', `There is no season "${id}": choose one of ${known}.`);
  }
  if (ref.season.endDate < today) throw new AppError('SEASON_OVER', `${ref.season.name} ended on ${ref.season.endDate}: apply for the current or next season.`);
  return ref;
}

const typedNameOf = (s: SubmitInput['signature']) => (s == null ? undefined : typeof s === 'string' ? { typedName: s } : s);

function checkPhone(phone: string | undefined): string | null {
  const v = phone?.trim() ?? '';
  if (v.length > 40) throw new AppError('VALIDATION', 'Write a phone number of at most 40 characters.', { errors: ['Write a phone number of at most 40 characters.'] });
  return v || null;
}

/** Submits (or, while its check is not recorded, replaces) a person's application for a season. */
export async function submitApplication(deps: VolunteerDeps, input: SubmitInput, ctx: SubmitContext): Promise<Application> {
  const config = await getRegionConfig(deps.db);
  const today = regionToday(config, deps.clock);
  const season = seasonFor(config, input.season, today);
  const phone = checkPhone(input.phone);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const person = await findPersonRow(trx, input.personId);
      if (!person || person.merged_into) throw new AppError('NOT_FOUND', 'That person does not exist.');
      const birthDate = person.birth_date ?? input.birthDate;
      if (birthDate === undefined) throw new AppError('BIRTH_DATE_MISSING', 'The date of birth is missing: add it to the profile (or ask the registrar) before applying.');
      // Without a screening key an adult applies without the number, and is mailed when the key is set.
      const key = await store.getScreeningPublicKey(trx);
      const name = `${person.first_name} ${person.last_name}`;
      const accepted = acceptApplication(
        { birthDate, applicationDate: today, roles: input.roles, ssn: input.ssn ?? undefined, signature: typedNameOf(input.signature), ssnLater: !key },
        name,
        config,
      );
      return save(deps, trx, { person, season, accepted, key, phone, ctx, atOnce: grantAtOnce(config) });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', 'This application was submitted twice at the same moment: reload the page to see it.');
    throw e;
  }
}

interface SaveArgs {
  person: PersonRow;
  season: SeasonRef;
  accepted: AcceptedApplication;
  key: string | null;
  phone: string | null;
  ctx: SubmitContext;
  /** Roles the region grants at once; the others wait for the board's decision. */
  atOnce: ReadonlySet<string>;
}

async function save(deps: VolunteerDeps, trx: Db, a: SaveArgs): Promise<Application> {
  const at = deps.clock.now().toISOString();
  const existing = await store.findApplicationRow(trx, a.person.id, a.season.season.id);
  if (existing?.check_recorded_at) {
    throw new AppError(
      'CONFLICT',
      `Your background check for ${a.season.season.name} is already recorded, so this application can no longer be changed: ask the registrar to change your roles.`,
    );
  }
  const row = rowOf(existing, a, at);
  if (existing) await store.updateApplication(trx, existing.id, patchOf(row));
  else await store.insertApplication(trx, row);
  const before = existing ? store.toApplication(existing) : null;
  const gone = (before?.roles ?? []).filter((r) => !a.accepted.roles.some((n) => n.role === r.role && n.division === r.division));
  await store.removeSeasonGrants(trx, a.person.id, a.season.season.id, gone);
  const waiting = await syncRequests(trx, row, a, at);
  await updatePerson(trx, a.person, a.accepted.birthDate, a.phone, at);
  const saved = store.toApplication(row);
  await confirm(deps, trx, a.person, a.season, saved, waiting);
  await recordAudit(trx, {
    actor: a.ctx.actor,
    at,
    action: existing ? 'application.update' : 'application.submit',
    entity: 'application',
    entityId: row.id,
    before: before ? auditView(before) : undefined,
    after: auditView(saved),
  });
  return saved;
}

/**
 * The application's role requests follow its roles: dropped roles lose their request (a granted
 * one its grant, above), new ones wait for the board or are granted at once.
 */
async function syncRequests(trx: Db, row: ApplicationRow, a: SaveArgs, at: string): Promise<RoleChoice[]> {
  const existing = await requestsOfApplication(trx, row.id);
  const held = await store.seasonGrantsOf(trx, a.person.id, a.season.season.id);
  const plan = planRequests(existing, a.accepted.roles, a.atOnce, (r) => held.some((h) => h.role === r.role && h.division === r.division));
  await deleteRequests(
    trx,
    plan.remove.map((r) => r.id),
  );
  await insertRequests(
    trx,
    plan.add.map((r) => ({
      id: newId(),
      application_id: row.id,
      person_id: a.person.id,
      season_id: a.season.season.id,
      role: r.role,
      division: r.division,
      status: r.status,
      requested_at: at,
      decided_at: r.status === 'granted' ? at : null,
      decided_by: null,
      reason: null,
    })),
  );
  const now = plan.add.filter((r) => r.status === 'granted');
  await store.addSeasonGrants(trx, a.person.id, a.season.season.id, now, at, a.ctx.actor.id);
  return [...existing.filter((e) => !plan.remove.includes(e)), ...plan.add].filter((r) => r.status === 'requested');
}

function rowOf(existing: ApplicationRow | undefined, a: SaveArgs, at: string): ApplicationRow {
  const acc = a.accepted;
  const signed = acc.signature !== null;
  return {
    id: existing?.id ?? newId(),
    person_id: a.person.id,
    season_id: a.season.season.id,
    roles_json: toJson(acc.roles),
    birth_date: acc.birthDate,
    is_adult: acc.adult ? 1 : 0,
    // Sealed at once with the public key: from here on nothing in Touchline can read the number.
    ssn_sealed: acc.ssn ? sealSsn(a.key!, acc.ssn) : null,
    ssn_last4: acc.ssnLast4,
    signature_name: acc.signature?.typedName ?? null,
    signed_at: signed ? at : null,
    signed_ip: signed ? a.ctx.ip : null,
    submitted_at: at,
    background_check: acc.adult ? 'pending' : 'not-started',
    check_recorded_at: null,
    check_recorded_by: null,
  };
}

/** The columns a replacement changes: everything but the identity and the recorded check. */
function patchOf(row: ApplicationRow): store.ApplicationPatch {
  const { id: _id, person_id: _person, season_id: _season, check_recorded_at: _at, check_recorded_by: _by, ...patch } = row;
  return patch;
}

async function updatePerson(trx: Db, person: PersonRow, birthDate: string, phone: string | null, at: string): Promise<void> {
  const patch: { birth_date?: string; phone?: string; updated_at: string } = { updated_at: at };
  if (!person.birth_date) patch.birth_date = birthDate;
  if (phone && phone !== person.phone) patch.phone = phone;
  if (patch.birth_date || patch.phone) await updatePersonRow(trx, person.id, patch);
}

export const rolesText = (roles: readonly RoleChoice[]) => roles.map((r) => `${ROLE_LABELS[r.role as Role] ?? r.role} ${r.division}`).join(', ');

async function confirm(deps: VolunteerDeps, trx: Db, person: PersonRow, season: SeasonRef, a: Application, waiting: readonly RoleChoice[]): Promise<void> {
  if (!person.email) return;
  const check = !a.adult
    ? ''
    : a.ssnSealed
      ? 'Your social security number was sealed the moment you sent it: nobody at the region can read it, it goes only to the background check, and it is erased once the check is recorded.\n\n'
      : 'Your application still needs your social security number for the background check: that step opens when the region finishes setting up background checks, and we will mail you when it does.\n\n';
  const board = waiting.length
    ? `${rolesText(waiting)}: waiting for the board's decision; we will mail you when it is made. Meanwhile you can already complete what the role needs.\n\n`
    : '';
  await deps.mailer.queue(trx, {
    to: person.email,
    kind: 'application-received',
    subject: `Volunteer application received: ${season.season.name}`,
    text: `Hello ${person.first_name},\n\nWe received your volunteer application for ${season.season.name}: ${rolesText(a.roles)}.\n\n${board}${check}You can see your application and what is still missing at ${deps.baseUrl}/volunteer.\n\nThank you for volunteering!\n`,
  });
}

/** What the audit log keeps of an application: never the number, sealed or not, nor its last four. */
const auditView = (a: Application) => ({ person: a.personId, season: a.season, roles: a.roles, adult: a.adult, signed: a.signedAt !== null, backgroundCheck: a.backgroundCheck });
