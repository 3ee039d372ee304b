/** Test support of people: what tests, browser tests and benchmarks of other folders use besides index.ts. */
import type { Insertable } from 'kysely';
import type { PlatformTables } from '../platform/db/schema.js';
export { grantStandingRole } from './accounts.service.js';
export { mergeAccounts } from './merge.service.js';

/** A row of the people table for tests and benchmarks that seed many accounts directly: no password, no phone, not merged, no association id. */
export function personRow(p: {
  id: string;
  email: string | null;
  firstName: string;
  lastName: string;
  birthDate?: string | null;
  at: string;
}): Insertable<PlatformTables['people']> {
  return {
    id: p.id,
    email: p.email,
    first_name: p.firstName,
    last_name: p.lastName,
    birth_date: p.birthDate ?? null,
    phone: null,
    password_hash: null,
    created_at: p.at,
    updated_at: p.at,
    merged_into: null,
    association_id: null,
  };
}
