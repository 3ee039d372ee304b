import { AppError } from '../platform/errors.js';
import { hashPassword, passwordProblem, verifyPassword } from '../platform/passwords.js';
import { isIsoDate } from '../region/index.js';
import type { AccountDeps } from './accounts.service.js';
import { findPersonRow, setPasswordHash, toPerson, updatePerson } from './people.store.js';
import { listRoleGrants } from './roles.store.js';
import { deleteSessionsOf, listApiTokens, revokeApiTokensOf } from './accounts.store.js';

export async function loadProfile(deps: AccountDeps, personId: string) {
  const row = await findPersonRow(deps.db, personId);
  if (!row) throw new AppError('NOT_FOUND', 'Your account was not found.');
  const roles = (await listRoleGrants(deps.db, personId)).map((r) => ({ role: r.role, season: r.season_id, division: r.division }));
  return { person: toPerson(row), roles, tokens: await listApiTokens(deps.db, personId) };
}

export interface ProfileChange {
  firstName: string;
  lastName: string;
  phone?: string;
  birthDate?: string;
}

export async function updateProfile(deps: AccountDeps, personId: string, c: ProfileChange): Promise<void> {
  const errors: string[] = [];
  if (!c.firstName?.trim() || !c.lastName?.trim()) errors.push('Give both a first and a last name.');
  if (c.birthDate && !isIsoDate(c.birthDate)) errors.push('Give the date of birth as a real date (YYYY-MM-DD).');
  if (c.birthDate && c.birthDate > deps.clock.now().toISOString().slice(0, 10)) errors.push('The date of birth cannot be in the future.');
  if (c.phone && !/^[0-9+().\s-]{7,25}$/.test(c.phone)) errors.push('Write the phone number with digits, spaces, dashes or a leading +.');
  if (errors.length) throw new AppError('VALIDATION', errors[0]!, { errors });
  await updatePerson(deps.db, personId, {
    first_name: c.firstName.trim(),
    last_name: c.lastName.trim(),
    phone: c.phone?.trim() || null,
    birth_date: c.birthDate || null,
    updated_at: deps.clock.now().toISOString(),
  });
}

export interface PasswordChange {
  current: string;
  password: string;
  /** Also revoke every API token of the person: asked for explicitly (a checkbox, an API field). */
  revokeTokens: boolean;
  /** The session the change is made in, which stays; every other session of the person ends. */
  keepSession?: string;
}

/**
 * Changes a password when the current one is right: every other session of the person ends (a
 * browser left logged in elsewhere with the old password) and, when asked, every API token is
 * revoked. Answers how many of each.
 */
export async function changePassword(deps: AccountDeps, personId: string, c: PasswordChange): Promise<{ sessionsEnded: number; tokensRevoked: number }> {
  const row = await findPersonRow(deps.db, personId);
  if (!row || !(await verifyPassword(c.current, row.password_hash))) throw new AppError('BAD_CREDENTIALS', 'Your current password is not right.');
  const problem = passwordProblem(c.password);
  if (problem) throw new AppError('VALIDATION', problem);
  const hash = await hashPassword(c.password);
  const at = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, personId, hash, at);
    const sessionsEnded = await deleteSessionsOf(trx, personId, c.keepSession);
    const tokensRevoked = c.revokeTokens ? await revokeApiTokensOf(trx, personId, at) : 0;
    return { sessionsEnded, tokensRevoked };
  });
}
