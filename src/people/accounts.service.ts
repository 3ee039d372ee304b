import { AppError } from '../platform/errors.js';
import { TEXT_LIMITS } from '../platform/text-limits.js';
import { newId, newToken, type Clock } from '../platform/clock.js';
import type { Db } from '../platform/db/database.js';
import type { Mailer } from '../platform/mail.js';
import { hashPassword, passwordProblem, tokenHash, verifyPassword } from '../platform/passwords.js';
import type { Auth } from '../platform/http/access.js';
import type { Deps } from '../platform/feature.js';
import { recordAudit, type Actor } from '../platform/audit.js';
import { getRegionConfig, seasonsInForce } from '../region/index.js';
import type { RegionConfig } from '../region/index.js';
import type { Role } from '../platform/roles.js';
import {
  findPersonRow,
  findPersonRowByEmail,
  fullName,
  insertPerson,
  normalizeEmail,
  sessionHolder,
  setPasswordHash,
  tokenHolder,
  toPerson,
  type HolderRow,
  type Person,
  type PersonRow,
} from './people.store.js';
import { anyoneHoldsRole, findGrantId, insertGrant } from './roles.store.js';
import * as store from './accounts.store.js';
import { decideAttempt, refusalMessage, staleBefore, throttleKeys, type ThrottleKind } from './login-throttle.rules.js';

export interface AccountDeps {
  db: Db;
  clock: Clock;
  mailer: Mailer;
  baseUrl: string;
}

export const accountDeps = (d: Deps): AccountDeps => ({ db: d.db, clock: d.clock, mailer: d.mailer, baseUrl: d.config.baseUrl });

const SESSION_DAYS = 30;
const RESET_MINUTES = 60;
const SETUP_HOURS = 24;

const plusMinutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000).toISOString();

export interface NewPerson {
  firstName: string;
  lastName: string;
  email: string;
  birthDate?: string | null;
  phone?: string | null;
}

export function checkNewPerson(p: NewPerson): void {
  if (!p.firstName.trim() || !p.lastName.trim()) throw new AppError('VALIDATION', 'Give both a first and a last name.');
  if (p.firstName.trim().length > TEXT_LIMITS.name || p.lastName.trim().length > TEXT_LIMITS.name)
    throw new AppError('VALIDATION', `Shorten the name to ${TEXT_LIMITS.name} characters for each part.`);
  if (p.email.trim().length > TEXT_LIMITS.email) throw new AppError('VALIDATION', `An email address has at most ${TEXT_LIMITS.email} characters: check the one you wrote.`);
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(p.email.trim())) throw new AppError('VALIDATION', `"${p.email}" is not an email address: write it like name@example.org.`);
}

/** Creates a person (with or without a password); refuses an email that already has an account. */
export async function createPerson(deps: AccountDeps, p: NewPerson, password: string | null): Promise<Person> {
  checkNewPerson(p);
  if (password !== null) {
    const problem = passwordProblem(password);
    if (problem) throw new AppError('VALIDATION', problem);
  }
  if (await findPersonRowByEmail(deps.db, p.email)) throw new AppError('EMAIL_TAKEN', `An account with ${normalizeEmail(p.email)} already exists. Log in, or reset its password.`);
  const at = deps.clock.now().toISOString();
  const row = {
    id: newId(),
    email: normalizeEmail(p.email),
    first_name: p.firstName.trim(),
    last_name: p.lastName.trim(),
    birth_date: p.birthDate ?? null,
    phone: p.phone?.trim() || null,
    password_hash: password === null ? null : await hashPassword(password),
    created_at: at,
    updated_at: at,
    merged_into: null,
    association_id: null,
  };
  await insertPerson(deps.db, row);
  return toPerson(row);
}

/**
 * Checks email and password, throttled by login-throttle.rules.ts: the attempt is counted before
 * the password is checked (in the database, so the limit holds across instances and for attempts
 * sent at once), and past the limit the answer is RATE_LIMITED with `details.retryAfterSeconds`.
 */
