import { newId } from '../platform/clock.js';
import { getRegionConfig, getStoredConfig, saveRegionConfig } from '../region/index.js';
import { insertGrants, insertPeople } from '../people/index.js';
import type { Role } from '../platform/roles.js';
import type { DemoContext } from '../platform/demo.js';
import { DEMO_DOMAIN } from '../platform/demo.js';
import type { DemoVolunteer } from '../volunteers/index.js';
import { namesOf } from './demo.store.js';

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

/** The contacts the public pages and the contact form name: the demo's coach administrator, registrar and safety director. */
async function boardContacts(ctx: DemoContext, people: readonly { id: string; email: string; first: string; last: string }[], accounts: Record<string, string>): Promise<void> {
  const stored = await getStoredConfig(ctx.deps.db);
  const contact = (role: string, account: string) => {
    const p = people.find((x) => x.id === accounts[account]);
    return p ? [{ role, name: `${p.first} ${p.last}`, email: p.email }] : [];
  };
  const contacts = [...contact('coach-administrator', 'coach-admin'), ...contact('registrar', 'registrar'), ...contact('safety-director', 'safety')];
  const doc = { ...stored.config, region: { ...stored.config.region, contacts } };
  await saveRegionConfig(ctx.deps.db, ctx.deps.clock, { id: null, name: 'demo' }, doc, stored.version);
}

/** The board, staff and a few hundred volunteers with this season's roles. */
export async function demoPeople(ctx: DemoContext): Promise<string> {
  const { db, clock } = ctx.deps;
  const config = await getRegionConfig(db);
  const at = clock.now().toISOString();
  const people: { id: string; email: string; first: string; last: string }[] = [];
  const grants: { person_id: string; role: Role; season_id: string; division: string }[] = [];
  const named = new Set<string>();
  const accounts: Record<string, string> = {};
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
    if (emailName) {
      named.add(id);
      accounts[emailName] = id;
    }
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
  /** The named demo accounts' ids by the name before @ (admin, coach-admin, instructor1, …). */
  ctx.facts.set('accounts', accounts);
  ctx.facts.set(
    'divisionVolunteers',
    grants
      .filter((g) => g.division !== '')
      .map((g) => {
        const p = people.find((x) => x.id === g.person_id)!;
        return { personId: g.person_id, role: g.role, division: g.division, name: `${p.first} ${p.last}`, named: named.has(g.person_id) };
      }),
  );
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
  await boardContacts(ctx, people, accounts);
  return `${people.length} people with ${grants.length} roles; the board's demo accounts are the region's contacts.`;
}

/**
 * Collects every division volunteer of the demo (the people step's, then the head coaches the teams
 * step added) into `facts.volunteers`, in the order they were made, for the application and
 * training steps.
 */
export async function demoVolunteerList(ctx: DemoContext): Promise<string> {
  const list = [...((ctx.facts.get('divisionVolunteers') ?? []) as DemoVolunteer[])];
  const known = new Set(list.map((v) => v.personId));
  const heads = (ctx.facts.get('headCoaches') ?? {}) as Record<string, string[]>;
  const extra = Object.entries(heads).flatMap(([division, ids]) => ids.filter((id) => !known.has(id)).map((personId) => ({ division, personId })));
  const names = await namesOf(
    ctx.deps.db,
    extra.map((e) => e.personId),
  );
  for (const e of extra) list.push({ personId: e.personId, role: 'head-coach', division: e.division, name: names.get(e.personId) ?? '', named: false });
  ctx.facts.set('volunteers', list);
  return `Volunteers: ${list.length} hold a role in a division this season.`;
}
