/**
 * Test fixtures of families: two families and their children on teams of the current season, with
 * coaches, booked practices and games (rows made directly or through the practice API), for the
 * database tests and the browser flow. Not used by the product itself.
 */
import { newId } from '../platform/clock.js';
import type { App, Deps } from '../platform/feature.js';
import { insertPerson } from '../people/index.js';
import { makeActor, type TestActor } from '../testing/actors.js';
import { insertTeams, SEASON, setUpSeason } from '../practice/practice.testkit.js';
import { seedPlayers } from '../teams/teams.testkit.js';

export { SEASON };

/** The app and its deps: a TestApp, or the browser harness's server. */
export type AppAndDeps = { app: App; deps: Deps };

export interface Families {
  /** Ana: guardian of Mia (10U Comets, with Ben as second guardian) and Leo (12U Others). */
  ana: TestActor;
  /** Ben: the second guardian of Mia. */
  ben: TestActor;
  /** Cleo: guardian of Zoe, Mia's teammate on the Comets. */
  cleo: TestActor;
  /**
   * Dee: the guardian on Ivy's registration (Ivy is on no team), made from it without a password, as
   * the players import does; `email` is her address as the registration wrote it (mixed case).
   */
  dee: { id: string; email: string };
  /** Nobody's parent. */
  nobody: TestActor;
  coaches: { head: TestActor; assistant: TestActor; other: TestActor };
  admin: TestActor;
  teams: { comets: string; others: string; rockets: string };
  kids: { mia: string; leo: string; zoe: string; ivy: string };
  /** Mia's team's booked practice (Richmond Monday 17:00) and the slot it can move to (Brett Thursday 17:00). */
  practice: { bookingId: string; moveToSlotId: string };
}

const named = async (t: AppAndDeps, who: TestActor, first: string, last: string) => {
  await t.deps.db.updateTable('people').set({ first_name: first, last_name: last }).where('id', '=', who.id).execute();
  return who;
};

/** Two families and a parent of nobody, their children's teams, practices at Richmond and Brett, and three games. */
export async function seedFamilies(t: AppAndDeps): Promise<Families> {
  const { deps } = t;
  await setUpSeason(deps);
  const actor = (first: string, last: string, email?: string) => makeActor(deps, [], email ? { email } : {}).then((a) => named(t, a, first, last));
  const coach = (first: string, last: string, division: string) => makeActor(deps, ['head-coach'], { seasonId: SEASON, division }).then((a) => named(t, a, first, last));
  const head = await coach('Hana', 'Head', '10U');
  const assistant = await coach('Andy', 'Assist', '10U');
  const other = await coach('Otto', 'Other', '12U');
  const admin = await makeActor(deps, ['coach-administrator']);
  const [comets, others, rockets] = (await insertTeams(deps.db, SEASON, [
    { division: '10U', name: 'Comets', headCoachId: head.id, assistantIds: [assistant.id] },
    { division: '12U', name: 'Others', headCoachId: other.id },
    { division: '10U', name: 'Rockets', headCoachId: other.id },
  ])) as [string, string, string];
  const ana = await actor('Ana', 'Parent');
  const ben = await actor('Ben', 'Parent');
  const cleo = await actor('Cleo', 'Family');
  const nobody = await actor('Noa', 'Body');
  const dee = {
    id: newId(),
    email: `Dee.Legacy.${newId()
      .slice(0, 5)
      .replace(/[^A-Za-z0-9]/g, 'x')}@Example.org`,
  };
  await insertPerson(deps.db, {
    id: dee.id,
    email: dee.email,
    first_name: 'Dee',
    last_name: 'Legacy',
    birth_date: null,
    phone: null,
    password_hash: null,
    created_at: deps.clock.now().toISOString(),
    updated_at: deps.clock.now().toISOString(),
    merged_into: null,
    association_id: null,
  });
  const [mia, zoe, ivy] = (await seedPlayers(deps.db, SEASON, [
    { first: 'Mia', last: 'Parent', guardianId: ana.id },
    { first: 'Zoe', last: 'Family', guardianId: cleo.id },
    { first: 'Ivy', last: 'Legacy', guardianId: dee.id },
  ])) as [string, string, string];
  const [leo] = (await seedPlayers(deps.db, SEASON, [
    { first: 'Leo', last: 'Parent', division: '12U', birthDate: '2015-04-04', gender: 'M', program: 'boys', guardianId: ana.id },
  ])) as [string];
  await deps.db.insertInto('player_guardians').values({ player_id: mia, person_id: ben.id, is_primary: 0 }).execute();
  await deps.db
    .insertInto('team_players')
    .values([
      { team_id: comets, player_id: mia, season_id: SEASON, jersey: 7 },
      { team_id: comets, player_id: zoe, season_id: SEASON, jersey: 9 },
      { team_id: others, player_id: leo, season_id: SEASON, jersey: null },
    ])
    .execute();
  const at = deps.clock.now().toISOString();
  const game = (date: string, time: string, field: string, home: string, away: string, division = '10U') => ({
    id: newId(),
    season_id: SEASON,
    division,
    program: 'girls',
    date,
    time,
    field_id: field,
    home_team_id: home,
    away_team_id: away,
    created_at: at,
    created_by: null,
    updated_at: at,
  });
  await deps.db
    .insertInto('games')
    .values([
      game('2026-09-19', '09:00', 'richmond', comets, rockets),
      game('2026-09-26', '10:30', 'brett', rockets, comets),
      game('2026-09-05', '09:00', 'richmond', comets, rockets),
    ])
    .execute();
  const slots = (await (await t.app.inject({ method: 'GET', url: `/api/v1/practice/slots?team=${comets}`, headers: admin.bearer })).json()) as {
    id: string;
    field: string;
    weekday: number;
    start: string;
  }[];
  const slot = (field: string, weekday: number) => slots.find((s) => s.field === field && s.weekday === weekday && s.start === '17:00')!.id;
  const booked = await t.app.inject({ method: 'POST', url: '/api/v1/practice/bookings', headers: admin.bearer, payload: { teamId: comets, slotId: slot('richmond', 1) } });
  if (booked.statusCode !== 201) throw new Error(`booking failed: ${booked.body}`);
  return {
    ana,
    ben,
    cleo,
    dee,
    nobody,
    coaches: { head, assistant, other },
    admin,
    teams: { comets, others, rockets },
    kids: { mia, leo, zoe, ivy },
    practice: { bookingId: booked.json().id, moveToSlotId: slot('brett', 4) },
  };
}