export async function checkCredentials(deps: AccountDeps, email: string, password: string, ip: string): Promise<Person> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const keys = throttleKeys(tokenHash(normalizeEmail(email)), ip);
  const counted = await store.reserveLoginAttempt(deps.db, keys, at, staleBefore(now));
  const countOf = (kind: ThrottleKind) => counted.get(keys.find((k) => k.kind === kind)!.key) ?? { attempts: 1, firstAt: at };
  const decision = decideAttempt({ address: countOf('address'), account: countOf('account'), pair: countOf('pair') }, now);
  if (!decision.allowed) {
    await store.takeBackLoginAttempt(
      deps.db,
      keys.map((k) => k.key),
    );
    throw new AppError('RATE_LIMITED', refusalMessage(decision), { retryAfterSeconds: decision.retryAfterSeconds });
  }
  const row = await findPersonRowByEmail(deps.db, email);
  if (row && (await verifyPassword(password, row.password_hash))) {
    await store.clearLoginKey(deps.db, keys.find((k) => k.kind === 'pair')!.key);
    await store.takeBackLoginAttempt(
      deps.db,
      keys.filter((k) => k.kind !== 'pair').map((k) => k.key),
    );
    return toPerson(row);
  }
  if (!row) await verifyPassword(password, null);
  await store.purgeLoginKeys(deps.db, staleBefore(now));
  throw new AppError('BAD_CREDENTIALS', 'That email and password do not match an account. Check both, or reset your password.');
}

/** Starts a browser session; answers the secret cookie value (only its hash is stored). */
export async function startSession(deps: AccountDeps, personId: string): Promise<string> {
  const token = newToken();
  const now = deps.clock.now();
  await store.insertSession(deps.db, {
    id_hash: tokenHash(token),
    person_id: personId,
    created_at: now.toISOString(),
    expires_at: plusMinutes(now, SESSION_DAYS * 24 * 60),
    last_seen_at: now.toISOString(),
  });
  return token;
}

export async function endSession(db: Db, sessionHash: string): Promise<void> {
  await store.deleteSession(db, sessionHash);
}

/**
 * Who a request is: the person, their roles in force and the region configuration they were
 * decided with (the request's own copy). One query found the credential, the person, every grant
 * and the configuration's stamp, as every request asks this.
 */
export interface Authenticated {
  auth: Auth;
  config: RegionConfig;
}

async function authFor(deps: AccountDeps, rows: HolderRow[], via: Auth['via'], sessionHash?: string): Promise<Authenticated | null> {
  const r = rows[0];
  if (!r || r.merged_into) return null;
  const stamp = r.config_version === null ? undefined : { version: r.config_version, updatedAt: r.config_updated_at ?? '' };
  const config = await getRegionConfig(deps.db, stamp);
  const seasons = new Set(['', ...seasonsInForce(config, deps.clock)]);
  const roles = rows.filter((g) => g.role !== null && seasons.has(g.season_id!)).map((g) => ({ role: g.role as Role, seasonId: g.season_id!, division: g.division! }));
  const auth: Auth = {
    personId: r.person_id,
    name: fullName({ firstName: r.first_name, lastName: r.last_name }),
    email: r.email ?? '',
    roles,
    via,
    ...(sessionHash ? { sessionHash } : {}),
  };
  return { auth, config };
}

export async function authenticateSession(deps: AccountDeps, token: string): Promise<Authenticated | null> {
  const hash = tokenHash(token);
  const rows = await sessionHolder(deps.db, { hash });
  const s = rows[0];
  const now = deps.clock.now();
  if (!s || s.expires_at <= now.toISOString()) return null;
  // Sliding expiry, written at most once an hour so that reading a page does not always write.
  if (new Date(s.last_seen_at).getTime() < now.getTime() - 3600_000) {
    await store.touchSession(deps.db, hash, now.toISOString(), plusMinutes(now, SESSION_DAYS * 24 * 60));
  }
  return authFor(deps, rows, 'session', hash);
}

export async function authenticateBearer(deps: AccountDeps, token: string): Promise<Authenticated | null> {
  const rows = await tokenHolder(deps.db, { hash: tokenHash(token) });
  const t = rows[0];
  if (!t) return null;
  const now = deps.clock.now();
  // When it was last used, to the minute: written at most once a minute per token.
  if (!t.last_used_at || new Date(t.last_used_at).getTime() < now.getTime() - 60_000) {
    await store.touchApiToken(deps.db, t.token_id, now.toISOString());
  }
  return authFor(deps, rows, 'token');
}

