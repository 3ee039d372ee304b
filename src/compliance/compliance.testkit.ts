import { newId } from '../platform/clock.js';
import type { Db } from '../platform/db/database.js';
import type { RoleInDivision } from './compliance.rules.js';

/**
 * Compliance test data written straight into the tables (applications, completions, role grants),
 * as the volunteers and training features would store them.
 */

const AT = '2026-09-01T16:00:00.000Z';

/** Completion codes: `coach-10u` means both parts, `coach-10u:field` one part; one-part courses are `code:online` or in-person. */
const PARTS: Record<string, string[]> = {
  'coach-10u': ['coach-10u:online', 'coach-10u:field'],
  'coach-12u': ['coach-12u:online', 'coach-12u:in-person'],
  'coach-intermediate': ['coach-intermediate:in-person'],
  'coach-advanced': ['coach-advanced:in-person'],
};

export const SAFETY = ['safe-haven', 'concussion', 'cardiac-arrest', 'safesport'];
export const AGE_LEVEL: Record<string, string> = {
  '6U': 'coach-6u',
  '7U': 'coach-8u',
  '8U': 'coach-8u',
  '10U': 'coach-10u',
  '12U': 'coach-12u',
  '14U': 'coach-intermediate',
  '16U': 'coach-advanced',
  '19U': 'coach-advanced',
};

/** Completion rows for codes (see PARTS), as [training, part]. */
export function completionParts(codes: readonly string[]): [string, string][] {
  return codes.flatMap((c) => PARTS[c] ?? (c.includes(':') ? [c] : [`${c}:online`])).map((c) => c.split(':') as [string, string]);
}

export async function giveCompletions(db: Db, personId: string, codes: readonly string[], completedOn = '2026-02-01'): Promise<void> {
  const rows = completionParts(codes).map(([training, part]) => ({
    id: newId(),
    person_id: personId,
    training,
    part,
    completed_on: completedOn,
    source: 'online',
    certificate_no: newId().slice(0, 10),
    class_session_id: null,
    recorded_by: null,
    recorded_at: AT,
  }));
  if (rows.length) await db.insertInto('completions').values(rows).execute();
}

export interface ApplicationOptions {
  adult?: boolean;
  ssn?: boolean;
  signed?: boolean;
  check?: 'not-started' | 'pending' | 'clear' | 'flagged';
}

export async function giveApplication(db: Db, personId: string, seasonId: string, roles: RoleInDivision[], o: ApplicationOptions = {}): Promise<void> {
  const adult = o.adult ?? true;
  const ssn = o.ssn ?? adult;
  const signed = o.signed ?? adult;
  await db
    .insertInto('applications')
    .values({
      id: newId(),
      person_id: personId,
      season_id: seasonId,
      roles_json: JSON.stringify(roles),
      birth_date: adult ? '1985-03-04' : '2011-03-04',
      is_adult: adult ? 1 : 0,
      ssn_sealed: ssn ? 'sealed' : null,
      ssn_last4: ssn ? '6789' : null,
      signature_name: signed ? 'Signed Name' : null,
      signed_at: signed ? AT : null,
      signed_ip: signed ? '127.0.0.1' : null,
      submitted_at: AT,
      background_check: o.check ?? 'pending',
      check_recorded_at: null,
      check_recorded_by: null,
    })
    .execute();
}

export async function giveRole(db: Db, personId: string, role: string, seasonId: string, division: string): Promise<void> {
  await db.insertInto('role_grants').values({ id: newId(), person_id: personId, role, season_id: seasonId, division, granted_at: AT, granted_by: null }).execute();
}

/** A volunteer certified for a role in a division: role, application and every training. */
export async function certify(db: Db, personId: string, role: string, seasonId: string, division: string): Promise<void> {
  await giveRole(db, personId, role, seasonId, division);
  await giveApplication(db, personId, seasonId, [{ role, division }]);
  await giveCompletions(db, personId, [...SAFETY, AGE_LEVEL[division]!]);
}
export { prepareCompliance } from './compliance.rules.js';
export { reminderTick } from './reminders/timer.service.js';
