import type { Db } from '../../platform/db/database.js';
import { DIVISION_ROLES } from '../../platform/roles.js';
import { applicationRecord } from '../compliance.store.js';
import type { ComplianceRecords, RoleInDivision } from '../compliance.rules.js';
import type { Completion } from '../../training/index.js';

/**
 * What the weekly reminder and the coaches page read to tell a volunteer what is missing: their
 * division roles this season (standing division grants count in every season), this season's
 * application and their completions. Three queries whatever the number of people.
 */
export interface VolunteerRecords {
  personId: string;
  firstName: string;
  email: string | null;
  /** Division roles held this season (empty when the person holds none). */
  held: RoleInDivision[];
  records: ComplianceRecords;
}

function grantQuery(db: Db, seasonId: string, personId?: string) {
  let q = db
    .selectFrom('role_grants')
    .where('role_grants.season_id', 'in', [seasonId, ''])
    .where('role_grants.role', 'in', [...DIVISION_ROLES]);
  if (personId !== undefined) q = q.where('role_grants.person_id', '=', personId);
  return q;
}

/** Everyone holding a division role this season, or one person (listed even without a role). */
export async function loadVolunteerRecords(db: Db, seasonId: string, personId?: string): Promise<VolunteerRecords[]> {
  const who = personId !== undefined ? [personId] : grantQuery(db, seasonId).select('role_grants.person_id');
  let people = db.selectFrom('people').select(['id', 'first_name', 'email']).where('merged_into', 'is', null);
  people = personId !== undefined ? people.where('id', '=', personId) : people.where('id', 'in', grantQuery(db, seasonId).select('role_grants.person_id'));
  const [persons, grants, apps, completions] = await Promise.all([
    people.execute(),
    grantQuery(db, seasonId, personId).select(['person_id', 'role', 'division']).execute(),
    db
      .selectFrom('applications')
      .select(['person_id', 'roles_json', 'is_adult', 'ssn_last4', 'signature_name', 'signed_at', 'background_check'])
      .where('season_id', '=', seasonId)
      .where('person_id', 'in', who)
      .execute(),
    db.selectFrom('completions').select(['person_id', 'training', 'part', 'completed_on']).where('person_id', 'in', who).execute(),
  ]);
  const held = group(grants, (g) => ({ role: g.role, division: g.division }));
  const done = group(completions, (c): Completion => ({ training: c.training, part: c.part, completedOn: c.completed_on }));
  const appOf = new Map(apps.map((a) => [a.person_id, applicationRecord(a)]));
  return persons.map((p) => {
    const app = appOf.get(p.id);
    const roles = held.get(p.id) ?? [];
    const records: ComplianceRecords = {
      application: app?.facts ?? null,
      roles: app?.roles ?? [],
      completions: done.get(p.id) ?? [],
      backgroundCheck: app?.backgroundCheck ?? 'not-started',
      ...(roles.length ? { held: roles } : {}),
    };
    return { personId: p.id, firstName: p.first_name, email: p.email, held: roles, records };
  });
}

function group<R extends { person_id: string }, T>(rows: readonly R[], map: (r: R) => T): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    let list = out.get(r.person_id);
    if (!list) out.set(r.person_id, (list = []));
    list.push(map(r));
  }
  return out;
}
