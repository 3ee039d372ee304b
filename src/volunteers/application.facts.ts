import type { Db } from '../platform/db/database.js';
import type { RoleChoice } from './application.rules.js';
import { applicationsOfPeople, type BackgroundCheck } from './applications.store.js';

/** The read the compliance service makes of applications (element 1 of the three elements). */

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

/** The season's application facts of many people, for the compliance service. */
export async function applicationFacts(db: Db, personIds: readonly string[], seasonId: string): Promise<Map<string, ApplicationFacts>> {
  const out = new Map<string, ApplicationFacts>();
  for (const a of await applicationsOfPeople(db, personIds, seasonId)) {
    const hasSsn = a.ssnLast4 !== null;
    const signed = a.signedAt !== null;
    out.set(a.personId, { complete: a.adult ? hasSsn && signed : true, adult: a.adult, hasSsn, signed, roles: a.roles, backgroundCheck: a.backgroundCheck });
  }
  return out;
}
