import { AppError } from '../platform/errors.js';
import { newId, type Clock } from '../platform/clock.js';
import { toJson, type Db } from '../platform/db/database.js';
import type { Deps } from '../platform/feature.js';
import type { Mailer } from '../platform/mail.js';
import { recordAudit, type Actor } from '../platform/audit.js';
import { findPersonRow, updatePerson as updatePersonRow, type PersonRow } from '../people/index.js';
import { ROLE_LABELS, type Role } from '../platform/roles.js';
import { getRegionConfig, regionToday } from '../region/index.js';
import { ageOn, findSeason, isIsoDate, type SeasonRef } from '../region/index.js';
import type { RegionConfig } from '../region/index.js';
import { ADULT_AGE, acceptApplication, type AcceptedApplication, type RoleChoice } from './application.rules.js';
import { sealSsn } from './screening.crypto.js';
import * as store from './applications.store.js';
import type { Application, ApplicationRow } from './applications.store.js';
import { isUniqueViolation } from '../platform/db/transactions.js';

/**
 * Volunteer applications (rules.md "Volunteer application"): one per person per season. A second
 * submission for the same season REPLACES the roles and details of the application while its
 * background check is not recorded (the status is kept: pending stays pending); once the safety
 * director has recorded the check it is refused with CONFLICT. Every submission is one transaction:
 * application, role grants, birth date, confirmation mail and audit entry land together or not at all.
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

async function screeningNotReady(db: Db, config: RegionConfig): Promise<AppError> {
  const contact = config.region.contacts.find((c) => c.role === 'safety-director');
  let who = contact ? `${contact.name} (${contact.email})` : '';
  if (!who) {
    const p = await store.aSafetyDirector(db);
    if (p) who = `${p.first_name} ${p.last_name}${p.email ? ` (${p.email})` : ''}`;
  }
  return new AppError(
    'SCREENING_NOT_READY',
    `The region is not accepting volunteer applications from adults yet: the background-check key is not set up. Contact the safety director${who ? `, ${who},` : ''} and apply again once it is ready.`,
  );
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
      const key = await store.getScreeningPublicKey(trx);
      if (!key && isIsoDate(birthDate) && birthDate <= today && ageOn(birthDate, today) >= ADULT_AGE) throw await screeningNotReady(trx, config);
      const name = `${person.first_name} ${person.last_name}`;
      const accepted = acceptApplication(
        { birthDate, applicationDate: today, roles: input.roles, ssn: input.ssn ?? undefined, signature: typedNameOf(input.signature) },
        name,
        config,
      );
      return save(deps, trx, { person, season, accepted, key, phone, ctx });
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
  await store.addSeasonGrants(trx, a.person.id, a.season.season.id, a.accepted.roles, at, a.ctx.actor.id);
  await updatePerson(trx, a.person, a.accepted.birthDate, a.phone, at);
  const saved = store.toApplication(row);
  await confirm(deps, trx, a.person, a.season, saved);
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

async function confirm(deps: VolunteerDeps, trx: Db, person: PersonRow, season: SeasonRef, a: Application): Promise<void> {
  if (!person.email) return;
  const check = a.adult
    ? 'Your social security number was sealed the moment you sent it: nobody at the region can read it, it goes only to the background check, and it is erased once the check is recorded.\n\n'
    : '';
  await deps.mailer.queue(trx, {
    to: person.email,
    kind: 'application-received',
    subject: `Volunteer application received: ${season.season.name}`,
    text: `Hello ${person.first_name},\n\nWe received your volunteer application for ${season.season.name}: ${rolesText(a.roles)}.\n\n${check}You can see your application and what is still missing at ${deps.baseUrl}/volunteer.\n\nThank you for volunteering!\n`,
  });
}

/** What the audit log keeps of an application: never the number, sealed or not, nor its last four. */
const auditView = (a: Application) => ({ person: a.personId, season: a.season, roles: a.roles, adult: a.adult, signed: a.signedAt !== null, backgroundCheck: a.backgroundCheck });
