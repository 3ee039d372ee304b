import type { KeyObject } from 'node:crypto';
import type { Dialect } from '../platform/db/database.js';
import type { Deps } from '../platform/feature.js';
import { makeActor, type TestActor } from '../testing/actors.js';
import { openTestApp, type TestApp, type TestAppOptions } from '../testing/harness.js';
import type { Role } from '../platform/roles.js';
import { makeScreeningKeyPair, openPrivateKey, type ScreeningKeyPair } from './screening.crypto.js';
import { putScreeningPublicKey } from './applications.store.js';

export { getScreeningPublicKey } from './applications.store.js';
export { keyFingerprint, openPrivateKey } from './screening.crypto.js';

/** Test helpers of the volunteers feature (the app with this feature, a screening key, applicants). */

export type { TestAppOptions as AppOptions } from '../testing/harness.js';

/** The whole application on a fresh test database and the fixed test clock. */
export function openVolunteerApp(dialect: Dialect, opts: TestAppOptions = {}): Promise<TestApp> {
  return openTestApp(dialect, opts);
}

let pair: ScreeningKeyPair | null = null;

/** One RSA 3072 key pair per test process (making one takes a moment). */
export function testKeyPair(): ScreeningKeyPair & { privateKey: KeyObject } {
  pair ??= makeScreeningKeyPair();
  return { ...pair, privateKey: openPrivateKey(pair.privateFile) };
}

/** Stores the test key pair's public half as the region's screening key. */
export async function installTestKey(deps: Deps): Promise<ScreeningKeyPair & { privateKey: KeyObject }> {
  const k = testKeyPair();
  await putScreeningPublicKey(deps.db, k.publicPem);
  return k;
}

export const SEASON = '2026-fall';
export const ADULT_BIRTH = '1990-05-17';
export const YOUTH_BIRTH = '2012-03-03';
/** 11 on the test date (2026-09-15): turns 12 on 2027-01-01. */
export const ELEVEN_BIRTH = '2015-01-01';
export const SSN = '123-45-6789';
export const SSN_DIGITS = '123456789';

export interface Applicant extends TestActor {
  name: string;
}

/** A person with an API token and (unless null) a date of birth on record. */
export async function makeApplicant(deps: Deps, birthDate: string | null, roles: Role[] = []): Promise<Applicant> {
  const actor = await makeActor(deps, roles);
  if (birthDate) await deps.db.updateTable('people').set({ birth_date: birthDate }).where('id', '=', actor.id).execute();
  const p = await deps.db.selectFrom('people').select(['first_name', 'last_name']).where('id', '=', actor.id).executeTakeFirstOrThrow();
  return { ...actor, name: `${p.first_name} ${p.last_name}` };
}

/** A full adult application body for the API. */
export function adultBody(name: string, over: Record<string, unknown> = {}) {
  return {
    season: SEASON,
    roles: [
      { role: 'head-coach', division: '10U' },
      { role: 'field-helper', division: '8U' },
    ],
    ssn: SSN,
    signature: name,
    ...over,
  };
}

/** Sends an adult's application for the test season (the date of birth set on the record first), as the applicant. */
export async function applyAsAdult(deps: Deps, person: { id: string; firstName: string; lastName: string }, roles: { role: string; division: string }[]): Promise<void> {
  const { submitApplication, volunteerDeps } = await import('./applications.service.js');
  await deps.db.updateTable('people').set({ birth_date: ADULT_BIRTH }).where('id', '=', person.id).execute();
  const name = `${person.firstName} ${person.lastName}`;
  await submitApplication(volunteerDeps(deps), { personId: person.id, season: SEASON, roles, ssn: SSN, signature: name }, { actor: { id: person.id, name }, ip: '203.0.113.9' });
}
