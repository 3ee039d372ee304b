import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSession, makeActor, postForm, type TestActor } from '../testing/actors.js';
import type { TestApp } from '../testing/harness.js';
import { multipartBody } from '../training/training.testkit.js';
import { openTeamsApp, SEASON, seedPlayers, tenUGirls } from './teams.testkit.js';

const sample = readFileSync(new URL('../players/fixtures/players-export.tsv', import.meta.url));

describe('players and teams pages', () => {
  let t: TestApp;
  let admin: TestActor;
  let coachA: TestActor;
  let session: { cookie: string; csrf: string };
  beforeAll(async () => {
    t = await openTeamsApp('sqlite');
    admin = await makeActor(t.deps, ['coach-administrator']);
    coachA = await makeActor(t.deps, ['head-coach'], { seasonId: SEASON, division: '10U' });
    await makeActor(t.deps, ['head-coach'], { seasonId: SEASON, division: '10U' });
    await seedPlayers(t.deps.db, SEASON, tenUGirls(14));
    session = await browserSession(t.app, admin.email, admin.password);
  });
  afterAll(async () => t.close());

  const get = (url: string, cookie = session.cookie) => t.app.inject({ method: 'GET', url, headers: { cookie } });

  it('imports the export from the Players page (multipart, CSRF in the action URL) and lists a division', async () => {
    const page = await get('/players');
    expect(page.statusCode).toBe(200);
    const action = /action="(\/players\/import\?_csrf=[^"]+)"/.exec(page.body)![1]!.replaceAll('&amp;', '&');
    const body = multipartBody({ season: SEASON }, { fileName: 'export.tsv', contentType: 'text/tab-separated-values', data: sample });
    const r = await t.app.inject({ method: 'POST', url: action, headers: { cookie: session.cookie, 'content-type': body.contentType }, payload: body.payload });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('export.tsv: 40 players: 40 added, 0 updated, 0 unchanged');
    const forged = await t.app.inject({ method: 'POST', url: '/players/import', headers: { cookie: session.cookie, 'content-type': body.contentType }, payload: body.payload });
    expect(forged.statusCode).toBe(403);
    const list = await get(`/players?season=${SEASON}&division=12U&program=girls`);
    expect(list.body).toContain('Chen, Chloe');
    expect(list.body).toContain('2 (export)');
  });

  it('draws, previews and publishes a division from its page, then shows a move’s effect before confirming', async () => {
    const divisionUrl = `/teams/divisions/10U/girls?season=${SEASON}`;
    let r = await get(divisionUrl);
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('2 teams by default');
    r = await postForm(t.app, '/teams/divisions/10U/girls/preview', session, { season: SEASON, seed: '31', teams: '', objective: 'mean' });
    expect([r.statusCode, r.headers.location]).toEqual([303, divisionUrl]);
    r = await get(divisionUrl);
    expect(r.body).toContain('Preview (seed 31)');
    expect(r.body).toContain('best any formation could reach');
    const publish = /action="(\/teams\/formations\/[^/]+\/publish)"/.exec(r.body)![1]!;
    r = await postForm(t.app, publish, session, {});
    expect(r.statusCode).toBe(303);
    r = await get(divisionUrl);
    expect(r.body).toContain('Published teams');
    const adjust = /action="(\/teams\/formations\/[^/]+\/adjust)"/.exec(r.body)![1]!;
    const player = /name="playerId"[^>]*>\s*<option value="([^"]+)"/.exec(r.body)![1]!;
    const teamIds = [...r.body.matchAll(/name="toTeamId"[^>]*>([\s\S]*?)<\/select>/g)][0]![1]!.match(/value="([^"]+)"/g)!.map((m) => m.slice(7, -1));
    const current = await t.deps.db.selectFrom('team_players').select('team_id').where('player_id', '=', player).executeTakeFirstOrThrow();
    const to = teamIds.find((id) => id !== current.team_id)!;
    r = await postForm(t.app, adjust, session, { kind: 'move', playerId: player, toTeamId: to });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('Effect on balance');
    expect((await t.deps.db.selectFrom('team_players').select('team_id').where('player_id', '=', player).executeTakeFirstOrThrow()).team_id).toBe(current.team_id);
    r = await postForm(t.app, `${adjust}/confirm`, session, { kind: 'move', playerId: player, toTeamId: to, reason: '' });
    expect(r.statusCode).toBe(422);
    r = await postForm(t.app, `${adjust}/confirm`, session, { kind: 'move', playerId: player, toTeamId: to, reason: 'Family request approved by the board' });
    expect(r.statusCode).toBe(303);
    expect((await t.deps.db.selectFrom('team_players').select('team_id').where('player_id', '=', player).executeTakeFirstOrThrow()).team_id).toBe(to);
  });

  it("shows a coach their roster and jersey form, and refuses another team's roster", async () => {
    const coachSession = await browserSession(t.app, coachA.email, coachA.password);
    const home = await get('/teams', coachSession.cookie);
    const link = /href="(\/teams\/[^"/]+)">10U Girls/.exec(home.body)![1]!;
    const page = await get(link, coachSession.cookie);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Jersey numbers');
    expect(page.body).toContain('310-555-');
    const ids = (await t.deps.db.selectFrom('team_players').select('player_id').where('team_id', '=', link.slice(7)).execute()).map((r) => r.player_id);
    const saved = await postForm(t.app, `${link}/jerseys`, coachSession, { [`jersey.${ids[0]}`]: '9', [`jersey.${ids[1]}`]: '9' });
    expect(saved.statusCode).toBe(422);
    expect(saved.body).toContain('Number 9 is given to');
    const other = (await t.deps.db.selectFrom('teams').select('id').where('id', '!=', link.slice(7)).executeTakeFirstOrThrow()).id;
    expect((await get(`/teams/${other}`, coachSession.cookie)).statusCode).toBe(403);
    const csv = await get(`/teams/export.csv?season=${SEASON}`, coachSession.cookie);
    expect(csv.statusCode).toBe(403);
  });

  it('documents the players and teams API in OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/players',
        '/api/v1/players/import',
        '/api/v1/players/{id}/move',
        '/api/v1/formations',
        '/api/v1/formations/{id}/publish',
        '/api/v1/formations/{id}/move',
        '/api/v1/formations/{id}/swap',
        '/api/v1/teams/{id}/roster',
        '/api/v1/teams/{id}/ratings',
        '/api/v1/ratings/window',
        '/api/v1/teams/export',
      ]),
    );
    expect(Object.keys(doc.paths).some((p) => p.startsWith('/teams') || p.startsWith('/players'))).toBe(false);
  });

  it('opens ratings from the Teams page; the coach rates on the roster page; the coach administrator overrides', async () => {
    const coachSession = await browserSession(t.app, coachA.email, coachA.password);
    const teamId = (await t.deps.db.selectFrom('team_staff').select('team_id').where('person_id', '=', coachA.id).executeTakeFirstOrThrow()).team_id;
    expect((await get(`/teams/${teamId}`, coachSession.cookie)).body).not.toContain('Rate your players');
    let r = await postForm(t.app, '/teams/ratings-window', session, { season: SEASON, open: '1' });
    expect([r.statusCode, r.headers.location]).toEqual([303, `/teams?season=${SEASON}`]);
    const page = await get(`/teams/${teamId}`, coachSession.cookie);
    expect(page.body).toContain('Rate your players');
    const ids = (await t.deps.db.selectFrom('team_players').select('player_id').where('team_id', '=', teamId).execute()).map((x) => x.player_id);
    r = await postForm(t.app, `/teams/${teamId}/ratings`, coachSession, { [`rating.${ids[0]}`]: '4', [`rating.${ids[1]}`]: '' });
    expect(r.statusCode).toBe(303);
    expect(decodeURIComponent(String(r.headers['set-cookie']))).toContain('Ratings saved: 1 of');
    expect((await t.deps.db.selectFrom('ratings').select('rated_by').where('season_id', '=', SEASON).execute()).map((x) => x.rated_by)).toEqual([coachA.id]);
    r = await postForm(t.app, `/teams/${teamId}/ratings/override`, session, { playerId: ids[0]!, rating: '2', reason: '' });
    expect(r.statusCode).toBe(422);
    r = await postForm(t.app, `/teams/${teamId}/ratings/override`, session, { playerId: ids[0]!, rating: '2', reason: 'Rated the wrong child' });
    expect(r.statusCode).toBe(303);
    const row = await t.deps.db
      .selectFrom('ratings')
      .select(['rating', 'override_reason'])
      .where('season_id', '=', SEASON)
      .where('player_id', '=', ids[0]!)
      .executeTakeFirstOrThrow();
    expect([Number(row.rating), row.override_reason]).toEqual([2, 'Rated the wrong child']);
    expect((await postForm(t.app, `/teams/${teamId}/ratings/override`, coachSession, { playerId: ids[0]!, rating: '5', reason: 'x' })).statusCode).toBe(403);
  });

  it('lets a volunteer accept an offer on the Teams page', async () => {
    const volunteer = await makeActor(t.deps, ['assistant-coach'], { seasonId: SEASON, division: '10U' });
    const teamId = (await t.deps.db.selectFrom('teams').select('id').orderBy('number').executeTakeFirstOrThrow()).id;
    let r = await postForm(t.app, `/teams/${teamId}/assistants`, session, { personId: volunteer.id, mode: 'offer', season: SEASON });
    expect([r.statusCode, r.headers.location]).toEqual([303, `/teams/assistants?season=${SEASON}`]);
    const vs = await browserSession(t.app, volunteer.email, volunteer.password);
    const home = await get('/', vs.cookie);
    expect(home.body).toContain('Offers to assist a team');
    const teams = await get('/teams', vs.cookie);
    const accept = /action="(\/teams\/offers\/[^"]+\/accept)"/.exec(teams.body)![1]!;
    r = await postForm(t.app, accept, vs, {});
    expect([r.statusCode, r.headers.location]).toEqual([303, `/teams/${teamId}`]);
    expect((await get(`/teams/${teamId}`, vs.cookie)).statusCode).toBe(200);
  });
});
