import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../platform/clock.js';
import { demoPeople } from '../demo/demo.people.js';
import type { DemoContext } from '../platform/demo.js';
import { getRegionConfig } from '../region/index.js';
import { listTeams } from './teams.store.js';
import type { TestApp } from '../testing/harness.js';
import { openTeamsApp, SEASON } from './teams.testkit.js';
import { demoTeams } from './teams.demo.js';

describe('the teams demo step', () => {
  let t: TestApp;
  let ctx: DemoContext;
  let summary: string;

  beforeAll(async () => {
    t = await openTeamsApp('sqlite');
    ctx = { deps: t.deps, random: seededRandom(1), passwordHash: 'x', seasonId: SEASON, facts: new Map() };
    await demoPeople(ctx);
    summary = await demoTeams(ctx);
  }, 120_000);
  afterAll(async () => t?.close());

  it('forms and publishes every division and program but the oldest, each team with a demo head coach; the oldest waits for its draw', async () => {
    const config = await getRegionConfig(t.deps.db);
    const teams = await listTeams(t.deps.db, SEASON, { publishedOnly: true });
    expect(teams.length).toBeGreaterThanOrEqual(250);
    expect(teams.every((x) => x.headCoachId)).toBe(true);
    const oldest = config.divisions.at(-1)!.code;
    for (const d of config.divisions)
      for (const p of d.programs)
        expect(
          teams.some((x) => x.division === d.code && x.program === p),
          `${d.code} ${p}`,
        ).toBe(d.code !== oldest);
    const waiting = await t.deps.db.selectFrom('season_players').select('player_id').where('season_id', '=', SEASON).where('division', '=', oldest).execute();
    expect(waiting.length).toBeGreaterThan(0);
    expect(summary).toContain(`${oldest} left to draw`);
    const heads = ctx.facts.get('headCoaches') as Record<string, string[]>;
    expect(new Set(teams.map((x) => x.headCoachId))).toEqual(
      new Set(
        Object.entries(heads)
          .filter(([division]) => division !== oldest)
          .flatMap(([, ids]) => ids),
      ),
    );
    const extra = await t.deps.db.selectFrom('people').select('email').where('email', 'like', 'coach.10u.%').execute();
    expect(extra.length).toBeGreaterThan(0);
    expect(summary).toMatch(/^Teams: \d+ players \(\d+ new, the others rated in 2026-spring\), \d{3} teams formed and published/);
    expect(await t.deps.db.selectFrom('outbox').select('id').where('kind', '=', 'teams-published').execute()).toHaveLength(teams.length);
  });

  it('registers realistic players: 10 to 45 percent new, rosters within the division size, coaches’ children on their teams', async () => {
    const config = await getRegionConfig(t.deps.db);
    const players = await t.deps.db.selectFrom('season_players as sp').leftJoin('ratings as r', 'r.player_id', 'sp.player_id').select(['sp.division', 'r.rating']).execute();
    const rated = players.filter((p) => p.rating !== null).length;
    expect(rated / players.length).toBeGreaterThan(0.55);
    expect(rated / players.length).toBeLessThan(0.9);
    const sizes = await t.deps.db
      .selectFrom('team_players as tp')
      .innerJoin('teams as t', 't.id', 'tp.team_id')
      .select(['t.id', 't.division', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['t.id', 't.division'])
      .execute();
    for (const s of sizes) expect(Number(s.n)).toBeLessThanOrEqual(config.divisions.find((d) => d.code === s.division)!.rosterSize);
    const coach = await t.deps.db.selectFrom('people').select('id').where('email', '=', 'coach.10u@demo.touchline.invalid').executeTakeFirstOrThrow();
    const child = await t.deps.db.selectFrom('player_guardians').select('player_id').where('person_id', '=', coach.id).executeTakeFirstOrThrow();
    const team = await t.deps.db
      .selectFrom('team_players as tp')
      .innerJoin('team_staff as s', 's.team_id', 'tp.team_id')
      .select('s.person_id')
      .where('tp.player_id', '=', child.player_id)
      .where('s.role', '=', 'head-coach')
      .executeTakeFirstOrThrow();
    expect(team.person_id).toBe(coach.id);
  });

  it('assigns assistants to some teams and leaves offers waiting', async () => {
    const assistants = await t.deps.db.selectFrom('team_staff').select('team_id').where('role', '=', 'assistant-coach').execute();
    expect(assistants.length).toBeGreaterThan(20);
    const offers = await t.deps.db.selectFrom('assistant_offers').select('status').execute();
    expect(offers.length).toBeGreaterThan(0);
    expect(offers.every((o) => o.status === 'offered')).toBe(true);
  });
});
