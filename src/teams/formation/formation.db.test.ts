import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeActor, type TestActor } from '../../testing/actors.js';
import { testDialects, type TestApp } from '../../testing/harness.js';
import { openTeamsApp, SEASON, seedPlayers, tenUGirls } from '../teams.testkit.js';
import { previewFormation, publishFormation } from './formation.service.js';
import { adjustTeams } from './adjust.service.js';
import { findFormation } from './formation.store.js';
import { refusal } from '../../testing/refusals.js';

const ADMIN = { id: null, name: 'Coach Admin' };

const byTeam = (assignments: { playerId: string; teamId: string }[]) =>
  Object.fromEntries(
    [...new Set(assignments.map((a) => a.teamId))].map((t) => [
      t,
      assignments
        .filter((a) => a.teamId === t)
        .map((a) => a.playerId)
        .sort(),
    ]),
  );

describe.each(testDialects())('team formation on %s', (dialect) => {
  let t: TestApp;
  const coach: Record<string, TestActor> = {};
  let girls: string[];
  let adamsChild: string;
  let bakerChild: string;
  beforeAll(async () => {
    t = await openTeamsApp(dialect);
    for (const last of ['Adams', 'Baker', 'Clark', 'Davis', 'Evans']) {
      coach[last] = await makeActor(t.deps, ['head-coach'], { seasonId: SEASON, division: '10U' });
      await t.deps.db
        .updateTable('people')
        .set({ last_name: last, first_name: `Coach${last[0]}` })
        .where('id', '=', coach[last]!.id)
        .execute();
    }
    girls = await seedPlayers(t.deps.db, SEASON, tenUGirls(27));
    [adamsChild] = await seedPlayers(t.deps.db, SEASON, [{ first: 'Ada', last: 'Adams', rating: 5, guardianId: coach.Adams!.id }]);
    [bakerChild] = await seedPlayers(t.deps.db, SEASON, [
      { first: 'Bo', last: 'Baker', gender: 'M', program: 'boys', rating: 2, guardianId: coach.Baker!.id },
      ...Array.from({ length: 11 }, (_, i) => ({ gender: 'M' as const, program: 'boys', rating: (i % 5) + 1 })),
    ]);
  });
  afterAll(async () => t.close());

  it('shares the head coaches between programs: a coach coaches where their child plays, the others by name', async () => {
    const f = await previewFormation(t.deps, ADMIN, { seasonId: SEASON, division: '10U', program: 'girls', seed: 42 });
    expect(f.record.teams.map((x) => x.name)).toEqual(['10U Girls 1 (Adams)', '10U Girls 2 (Davis)', '10U Girls 3 (Evans)']);
    expect(f.assignments.find((a) => a.playerId === adamsChild)?.teamId).toBe('1');
    expect(
      Object.values(byTeam(f.assignments))
        .map((p) => p.length)
        .sort((x, y) => x - y),
    ).toEqual([9, 9, 10]);
    expect(f.record.figures.lowerBound).toBeGreaterThanOrEqual(0);
    expect(f.record.figures.spread).toBeGreaterThanOrEqual(f.record.figures.lowerBound);
    expect(f.record.unusedCoaches).toEqual([]);
    const tooMany = await refusal(previewFormation(t.deps, ADMIN, { seasonId: SEASON, division: '10U', program: 'girls', teams: 4 }));
    expect(tooMany.code).toBe('NOT_ENOUGH_COACHES');
    expect(tooMany.message).toBe(
      '10U Girls needs 4 team(s) (28 players, rosters of 10) but only 3 head coach(es) of 10U are free for it. Grant the head-coach role for 10U to more volunteers, or form fewer teams.',
    );
  });

  it('gives the same teams for the same inputs and seed, and records the random seed it chose', async () => {
    const a = await previewFormation(t.deps, ADMIN, { seasonId: SEASON, division: '10U', program: 'girls', seed: 7 });
    const b = await previewFormation(t.deps, ADMIN, { seasonId: SEASON, division: '10U', program: 'girls', seed: 7 });
    expect(byTeam(b.assignments)).toEqual(byTeam(a.assignments));
    expect((await findFormation(t.deps.db, a.id))?.status).toBe('discarded');
    const seeds = [1, 2, 3, 4, 5];
    const draws = new Set<string>();
    for (const seed of seeds) draws.add(JSON.stringify(byTeam((await previewFormation(t.deps, ADMIN, { seasonId: SEASON, division: '10U', program: 'girls', seed })).assignments)));
    expect(draws.size).toBeGreaterThan(1);
    const random = await previewFormation(t.deps, ADMIN, { seasonId: SEASON, division: '10U', program: 'girls' });
    expect(Number.isInteger(random.seed)).toBe(true);
    const row = await t.deps.db.selectFrom('formations').select(['seed', 'status']).where('id', '=', random.id).executeTakeFirstOrThrow();
    expect({ seed: Number(row.seed), status: row.status }).toEqual({ seed: random.seed, status: 'preview' });
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'formation.preview')
      .where('entity_id', '=', random.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json!)).toMatchObject({ seed: random.seed, teams: 3, players: 28 });
  });

  it('refuses to publish a preview whose players changed, then publishes: teams, head coaches, rosters, mails', async () => {
    const preview = await previewFormation(t.deps, ADMIN, { seasonId: SEASON, division: '10U', program: 'girls', seed: 42 });
    const [late] = await seedPlayers(t.deps.db, SEASON, [{ first: 'Late', last: 'Comer', rating: 3 }]);
    const stale = await refusal(publishFormation(t.deps, ADMIN, preview.id));
    expect(stale.code).toBe('STALE');
    await t.deps.db.deleteFrom('season_players').where('player_id', '=', late!).execute();
    await publishFormation(t.deps, ADMIN, preview.id);
    const teams = await t.deps.db.selectFrom('teams').selectAll().where('division', '=', '10U').where('program', '=', 'girls').orderBy('number').execute();
    expect(teams.map((x) => [x.number, x.name, x.published_at !== null])).toEqual([
      [1, '10U Girls 1 (Adams)', true],
      [2, '10U Girls 2 (Davis)', true],
      [3, '10U Girls 3 (Evans)', true],
    ]);
    const staff = await t.deps.db
      .selectFrom('team_staff')
      .select(['team_id', 'person_id', 'role'])
      .where(
        'team_id',
        'in',
        teams.map((x) => x.id),
      )
      .execute();
    expect(staff.map((s) => [teams.find((x) => x.id === s.team_id)!.number, s.person_id, s.role]).sort()).toEqual([
      [1, coach.Adams!.id, 'head-coach'],
      [2, coach.Davis!.id, 'head-coach'],
      [3, coach.Evans!.id, 'head-coach'],
    ]);
    const rows = await t.deps.db.selectFrom('team_players').select(['team_id', 'player_id']).where('season_id', '=', SEASON).execute();
    expect(rows).toHaveLength(28);
    expect(rows.find((r) => r.player_id === adamsChild)?.team_id).toBe(teams[0]!.id);
    const byId = new Map(teams.map((x) => [x.id, String(x.number)]));
    expect(byTeam(rows.map((r) => ({ playerId: r.player_id, teamId: byId.get(r.team_id)! })))).toEqual(byTeam(preview.assignments));
    const mails = await t.deps.db.selectFrom('outbox').select(['to_address', 'subject', 'body_text']).where('kind', '=', 'teams-published').orderBy('to_address').execute();
    expect(mails.map((m) => m.to_address).sort()).toEqual([coach.Adams!.email, coach.Davis!.email, coach.Evans!.email].sort());
    expect(mails.find((m) => m.to_address === coach.Adams!.email)!.body_text).toContain(`/teams/${teams[0]!.id}`);
    const again = await refusal(publishFormation(t.deps, ADMIN, preview.id));
    expect(again.code).toBe('FORMATION_PUBLISHED');
    const redraw = await refusal(previewFormation(t.deps, ADMIN, { seasonId: SEASON, division: '10U', program: 'girls', seed: 1 }));
    expect(redraw.code).toBe('FORMATION_PUBLISHED');
    expect(girls).toHaveLength(27);
  });

  it('shows a move’s effect on balance first, then makes it with a reason, audited and mailed', async () => {
    const f = (await t.deps.db.selectFrom('formations').select('id').where('status', '=', 'published').executeTakeFirstOrThrow()).id;
    const teams = await t.deps.db.selectFrom('teams').select(['id', 'number']).where('division', '=', '10U').where('program', '=', 'girls').orderBy('number').execute();
    const rows = await t.deps.db.selectFrom('team_players').select(['team_id', 'player_id']).where('season_id', '=', SEASON).execute();
    const mover = rows.find((r) => r.team_id === teams[1]!.id)!.player_id;
    const effect = await adjustTeams(t.deps, ADMIN, f, { kind: 'move', playerId: mover, toTeamId: teams[2]!.id }, null);
    expect(effect.applied).toBe(false);
    expect(effect.teamIds).toEqual([teams[1]!.id, teams[2]!.id]);
    const size = (b: typeof effect.before, id: string) => b.teams.find((x) => x.teamId === id)!.size;
    expect(size(effect.after, teams[1]!.id)).toBe(size(effect.before, teams[1]!.id) - 1);
    expect(effect.after.lowerBound).toBe(effect.before.lowerBound);
    expect(effect.after.sizeSpread).toBeGreaterThanOrEqual(1);
    expect((await t.deps.db.selectFrom('team_players').select('team_id').where('player_id', '=', mover).executeTakeFirstOrThrow()).team_id).toBe(teams[1]!.id);
    const noReason = await refusal(adjustTeams(t.deps, ADMIN, f, { kind: 'move', playerId: mover, toTeamId: teams[2]!.id }, { reason: '  ' }));
    expect(noReason.code).toBe('VALIDATION');
    const done = await adjustTeams(t.deps, ADMIN, f, { kind: 'move', playerId: mover, toTeamId: teams[2]!.id }, { reason: 'Carpool with a teammate' });
    expect(done.applied).toBe(true);
    expect((await t.deps.db.selectFrom('team_players').select('team_id').where('player_id', '=', mover).executeTakeFirstOrThrow()).team_id).toBe(teams[2]!.id);
    const audit = await t.deps.db.selectFrom('audit_log').select(['before_json', 'after_json', 'actor_name']).where('action', '=', 'team.move').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json!)).toMatchObject({ reason: 'Carpool with a teammate', spread: done.after.spread });
    expect(JSON.parse(audit.before_json!).change).toContain('Move ');
    const mails = await t.deps.db.selectFrom('outbox').select('to_address').where('kind', '=', 'teams-roster-changed').execute();
    expect(mails.map((m) => m.to_address).sort()).toEqual([coach.Davis!.email, coach.Evans!.email].sort());
  });

  it("swaps two players, but never takes a coach's child off the parent's team", async () => {
    const f = (await t.deps.db.selectFrom('formations').select('id').where('status', '=', 'published').executeTakeFirstOrThrow()).id;
    const teams = await t.deps.db.selectFrom('teams').select(['id', 'number']).where('division', '=', '10U').where('program', '=', 'girls').orderBy('number').execute();
    const rows = await t.deps.db.selectFrom('team_players').select(['team_id', 'player_id']).where('season_id', '=', SEASON).execute();
    const other = rows.find((r) => r.team_id === teams[2]!.id)!.player_id;
    const refused = await refusal(adjustTeams(t.deps, ADMIN, f, { kind: 'swap', playerId: adamsChild, otherPlayerId: other }, null));
    expect(refused.code).toBe('ADJUST_REFUSED');
    expect(refused.message).toBe("Ada Adams is the child of 10U Girls 1 (Adams)'s head coach and plays on that team (the one exception to the draw).");
    const one = rows.find((r) => r.team_id === teams[0]!.id && r.player_id !== adamsChild)!.player_id;
    const done = await adjustTeams(t.deps, ADMIN, f, { kind: 'swap', playerId: one, otherPlayerId: other }, { reason: 'School friends apart' });
    expect(done.description).toMatch(/^Swap /);
    const after = await t.deps.db.selectFrom('team_players').select(['team_id', 'player_id']).where('player_id', 'in', [one, other]).execute();
    expect(Object.fromEntries(after.map((r) => [r.player_id, r.team_id]))).toEqual({ [one]: teams[2]!.id, [other]: teams[0]!.id });
    expect(await t.deps.db.selectFrom('audit_log').select('id').where('action', '=', 'team.swap').execute()).toHaveLength(1);
  });

  it('drives preview, read, publish and moves through the API, for the coach administrator', async () => {
    const admin = await makeActor(t.deps, ['coach-administrator']);
    const registrar = await makeActor(t.deps, ['registrar']);
    const post = (url: string, body: object, who = admin) => t.app.inject({ method: 'POST', url, headers: who.bearer, payload: body });
    const preview = await post('/api/v1/formations', { season: SEASON, division: '10U', program: 'boys', seed: 99 });
    expect(preview.statusCode).toBe(201);
    const p = preview.json();
    expect(p).toMatchObject({ status: 'preview', seed: 99, division: '10U', program: 'boys' });
    expect(p.teams.map((x: { name: string }) => x.name)).toEqual(['10U Boys 1 (Baker)', '10U Boys 2 (Clark)']);
    expect(p.balance.lowerBound).toBeLessThanOrEqual(p.balance.spread);
    expect((await post('/api/v1/formations', { division: '10U', program: 'boys' }, registrar)).statusCode).toBe(403);
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/formations?season=${SEASON}&division=10U&program=boys`, headers: registrar.bearer });
    expect(read.json().id).toBe(p.id);
    const published = await post(`/api/v1/formations/${p.id}/publish`, {});
    expect(published.statusCode).toBe(200);
    const teams = published.json().teams as { id: string; playerIds: string[] }[];
    expect(teams[0]!.playerIds).toContain(bakerChild);
    const mover = teams[0]!.playerIds.find((id) => id !== bakerChild)!;
    const effect = await post(`/api/v1/formations/${p.id}/move`, { playerId: mover, teamId: teams[1]!.id });
    expect(effect.json()).toMatchObject({ applied: false, teamIds: [teams[0]!.id, teams[1]!.id] });
    const refused = await post(`/api/v1/formations/${p.id}/move`, { playerId: mover, teamId: teams[1]!.id, confirm: true });
    expect(refused.statusCode).toBe(422);
    expect((await post(`/api/v1/formations/${p.id}/publish`, {})).statusCode).toBe(409);
  });
});
