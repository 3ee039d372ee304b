import { newId } from '../platform/clock.js';
import { getRegionConfig } from '../region/index.js';
import { insertGrants, insertPeople } from '../people/index.js';
import type { Role } from '../platform/roles.js';
import type { DemoContext } from '../platform/demo.js';
import { DEMO_DOMAIN } from '../platform/demo.js';

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
  'Uma',
  'Victor',
  'Wen',
  'Ximena',
  'Yusuf',
  'Zoe',
  'Lucía',
  'Sebastián',
  'Aoife',
  'Mateo',
];
const LAST = [
  'Chen',
  'Garcia',
  'Hernández',
  'Johnson',
  'Kim',
  'Lopez',
  'Martínez',
  'Nguyen',
  "O'Brien",
  'Patel',
  'Rodríguez',
  'Smith',
  'Williams',
  'Okafor',
  'Rossi',
  'Novak',
  'Haddad',
  'Sato',
  'Fischer',
  'Dubois',
];

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

/** The board, staff and a few hundred volunteers with this season's roles. */
export async function demoPeople(ctx: DemoContext): Promise<string> {
  const { db, clock } = ctx.deps;
  const config = await getRegionConfig(db);
  const at = clock.now().toISOString();
  const people: { id: string; email: string; first: string; last: string }[] = [];
  const grants: { person_id: string; role: Role; season_id: string; division: string }[] = [];
  const add = (role: Role, division: string, emailName?: string) => {
    const first = pick(ctx.random, FIRST);
    const last = pick(ctx.random, LAST);
    const n = people.length + 1;
    const email = `${
      emailName ??
      `${first}.${last}.${n}`
        .normalize('NFKD')
        .replace(/[^A-Za-z0-9.]/g, '')
        .toLowerCase()
    }@${DEMO_DOMAIN}`;
    const id = newId();
    people.push({ id, email, first, last });
    grants.push({ person_id: id, role, season_id: ['region-administrator', 'registrar', 'coach-administrator', 'safety-director'].includes(role) ? '' : ctx.seasonId, division });
    return id;
  };
  add('region-administrator', '', 'admin');
  add('registrar', '', 'registrar');
  add('coach-administrator', '', 'coach-admin');
  add('safety-director', '', 'safety');
  for (let i = 1; i <= 3; i++) add('instructor', '', `instructor${i}`);
  for (let i = 1; i <= 4; i++) add('mentor', '', `mentor${i}`);
  const teamsPer: Record<string, number> = { '6U': 20, '7U': 14, '8U': 16, '10U': 20, '12U': 16, '14U': 12, '16U': 8, '19U': 6 };
  const coaches: Record<string, string[]> = {};
  for (const d of config.divisions) {
    const teams = teamsPer[d.code] ?? 6;
    coaches[d.code] = Array.from({ length: teams }, (_, i) => add('head-coach', d.code, i === 0 ? `coach.${d.code.toLowerCase()}` : undefined));
    for (let i = 0; i < Math.ceil(teams * 0.7); i++) add('assistant-coach', d.code);
    for (let i = 0; i < Math.ceil(teams * 0.3); i++) add('field-helper', d.code);
    if (d.ageMin >= 7) for (let i = 0; i < 2; i++) add('youth-volunteer', d.code);
  }
  ctx.facts.set('headCoaches', coaches);
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < people.length; i += 200) {
      await insertPeople(
        trx,
        people.slice(i, i + 200).map((p) => ({
          id: p.id,
          email: p.email,
          first_name: p.first,
          last_name: p.last,
          birth_date: null,
          phone: null,
          password_hash: ctx.passwordHash,
          created_at: at,
          updated_at: at,
          merged_into: null,
          association_id: null,
        })),
      );
    }
    for (let i = 0; i < grants.length; i += 200) {
      await insertGrants(
        trx,
        grants.slice(i, i + 200).map((g) => ({ id: newId(), ...g, granted_at: at, granted_by: null })),
      );
    }
  });
  return `${people.length} people with ${grants.length} roles. Log in as admin@${DEMO_DOMAIN}, coach-admin@${DEMO_DOMAIN}, registrar@${DEMO_DOMAIN} or coach.10u@${DEMO_DOMAIN}.`;
}
