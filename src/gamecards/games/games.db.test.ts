import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects, type TestApp } from '../../testing/harness.js';
import { makeActor, type TestActor } from '../../testing/actors.js';
import { makeGame, makeTeam, openGamecardsApp, type TeamFixture } from '../gamecards.testkit.js';

describe.each(testDialects())('the schedule on %s', (dialect) => {
  let t: TestApp;
  let admin: TestActor;
  let coach: TestActor;
  let a: TeamFixture;
  let b: TeamFixture;
  let c: TeamFixture;
  let boys: TeamFixture;

  beforeAll(async () => {
    t = await openGamecardsApp(dialect);
    admin = await makeActor(t.deps, ['coach-administrator']);
    coach = await makeActor(t.deps, ['head-coach'], { seasonId: '2026-fall', division: '10U' });
    a = await makeTeam(t.deps.db, { number: 1, name: 'Comets', headCoachId: coach.id, players: 2 });
    b = await makeTeam(t.deps.db, { number: 2, name: 'Rockets', players: 2 });
    c = await makeTeam(t.deps.db, { number: 3, name: 'Meteors', players: 2 });
    boys = await makeTeam(t.deps.db, { number: 1, name: 'Lions', program: 'boys', players: 2 });
  });
  afterAll(async () => t.close());

  it('lets the coach administrator schedule a game by team names and field name, and audits it', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/games',
      headers: admin.bearer,
      payload: { date: '2026-09-19', time: '9:30 AM', field: 'Brett', home: 'Comets', away: b.id },
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({
      division: '10U',
      program: 'girls',
      time: '09:30',
      field: { id: 'brett', name: 'Brett' },
      home: { id: a.id, name: 'Comets' },
      away: { id: b.id },
    });
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', r.json().id).execute();
    expect(audit.map((x) => x.action)).toEqual(['game.create']);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/games',
      headers: coach.bearer,
      payload: { date: '2026-09-19', time: '10:00', field: 'brett', home: b.id, away: c.id },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('refuses a game between divisions or programs, outside the season, or on a day a team already plays', async () => {
    const mixed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/games',
      headers: admin.bearer,
      payload: { date: '2026-09-20', time: '10:00', field: 'brett', home: b.id, away: boys.id },
    });
    expect(mixed.statusCode).toBe(422);
    expect(mixed.json().error.message).toContain('not in the same division and program');
    const late = await t.app.inject({
      method: 'POST',
      url: '/api/v1/games',
      headers: admin.bearer,
      payload: { date: '2027-02-20', time: '10:00', field: 'brett', home: b.id, away: c.id },
    });
    expect(late.json().error.message).toContain('outside Fall 2026');
    const twice = await t.app.inject({
      method: 'POST',
      url: '/api/v1/games',
      headers: admin.bearer,
      payload: { date: '2026-09-19', time: '13:00', field: 'richmond', home: c.id, away: a.id },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toContain('Comets already plays on 2026-09-19');
  });

  it('imports a CSV schedule whole, or refuses it whole with every bad row and reason', async () => {
    const before = (await t.deps.db.selectFrom('games').select('id').execute()).length;
    const bad = ['date,time,field,home,away', '10/3/2026,9:00,Brett,Comets,Rockets', '2026-10-04,25:00,Nowhere,Comets,Nobody', '2026-10-10,9:00,Richmond,Comets,Comets'].join('\n');
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/games/import', headers: admin.bearer, payload: { csv: bad } });
    expect(r.statusCode).toBe(422);
    const errors = r.json().error.details.errors as string[];
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^Row 3: time: .*; field: there is no field "Nowhere".*; away: there is no team "Nobody"/);
    expect(errors[1]).toMatch(/^Row 4: Comets cannot play itself/);
    expect((await t.deps.db.selectFrom('games').select('id').execute()).length).toBe(before);
    const good = ['Date,Time,Field,Home,Away', `10/3/2026,9:00,Brett,Comets,Rockets`, `2026-10-04,2:30 PM,richmond,${c.id},Comets`].join('\r\n');
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/games/import', headers: admin.bearer, payload: { csv: good, season: '2026-fall' } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toEqual({ season: '2026-fall', imported: 2 });
    const imported = await t.deps.db.selectFrom('games').selectAll().where('date', '=', '2026-10-04').executeTakeFirstOrThrow();
    expect(imported).toMatchObject({ time: '14:30', field_id: 'richmond', home_team_id: c.id, away_team_id: a.id });
  });

  it("shows a coach only their own teams' games, and the board every game", async () => {
    await makeGame(t.deps.db, b, c, { date: '2026-11-07' });
    const mine = (await t.app.inject({ method: 'GET', url: '/api/v1/games?season=2026-fall', headers: coach.bearer })).json() as {
      home: { id: string };
      away: { id: string };
      cards: { teamId: string }[];
    }[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((g) => g.home.id === a.id || g.away.id === a.id)).toBe(true);
    expect(mine.every((g) => g.cards.map((x) => x.teamId).join() === a.id)).toBe(true);
    const all = (await t.app.inject({ method: 'GET', url: '/api/v1/games', headers: admin.bearer })).json() as unknown[];
    expect(all.length).toBeGreaterThan(mine.length);
    const other = await makeGame(t.deps.db, b, c, { date: '2026-11-14' });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/games/${other}`, headers: coach.bearer })).statusCode).toBe(403);
  });

  it('changes and removes a game; a game with a card keeps its teams and cannot be removed', async () => {
    const id = await makeGame(t.deps.db, b, c, { date: '2026-11-21' });
    const moved = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/games/${id}`,
      headers: admin.bearer,
      payload: { date: '2026-11-22', time: '11:00', field: 'brett', home: c.id, away: b.id },
    });
    expect(moved.json()).toMatchObject({ date: '2026-11-22', home: { id: c.id } });
    await t.deps.db
      .insertInto('game_cards')
      .values({
        id: `card-${id}`,
        game_id: id,
        team_id: b.id,
        season_id: '2026-fall',
        status: 'draft',
        revision: 1,
        state_json: '{"rows":[],"back":{}}',
        violations_json: '[]',
        violation_count: 0,
        snapshot_json: null,
        created_at: 'x',
        updated_at: 'x',
        updated_by: null,
        submitted_at: null,
        submitted_by: null,
      })
      .execute();
    const swap = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/games/${id}`,
      headers: admin.bearer,
      payload: { date: '2026-11-22', time: '11:00', field: 'brett', home: b.id, away: c.id },
    });
    expect(swap.statusCode).toBe(409);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/games/${id}`, headers: admin.bearer })).statusCode).toBe(409);
    const free = await makeGame(t.deps.db, b, c, { date: '2026-11-28' });
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/games/${free}`, headers: admin.bearer })).statusCode).toBe(204);
    expect(await t.deps.db.selectFrom('games').select('id').where('id', '=', free).executeTakeFirst()).toBeUndefined();
  });

  it('documents the API in OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of [
      '/api/v1/games',
      '/api/v1/games/import',
      '/api/v1/games/{id}',
      '/api/v1/games/{id}/cards/{teamId}',
      '/api/v1/games/{id}/cards/{teamId}/submit',
      '/api/v1/games/{id}/cards/{teamId}/pdf',
      '/api/v1/games/{id}/plan',
      '/api/v1/games/{id}/plan/check',
      '/api/v1/games/reports/playing-time',
      '/api/v1/games/reports/violations',
      '/api/v1/playing-time/check',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths['/api/v1/games/{id}/cards/{teamId}'].put.requestBody.content['application/json'].schema.required).toEqual(['saveId', 'revision', 'players']);
  });
});
