/**
 * Test and benchmark fixtures of practice sign-up: the app with this feature registered, teams
 * with coaches (rows inserted directly, as the teams capability would), windows, slots and an
 * open sign-up. Not used by the product itself.
 */
import { newId } from '../platform/clock.js';
import type { Deps } from '../platform/feature.js';
import type { Dialect } from '../platform/db/database.js';
import { getRegionConfig } from '../region/index.js';
import { openTestApp, TEST_NOW, type TestApp } from '../testing/harness.js';
import type { Db } from '../platform/db/database.js';
import { accountDeps, createApiToken } from '../people/index.js';
import { addWindow, generateSeasonSlots, saveSignupSettings } from './setup/setup.service.js';
import { slotId, type PracticeWindow, type WeeklySlot } from './slots.rules.js';

/** What the rush benchmark checks and prints beside the invariants: slots sharing a field, and the fields' busiest moments. */
export { overlappingSlots } from './slots.rules.js';
export { fieldPeaks, fieldOverloads } from './field-load.rules.js';

export const SEASON = '2026-fall';
export const ADMIN_ACTOR = { id: null, name: 'test' };

/** openTestApp on a dialect and clock (every feature, practice included, is registered). */
export function openPracticeApp(dialect: Dialect = 'sqlite', now = TEST_NOW): Promise<TestApp> {
  return openTestApp(dialect, { now });
}

export interface TeamSpec {
  division: string;
  name?: string;
  program?: string;
  headCoachId?: string | null;
  assistantIds?: string[];
}

/** Inserts teams (and their staff) straight into the teams tables; answers their ids in order. */
export async function insertTeams(db: Db, seasonId: string, specs: TeamSpec[], at = TEST_NOW): Promise<string[]> {
  const ids = specs.map(() => newId());
  const existing = await db
    .selectFrom('teams')
    .select(['division', 'program', (eb) => eb.fn.max('number').as('n')])
    .where('season_id', '=', seasonId)
    .groupBy(['division', 'program'])
    .execute();
  const numbers = new Map(existing.map((r) => [`${r.division}|${r.program}`, Number(r.n)]));
  const teams = specs.map((s, i) => {
    const program = s.program ?? (s.division === '6U' ? 'coed' : 'girls');
    const key = `${s.division}|${program}`;
    const number = (numbers.get(key) ?? 0) + 1;
    numbers.set(key, number);
    return { id: ids[i]!, season_id: seasonId, division: s.division, program, number, name: s.name ?? `${s.division} ${program} ${number}`, published_at: at, created_at: at };
  });
  const staff = specs.flatMap((s, i) => [
    ...(s.headCoachId ? [{ team_id: ids[i]!, person_id: s.headCoachId, role: 'head-coach', added_at: at }] : []),
    ...(s.assistantIds ?? []).map((p) => ({ team_id: ids[i]!, person_id: p, role: 'assistant-coach', added_at: at })),
  ]);
  for (let i = 0; i < teams.length; i += 200)
    await db
      .insertInto('teams')
      .values(teams.slice(i, i + 200))
      .execute();
  for (let i = 0; i < staff.length; i += 200)
    await db
      .insertInto('team_staff')
      .values(staff.slice(i, i + 200))
      .execute();
  return ids;
}

/** A small week: young divisions on Richmond and Brett weekdays, older ones at Campus. */
export const TEST_WINDOWS: PracticeWindow[] = [
  { fieldId: 'richmond', weekdays: [1, 3], startTime: '17:00', endTime: '19:00', divisions: ['6U', '7U', '8U', '10U', '12U'] },
  { fieldId: 'brett', weekdays: [2, 4], startTime: '17:00', endTime: '19:00', divisions: ['6U', '7U', '8U', '10U', '12U'] },
  { fieldId: 'campus-el-segundo', weekdays: [1, 2, 3, 4], startTime: '18:00', endTime: '21:00', divisions: ['14U', '16U', '19U'] },
];

/** Windows, generated slots and a sign-up that is open at TEST_NOW (opened 25 Aug, closes 30 Sep). */
export async function setUpSeason(
  deps: Deps,
  windows: PracticeWindow[] = TEST_WINDOWS,
  signup: { opensAt?: string | null; closesAt?: string | null; divisionOpensAt?: Record<string, string>; blackouts?: string[] } = {},
): Promise<void> {
  const config = await getRegionConfig(deps.db);
  for (const w of windows) await addWindow(deps, config, ADMIN_ACTOR, SEASON, w);
  await generateSeasonSlots(deps, config, ADMIN_ACTOR, SEASON);
  await saveSignupSettings(deps, config, ADMIN_ACTOR, SEASON, {
    opensAt: signup.opensAt === undefined ? '2026-08-25T02:00:00.000Z' : signup.opensAt,
    closesAt: signup.closesAt === undefined ? '2026-09-30T07:00:00.000Z' : signup.closesAt,
    divisionOpensAt: signup.divisionOpensAt ?? {},
    blackouts: signup.blackouts ?? ['2026-10-12', '2026-11-26'],
  });
}

export interface Coach {
  id: string;
  email: string;
  bearer: { authorization: string };
}

/** People with a head-coach role this season and an API token, inserted in bulk (no password). */
export async function insertCoaches(deps: Deps, n: number, prefix = 'coach'): Promise<Coach[]> {
  const at = deps.clock.now().toISOString();
  const tag = newId()
    .slice(0, 6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x');
  const people = Array.from({ length: n }, (_, i) => ({
    id: newId(),
    email: `${prefix}${i + 1}.${tag}@example.org`,
    first_name: `Coach${i + 1}`,
    last_name: tag,
    birth_date: null,
    phone: null,
    password_hash: null,
    created_at: at,
    updated_at: at,
    merged_into: null,
    association_id: null,
  }));
  for (let i = 0; i < people.length; i += 200)
    await deps.db
      .insertInto('people')
      .values(people.slice(i, i + 200))
      .execute();
  const grants = people.map((p) => ({ id: newId(), person_id: p.id, role: 'head-coach', season_id: SEASON, division: '', granted_at: at, granted_by: null }));
  for (let i = 0; i < grants.length; i += 200)
    await deps.db
      .insertInto('role_grants')
      .values(grants.slice(i, i + 200))
      .execute();
  const out: Coach[] = [];
  for (const p of people) {
    const { token } = await createApiToken(accountDeps(deps), p.id, 'test');
    out.push({ id: p.id, email: p.email, bearer: { authorization: `Bearer ${token}` } });
  }
  return out;
}

/** Richmond on Mondays 17:00 to 18:00, two 10U teams: the weekly slot the notice and feed tests share. */
export const MONDAY_RICHMOND: WeeklySlot = {
  id: slotId('richmond', 1, '17:00', '18:00'),
  fieldId: 'richmond',
  weekday: 1,
  start: '17:00',
  end: '18:00',
  minutes: 60,
  capacity: 2,
  divisions: ['10U'],
};
