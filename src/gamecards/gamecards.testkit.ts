/** Test fixtures of the game cards: the app with this feature, teams with players and staff, games. */
import { newId } from '../platform/clock.js';
import type { Dialect } from '../platform/db/database.js';
import type { Db } from '../platform/db/database.js';
import { openTestApp, TEST_NOW, type TestApp } from '../testing/harness.js';

/** openTestApp with the game cards registered. */
export function openGamecardsApp(dialect: Dialect = 'sqlite', now = TEST_NOW): Promise<TestApp> {
  return openTestApp(dialect, { now });
}

const FIRST = ['Ana', 'Ben', 'Cleo', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jade', 'Kai', 'Lia', 'Max', 'Nia', 'Oto', 'Pia', 'Quin', 'Rey'];

export interface TeamFixture {
  id: string;
  name: string;
  number: number;
  players: { id: string; name: string; jersey: number }[];
}

export interface TeamOptions {
  seasonId?: string;
  division?: string;
  program?: string;
  number: number;
  name?: string;
  players?: number;
  /** How many of the players (the first ones) are registered as able to keep goal. */
  keepers?: number;
  headCoachId?: string;
  assistantIds?: string[];
}

/** A team with players (jerseys 1..n), season registrations and staff, inserted directly. */
export async function makeTeam(db: Db, o: TeamOptions): Promise<TeamFixture> {
  const at = TEST_NOW;
  const seasonId = o.seasonId ?? '2026-fall';
  const division = o.division ?? '10U';
  const program = o.program ?? 'girls';
  const id = newId();
  const name = o.name ?? `Team ${o.number}`;
  await db.insertInto('teams').values({ id, season_id: seasonId, division, program, number: o.number, name, published_at: at, created_at: at }).execute();
  const staff = [...(o.headCoachId ? [{ person_id: o.headCoachId, role: 'head-coach' }] : []), ...(o.assistantIds ?? []).map((p) => ({ person_id: p, role: 'assistant-coach' }))];
  for (const s of staff)
    await db
      .insertInto('team_staff')
      .values({ team_id: id, ...s, added_at: at })
      .execute();
  const players: TeamFixture['players'] = [];
  for (let i = 0; i < (o.players ?? 8); i++) {
    const pid = newId();
    const first = FIRST[i % FIRST.length]!;
    const last = `${name.replace(/\W/g, '')}${i + 1}`;
    await db
      .insertInto('players')
      .values({ id: pid, external_id: null, first_name: first, last_name: last, birth_date: '2017-03-01', gender: program === 'girls' ? 'F' : 'M', created_at: at, updated_at: at })
      .execute();
    await db
      .insertInto('season_players')
      .values({ id: newId(), season_id: seasonId, player_id: pid, division, program, goalkeeper: i < (o.keepers ?? 2) ? 1 : 0, moved_reason: null, created_at: at })
      .execute();
    await db
      .insertInto('team_players')
      .values({ team_id: id, player_id: pid, season_id: seasonId, jersey: i + 1 })
      .execute();
    players.push({ id: pid, name: `${first} ${last}`, jersey: i + 1 });
  }
  return { id, name, number: o.number, players };
}

/** A game inserted directly (the schedule service is tested on its own). */
export async function makeGame(
  db: Db,
  home: TeamFixture,
  away: TeamFixture,
  o: { date?: string; time?: string; field?: string; division?: string; program?: string; seasonId?: string } = {},
): Promise<string> {
  const id = newId();
  await db
    .insertInto('games')
    .values({
      id,
      season_id: o.seasonId ?? '2026-fall',
      division: o.division ?? '10U',
      program: o.program ?? 'girls',
      date: o.date ?? '2026-09-12',
      time: o.time ?? '09:00',
      field_id: o.field ?? 'brett',
      home_team_id: home.id,
      away_team_id: away.id,
      created_at: TEST_NOW,
      created_by: null,
      updated_at: TEST_NOW,
    })
    .execute();
  return id;
}

type Cell = { played: boolean; keeper: boolean; injured: boolean };
const P: Cell = { played: true, keeper: false, injured: false };
const K: Cell = { played: true, keeper: true, injured: false };
const S: Cell = { played: false, keeper: false, injured: false };

/**
 * A card body that meets the rule for a team of 8 with 7 on the field: each quarter one player sits
 * (players 0..3 sit one quarter each), player 4 keeps goal in quarters 1-2, player 5 in 3-4.
 */
export function goodCard(team: TeamFixture): { id: string; attended: boolean; quarters: Cell[] }[] {
  return team.players.map((p, i) => ({
    id: p.id,
    attended: true,
    quarters: [0, 1, 2, 3].map((q) => (i === q ? S : i === 4 && q < 2 ? K : i === 5 && q >= 2 ? K : P)),
  }));
}

export const cells = { P, K, S };