/** Creates an API token for a person; answers the secret once (only its hash is kept). */
export async function createApiToken(deps: AccountDeps, personId: string, name: string): Promise<{ id: string; token: string }> {
  const label = name.trim() || 'API token';
  if (label.length > 80) throw new AppError('VALIDATION', 'Give the token a name of at most 80 characters.');
  const token = `tl_${newToken()}`;
  const id = newId();
  await store.insertApiToken(deps.db, {
    id,
    person_id: personId,
    name: label,
    token_hash: tokenHash(token),
    created_at: deps.clock.now().toISOString(),
    last_used_at: null,
    revoked_at: null,
  });
  return { id, token };
}

export async function revokeApiToken(deps: AccountDeps, personId: string, id: string): Promise<void> {
  if (!(await store.revokeApiTokenRow(deps.db, personId, id, deps.clock.now().toISOString()))) throw new AppError('NOT_FOUND', 'That token does not exist or is already revoked.');
}

async function createLink(deps: AccountDeps, purpose: 'reset' | 'setup', personId: string | null, minutes: number): Promise<string> {
  const token = newToken();
  const now = deps.clock.now();
  await store.insertOneTimeLink(deps.db, {
    token_hash: tokenHash(token),
    purpose,
    person_id: personId,
    created_at: now.toISOString(),
    expires_at: plusMinutes(now, minutes),
    used_at: null,
  });
  return token;
}

/** Mails a one-time reset link when the account exists; says nothing either way (no account probing). */
export async function requestPasswordReset(deps: AccountDeps, email: string): Promise<void> {
  const row = await findPersonRowByEmail(deps.db, email);
  if (row) await mailPasswordLink(deps, row, 'reset');
}

/**
 * Mails a person a one-time link to /reset/{token}: to reset their password, or to set the first
 * one of an account made for them (a guardian from a registration). The link and its mail are
 * written in one transaction: a link is stored only with the mail that carries it.
 */
async function mailPasswordLink(deps: AccountDeps, row: PersonRow, why: 'reset' | 'first'): Promise<void> {
  const to = row.email;
  if (!to) return;
  await deps.db.transaction().execute(async (trx) => {
    const token = await createLink({ ...deps, db: trx }, 'reset', row.id, RESET_MINUTES);
    const link = `${deps.baseUrl}/reset/${token}`;
    await deps.mailer.queue(trx, {
      to,
      kind: 'password-reset',
      ...(why === 'reset'
        ? {
            subject: 'Reset your Touchline password',
            text: `Hello ${row.first_name},\n\nSomeone asked to reset the password of your Touchline account. To choose a new password, open this link within ${RESET_MINUTES} minutes:\n\n${link}\n\nIf it was not you, ignore this mail: your password stays as it is.\n`,
          }
        : {
            subject: 'Set your Touchline password',
            text: `Hello ${row.first_name},\n\nSomeone tried to create a Touchline account with this address. The region already has an account for it, made for you (for instance when a player was registered with this address), which has no password yet. To choose its password, open this link within ${RESET_MINUTES} minutes:\n\n${link}\n\nIf it was not you, ignore this mail: nothing changes.\n`,
          }),
    });
  });
}

/** What a sign-up did: created the account (and the caller logs it in), or mailed the existing one a link to set its password. */
export type SignUp = { created: Person } | { linkSentTo: string };

/**
 * The sign-up form: creates an account with this password, unless the email already has one. An
 * existing account that never had a password (a guardian made from a registration) is mailed the
 * one-time link to set it, as "Forgot your password?" does: the form itself never sets the password
 * of an existing account (only the owner of the address may). An account with a password: EMAIL_TAKEN.
 */
export async function signUp(deps: AccountDeps, p: NewPerson, password: string): Promise<SignUp> {
  checkNewPerson(p);
  const existing = await findPersonRowByEmail(deps.db, p.email);
  if (existing && existing.password_hash === null) {
    await mailPasswordLink(deps, existing, 'first');
    return { linkSentTo: normalizeEmail(p.email) };
  }
  return { created: await createPerson(deps, p, password) };
}

const LINK_ASK_AGAIN = {
  reset: 'Ask for a new one on the "Forgot your password?" page.',
  setup: 'Log in, or ask the region administrator to run `touchline admin create`.',
} as const;

