/**
 * The demo region scaled to N volunteers, written straight into the tables: people, this season's
 * division role grants (the demo's mix of divisions and roles), applications and completions in
 * realistic proportions (most complete, some missing a signature, an SSN, a training or a part of
 * the age-level course), plus one coach administrator to ask for the dashboard. Deterministic for
 * a seed.
 */
import { newId, seededRandom } from '../../src/platform/clock.js';
import type { Db } from '../../src/platform/db/database.js';
import type { DB } from '../../src/platform/db/schema.js';
import type { Insertable } from 'kysely';

const FIRST = [
  'Ana',
  'Ben',
  'Chloe',
  'Diego',
  'Elena',
  'Farah',
  'Gabe',
  'Hana',
  'Ivan',
  'Jonah',
  'Kira',
  'Liam',
  'Maya',
  'Noah',
  'Olivia',
  'Priya',
  'Quinn',
  'Rosa',
  'Sam',
  'Tariq',
  'Lucía',
  'Sebastián',
];
const LAST = ['Chen', 'Garcia', 'Hernández', 'Johnson', 'Kim', 'Lopez', 'Martínez', 'Nguyen', "O'Brien", 'Patel', 'Rodríguez', 'Smith', 'Okafor', 'Rossi', 'Novak', 'Sato'];
/** Teams per division in the demo: volunteers are spread in the same proportions. */
const TEAMS: Record<string, number> = { '6U': 12, '7U': 8, '8U': 10, '10U': 12, '12U': 10, '14U': 8, '16U': 6, '19U': 4 };
const AGE_LEVEL: Record<string, string[]> = {
  '6U': ['coach-6u:online'],
  '7U': ['coach-8u:online'],
  '8U': ['coach-8u:online'],
  '10U': ['coach-10u:online', 'coach-10u:field'],
  '12U': ['coach-12u:online', 'coach-12u:in-person'],
  '14U': ['coach-intermediate:in-person'],
  '16U': ['coach-advanced:in-person'],
  '19U': ['coach-advanced:in-person'],
};
const SAFETY = ['safe-haven', 'concussion', 'cardiac-arrest', 'safesport'];

export interface Generated {
  volunteers: number;
  grants: number;
  applications: number;
  completions: number;
  adminEmail: string;
}

interface Tables {
  people: Insertable<DB['people']>[];
  role_grants: Insertable<DB['role_grants']>[];
  applications: Insertable<DB['applications']>[];
  completions: Insertable<DB['completions']>[];
}

const AT = '2026-08-20T16:00:00.000Z';

function pickWeighted(r: () => number, weights: Record<string, number>): string {
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  let x = r() * total;
  for (const [k, w] of Object.entries(weights)) if ((x -= w) < 0) return k;
  return Object.keys(weights)[0]!;
}

function roleFor(r: () => number, division: string): string {
  const youth = division === '6U' ? 0 : 0.1;
  return pickWeighted(r, { 'head-coach': 0.45, 'assistant-coach': 0.32, 'field-helper': 0.13, 'youth-volunteer': youth });
}

function volunteer(t: Tables, r: () => number, i: number, seasonId: string): void {
  const id = newId();
  const first = FIRST[Math.floor(r() * FIRST.length)]!;
  const last = LAST[Math.floor(r() * LAST.length)]!;
  t.people.push({
    id,
    email: `v${i}@bench.touchline.invalid`,
    first_name: first,
    last_name: last,
    birth_date: null,
    phone: null,
    password_hash: null,
    created_at: AT,
    updated_at: AT,
    merged_into: null,
    association_id: null,
  });
  const roles: { role: string; division: string }[] = [];
  const division = pickWeighted(r, TEAMS);
  roles.push({ role: roleFor(r, division), division });
  if (r() < 0.1 && roles[0]!.role !== 'youth-volunteer') roles.push({ role: 'assistant-coach', division: pickWeighted(r, TEAMS) });
  const uniq = [...new Map(roles.map((x) => [`${x.role}|${x.division}`, x])).values()];
  for (const x of uniq) t.role_grants.push({ id: newId(), person_id: id, role: x.role, season_id: seasonId, division: x.division, granted_at: AT, granted_by: null });
  const adult = uniq[0]!.role !== 'youth-volunteer';
  if (r() < 0.88) {
    const ssn = adult && r() > 0.05;
    const signed = adult && r() > 0.05;
    t.applications.push({
      id: newId(),
      person_id: id,
      season_id: seasonId,
      roles_json: JSON.stringify(uniq),
      birth_date: adult ? '1984-05-06' : '2011-05-06',
      is_adult: adult ? 1 : 0,
      ssn_sealed: ssn ? 'sealed' : null,
      ssn_last4: ssn ? '1234' : null,
      signature_name: signed ? `${first} ${last}` : null,
      signed_at: signed ? AT : null,
      signed_ip: signed ? '10.0.0.1' : null,
      submitted_at: AT,
      background_check: r() < 0.02 ? 'flagged' : r() < 0.7 ? 'clear' : 'pending',
      check_recorded_at: null,
      check_recorded_by: null,
    });
  }
  const codes = [...SAFETY.filter(() => r() < 0.85).map((c) => `${c}:online`), ...uniq.flatMap((x) => AGE_LEVEL[x.division]!.filter(() => r() < 0.7))];
  for (const code of new Set(codes)) {
    const [training, part] = code.split(':') as [string, string];
    t.completions.push({
      id: newId(),
      person_id: id,
      training,
      part,
      completed_on: `202${Math.floor(r() * 6) + 1}-0${Math.floor(r() * 9) + 1}-15`,
      source: 'online',
      certificate_no: newId().slice(0, 10),
      class_session_id: null,
      recorded_by: null,
      recorded_at: AT,
    });
  }
}

async function insertAll<T extends keyof Tables>(db: Db, table: T, rows: Tables[T]): Promise<void> {
  const chunk = 400;
  for (let i = 0; i < rows.length; i += chunk)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + chunk) as never)
      .execute();
}

/**
 * Writes the volunteers and a coach administrator (standing role, API token made by the caller).
 * `from` numbers the first volunteer, to add more to a region generated before (no second
 * administrator then: pass a different seed for different people).
 */
export async function generateRegion(db: Db, count: number, seasonId: string, seed = 1, from = 0): Promise<Generated> {
  const r = seededRandom(seed);
  const t: Tables = { people: [], role_grants: [], applications: [], completions: [] };
  for (let i = from; i < from + count; i++) volunteer(t, r, i, seasonId);
  const adminEmail = 'coach-admin@bench.touchline.invalid';
  const adminId = newId();
  if (from === 0) addAdmin(t, adminId, adminEmail);
  await db.transaction().execute(async (trx) => {
    for (const table of ['people', 'role_grants', 'applications', 'completions'] as const) await insertAll(trx, table, t[table]);
  });
  return { volunteers: count, grants: t.role_grants.length - (from === 0 ? 1 : 0), applications: t.applications.length, completions: t.completions.length, adminEmail };
}

function addAdmin(t: Tables, adminId: string, adminEmail: string): void {
  t.people.push({
    id: adminId,
    email: adminEmail,
    first_name: 'Coach',
    last_name: 'Administrator',
    birth_date: null,
    phone: null,
    password_hash: null,
    created_at: AT,
    updated_at: AT,
    merged_into: null,
    association_id: null,
  });
  t.role_grants.push({ id: newId(), person_id: adminId, role: 'coach-administrator', season_id: '', division: '', granted_at: AT, granted_by: null });
}
