import type { Db } from '../platform/db/database.js';
import type { RoleChoice } from './application.rules.js';
import { applicationsOfPeople, type BackgroundCheck } from './applications.store.js';

/**
 * The facts of applications that compliance judges (element 1 of the three elements). Compliance
 * itself reads them in its own query (compliance.store.ts, loadApplications); nothing in production
 * calls this one today, only the volunteers' tests.
 */

export interface ApplicationFacts {
  /** Adults: SSN given and signed; youth: submitted. */
  complete: boolean;
  adult: boolean;
  /** An SSN was given (still sealed, or already erased after the check). */
  hasSsn: boolean;
  signed: boolean;
  roles: RoleChoice[];
  backgroundCheck: BackgroundCheck;
}

/** The season's application facts of many people. */
export async function applicationFacts(db: Db, personIds: readonly string[], seasonId: string): Promise<Map<string, ApplicationFacts>> {
  const out = new Map<string, ApplicationFacts>();
  for (const a of await applicationsOfPeople(db, personIds, seasonId)) {
    const hasSsn = a.ssnLast4 !== null;
    const signed = a.signedAt !== null;
    out.set(a.personId, { complete: a.adult ? hasSsn && signed : true, adult: a.adult, hasSsn, signed, roles: a.roles, backgroundCheck: a.backgroundCheck });
  }
  return out;
}