/** Checks a one-time link: NOT_FOUND for a made-up link, LINK_USED (410) once used, LINK_EXPIRED (410) past its time. */
export async function checkLink(deps: AccountDeps, purpose: 'reset' | 'setup', token: string) {
  const link = await store.findOneTimeLink(deps.db, tokenHash(token), purpose);
  const what = purpose === 'reset' ? 'This link' : 'This set-up link';
  if (!link) throw new AppError('NOT_FOUND', `${what} is not valid. ${LINK_ASK_AGAIN[purpose]}`);
  if (link.used_at) throw new AppError('LINK_USED', `${what} was already used: each link works once. ${LINK_ASK_AGAIN[purpose]}`);
  if (link.expires_at <= deps.clock.now().toISOString())
    throw new AppError(
      'LINK_EXPIRED',
      purpose === 'reset'
        ? 'This link has expired. Ask for a new one on the "Forgot your password?" page.'
        : 'This set-up link has expired. Restart the server to print a new one, or run `touchline admin create`.',
    );
  return link;
}

async function useLink(db: Db, token: string, at: string): Promise<void> {
  if (!(await store.markLinkUsed(db, tokenHash(token), at))) throw new AppError('LINK_USED', 'This link was already used: each link works once. Ask for a new one.');
}

/**
 * Sets a new password through a reset link: the link is used up, every session of the person ends,
 * every API token is revoked (whoever had the old password may have made some), and the login
 * limits counted against the account are lifted (guesses at the old password are moot).
 */
export async function resetPassword(deps: AccountDeps, token: string, password: string): Promise<Person> {
  const problem = passwordProblem(password);
  if (problem) throw new AppError('VALIDATION', problem);
  const link = await checkLink(deps, 'reset', token);
  const hash = await hashPassword(password);
  const at = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    await useLink(trx, token, at);
    await setPasswordHash(trx, link.person_id!, hash, at);
    await store.deleteSessionsOf(trx, link.person_id!);
    await store.revokeApiTokensOf(trx, link.person_id!, at);
    const row = (await findPersonRow(trx, link.person_id!))!;
    if (row.email) await store.clearLoginAccount(trx, tokenHash(normalizeEmail(row.email)));
    return toPerson(row);
  });
}

export async function hasAdministrator(db: Db): Promise<boolean> {
  return anyoneHoldsRole(db, 'region-administrator');
}

/** The first-administrator link printed at start while the region has no administrator. */
export async function createSetupLink(deps: AccountDeps): Promise<string> {
  return `${deps.baseUrl}/setup/${await createLink(deps, 'setup', null, SETUP_HOURS * 60)}`;
}

export async function grantStandingRole(db: Db, personId: string, role: string, at: string, by: string | null): Promise<void> {
  const exists = (await findGrantId(db, { personId, role, seasonId: '', division: '' })) !== undefined;
  if (!exists) await insertGrant(db, { id: newId(), person_id: personId, role, season_id: '', division: '', granted_at: at, granted_by: by });
}

/**
 * Makes `email` a region administrator with this password: creates the account or sets the
 * password of an existing one. Used by the setup link and by `touchline admin create`.
 */
export async function makeAdministrator(deps: AccountDeps, p: NewPerson, password: string, actor: Actor): Promise<Person> {
  const problem = passwordProblem(password);
  if (problem) throw new AppError('VALIDATION', problem);
  checkNewPerson(p);
  const hash = await hashPassword(password);
  return deps.db.transaction().execute(async (trx) => {
    const at = deps.clock.now().toISOString();
    const existing = await findPersonRowByEmail(trx, p.email);
    const person = existing ? toPerson(existing) : await createPerson({ ...deps, db: trx }, p, null);
    await setPasswordHash(trx, person.id, hash, at);
    await grantStandingRole(trx, person.id, 'region-administrator', at, actor.id);
    await recordAudit(trx, { actor, at, action: 'role.grant', entity: 'person', entityId: person.id, after: { role: 'region-administrator' } });
    return person;
  });
}

export async function completeSetup(deps: AccountDeps, token: string, p: NewPerson, password: string): Promise<Person> {
  await checkLink(deps, 'setup', token);
  const problem = passwordProblem(password);
  if (problem) throw new AppError('VALIDATION', problem);
  checkNewPerson(p);
  // Claim the link first: of two submissions racing, only one creates the administrator.
  await useLink(deps.db, token, deps.clock.now().toISOString());
  return makeAdministrator(deps, p, password, { id: null, name: 'first-start setup link' });
}
