import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../platform/clock.js';
import { openTestDb, type TestDb } from '../testing/harness.js';
import { fixedClock } from '../platform/clock.js';
import { ensureRegionConfig } from '../region/index.js';
import type { Deps } from '../platform/feature.js';
import { testConfig, TEST_NOW } from '../testing/harness.js';
import { Mailer } from '../platform/mail.js';
import { demoGames } from './gamecards.demo.js';
import { makeTeam } from './gamecards.testkit.js';

describe('demoGames', () => {
  let tdb: TestDb;
  let deps: Deps;
  beforeAll(async () => {
    tdb = await openTestDb('sqlite');
    const clock = fixedClock(TEST_NOW);
    await ensureRegionConfig(tdb.database.db, clock);
    deps = { database: tdb.database, db: tdb.database.db, clock, mailer: new Mailer(clock, 'x@y.z', null), config: testConfig() };
  });
  afterAll(async () => tdb.close());

  const ctx = () => ({ deps, random: seededRandom(1), passwordHash: '', seasonId: '2026-fall', facts: new Map<string, unknown>() });

  it('says so and schedules nothing when there are no teams', async () => {
    expect(await demoGames(ctx())).toContain('No games');
  });

  it('schedules a season for the game-card divisions, one game a day per team, with cards for games played', async () => {
    for (let i = 1; i <= 5; i++) await makeTeam(deps.db, { number: i, name: `Girls ${i}` });
    for (let i = 1; i <= 4; i++) await makeTeam(deps.db, { number: i, name: `Boys ${i}`, division: '12U', program: 'boys', players: 11 });
    await makeTeam(deps.db, { number: 1, name: 'Little', division: '8U', program: 'boys' });
    const summary = await demoGames(ctx());
    const games = await deps.db.selectFrom('games').selectAll().execute();
    expect(summary).toMatch(/^\d+ games for 9 teams/);
    expect(games.length).toBe(5 * 2 + 3 * 2);
    expect(new Set(games.map((g) => g.division))).toEqual(new Set(['10U', '12U']));
    const days = games.flatMap((g) => [`${g.home_team_id}|${g.date}`, `${g.away_team_id}|${g.date}`]);
    expect(new Set(days).size).toBe(days.length);
    const played = games.filter((g) => g.date < '2026-09-15');
    const cards = await deps.db.selectFrom('game_cards').selectAll().execute();
    expect(played.length).toBeGreaterThan(0);
    expect(cards.length).toBe(played.length * 2);
    expect(cards.every((c) => c.status === 'submitted' && c.snapshot_json !== null)).toBe(true);
  });
});
