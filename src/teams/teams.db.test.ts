import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeActor, type TestActor } from '../testing/actors.js';
import { testDialects, type TestApp } from '../testing/harness.js';
import { readCsvTable } from '../platform/csv.js';
import { getRegionConfig } from '../region/index.js';
import { ratingForFormation } from '../players/players.testkit.js';
import { ratingsOf } from '../players/players.testkit.js';
import { openTeamsApp, SEASON, seedPlayers, tenUGirls } from './teams.testkit.js';
import { previewFormation, publishFormation } from './formation/formation.service.js';
import { TEAM_UPLOAD_HEADER } from './roster/export.rules.js';

describe.each(testDialects())('rosters, ratings, exports and assistants on %s', (dialect) => {
  let t: TestApp;
  let head1: TestActor;
  let head2: TestActor;
  let helper: TestActor;
  let otherDivision: TestActor;
  let admin: TestActor;
  let registrar: TestActor;
  let safety: TestActor;
  let teams: { id: string; number: number }[];
  let helperChild: string;
  const get = (url: string, who?: TestActor) => t.app.inject({ method: 'GET', url, headers: who?.bearer ?? {} });
  const send = (method: 'PUT' | 'POST', url: string, body: object, who: TestActor) => t.app.inject({ method, url, headers: who.bearer, payload: body });
  const roster = async (teamId: string) =>
    (await t.deps.db.selectFrom('team_players').select(['player_id', 'jersey']).where('team_id', '=', teamId).execute()).map((r) => r.player_id);

  beforeAll(async () => {
    t = await openTeamsApp(dialect);
    head1 = await makeActor(t.deps, ['head-coach'], { seasonId: SEASON, division: '10U' });
    head2 = await makeActor(t.deps, ['head-coach'], { seasonId: SEASON, division: '10U' });
    await t.deps.db.updateTable('people').set({ last_name: 'Aaron' }).where('id', '=', head1.id).execute();
    await t.deps.db.updateTable('people').set({ last_name: 'Zed' }).where('id', '=', head2.id).execute();
    helper = await makeActor(t.deps, ['assistant-coach'], { seasonId: SEASON, division: '10U' });
    otherDivision = await makeActor(t.deps, ['head-coach'], { seasonId: SEASON, division: '12U' });
    admin = await makeActor(t.deps, ['coach-administrator']);
    registrar = await makeActor(t.deps, ['registrar']);
    safety = await makeActor(t.deps, ['safety-director']);
    await seedPlayers(t.deps.db, SEASON, tenUGirls(15));
    [helperChild] = await seedPlayers(t.deps.db, SEASON, [{ first: 'Hana', last: 'Helper', rating: 4, guardianId: helper.id }]);
    const f = await previewFormation(t.deps, { id: admin.id, name: 'Admin' }, { seasonId: SEASON, division: '10U', program: 'girls', seed: 5 });
    await publishFormation(t.deps, { id: admin.id, name: 'Admin' }, f.id);
    teams = (await t.deps.db.selectFrom('teams').select(['id', 'number']).orderBy('number').execute()).map((x) => ({ id: x.id, number: Number(x.number) }));
  });
  afterAll(async () => t.close());

  it("shows a roster with the parents' contacts to its coaches and the board only", async () => {
    const own = await get(`/api/v1/teams/${teams[0]!.id}/roster`, head1);
    expect(own.statusCode).toBe(200);
    const body = own.json();
    expect(body.team.name).toBe('10U Girls 1 (Aaron)');
    expect(body.staff).toEqual([expect.objectContaining({ personId: head1.id, role: 'head-coach' })]);
    expect(body.players).toHaveLength(8);
    const kid = body.players.find((p: { firstName: string }) => p.firstName !== 'Hana');
    expect(kid.guardians[0]).toEqual({
      name: expect.stringMatching(/^Parent Of\d+$/),
      email: expect.stringContaining('@example.org'),
      phone: expect.stringMatching(/^310-555-/),
      primary: true,
    });
    expect((await get(`/api/v1/teams/${teams[0]!.id}/roster`, head2)).statusCode).toBe(403);
    expect((await get(`/api/v1/teams/${teams[0]!.id}/roster`, head2)).json().error.code).toBe('NOT_YOUR_TEAM');
    expect((await get(`/api/v1/teams/${teams[0]!.id}/roster`, helper)).statusCode).toBe(403);
    expect((await get(`/api/v1/teams/${teams[0]!.id}/roster`, otherDivision)).statusCode).toBe(403);
    expect((await get(`/api/v1/teams/${teams[0]!.id}/roster`, safety)).statusCode).toBe(403);
    expect((await get(`/api/v1/teams/${teams[0]!.id}/roster`)).statusCode).toBe(401);
    expect((await get(`/api/v1/teams/${teams[0]!.id}/roster`, registrar)).statusCode).toBe(200);
    expect((await get('/api/v1/teams/not-a-team/roster', head1)).statusCode).toBe(404);
    const page = await get(`/teams/${teams[1]!.id}`, head1);
    expect(page.statusCode).toBe(403);
    expect(page.body).not.toContain('310-555-');
    const print = await get(`/teams/${teams[0]!.id}/print`, head1);
    expect(print.statusCode).toBe(200);
    expect(print.body).toContain(kid.guardians[0].phone);
  });

  it('lets the coach set jersey numbers once per team: 0 to 99, each number once', async () => {
    const ids = await roster(teams[0]!.id);
    const ok = await send(
      'PUT',
      `/api/v1/teams/${teams[0]!.id}/jerseys`,
      {
        jerseys: [
          { playerId: ids[0], jersey: 7 },
          { playerId: ids[1], jersey: 10 },
        ],
      },
      head1,
    );
    expect(ok.statusCode).toBe(200);
    const swap = await send(
      'PUT',
      `/api/v1/teams/${teams[0]!.id}/jerseys`,
      {
        jerseys: [
          { playerId: ids[0], jersey: 10 },
          { playerId: ids[1], jersey: 7 },
        ],
      },
      head1,
    );
    expect(swap.statusCode).toBe(200);
    const dup = await send('PUT', `/api/v1/teams/${teams[0]!.id}/jerseys`, { jerseys: [{ playerId: ids[2], jersey: 7 }] }, head1);
    expect(dup.statusCode).toBe(422);
    expect(dup.json().error.message).toMatch(/^Number 7 is given to .+ and .+; every player needs a different number\.$/);
    expect((await send('PUT', `/api/v1/teams/${teams[0]!.id}/jerseys`, { jerseys: [{ playerId: ids[2], jersey: 100 }] }, head1)).statusCode).toBe(422);
    expect((await send('PUT', `/api/v1/teams/${teams[1]!.id}/jerseys`, { jerseys: [] }, head1)).statusCode).toBe(403);
    const jerseys = await t.deps.db.selectFrom('team_players').select(['player_id', 'jersey']).where('player_id', 'in', [ids[0]!, ids[1]!]).execute();
    expect(Object.fromEntries(jerseys.map((j) => [j.player_id, Number(j.jersey)]))).toEqual({ [ids[0]!]: 10, [ids[1]!]: 7 });
  });

  it('takes ratings only while the window is open, on the scale, from the team’s coaches; overrides are audited', async () => {
    const ids = await roster(teams[0]!.id);
    const rate = (who: TestActor, ratings: object[], team = teams[0]!.id) => send('PUT', `/api/v1/teams/${team}/ratings`, { ratings }, who);
    const closed = await rate(head1, [{ playerId: ids[0], rating: 4 }]);
    expect([closed.statusCode, closed.json().error.code]).toEqual([422, 'RATING_WINDOW_CLOSED']);
    expect((await send('PUT', '/api/v1/ratings/window', { season: SEASON, open: true }, head1)).statusCode).toBe(403);
    const opened = await send('PUT', '/api/v1/ratings/window', { season: SEASON, open: true }, admin);
    expect(opened.json()).toMatchObject({ seasonId: SEASON, open: true });
    expect(
      (
        await rate(head1, [
          { playerId: ids[0], rating: 4 },
          { playerId: ids[1], rating: 2 },
        ])
      ).statusCode,
    ).toBe(200);
    const off = await rate(head1, [
      { playerId: ids[2], rating: 3.5 },
      { playerId: ids[3], rating: 6 },
    ]);
    expect(off.statusCode).toBe(422);
    expect(off.json().error.details.errors).toHaveLength(2);
    const notMine = await rate(head1, [{ playerId: (await roster(teams[1]!.id))[0], rating: 3 }]);
    expect(notMine.statusCode).toBe(422);
    expect((await rate(head2, [{ playerId: ids[0], rating: 1 }])).statusCode).toBe(403);
    const override = await send('PUT', `/api/v1/ratings/${SEASON}/${ids[0]}`, { rating: 5, reason: 'Coach rated from memory; seen at the tournament' }, admin);
    expect(override.statusCode).toBe(204);
    const audit = await t.deps.db.selectFrom('audit_log').select(['before_json', 'after_json']).where('action', '=', 'rating.override').executeTakeFirstOrThrow();
    expect([JSON.parse(audit.before_json!).rating, JSON.parse(audit.after_json!).rating]).toEqual([4, 5]);
    expect((await rate(head1, [{ playerId: ids[0], rating: 3 }])).json().error.message).toContain('the coach administrator set this rating');
    const view = await get(`/api/v1/teams/${teams[0]!.id}/ratings`, head1);
    expect(view.json().ratings.find((r: { playerId: string }) => r.playerId === ids[0])).toMatchObject({
      rating: 5,
      overrideReason: 'Coach rated from memory; seen at the tournament',
    });
    await send('PUT', '/api/v1/ratings/window', { season: SEASON, open: false }, admin);
    expect((await rate(head1, [{ playerId: ids[1], rating: 3 }])).statusCode).toBe(422);
    expect((await t.deps.db.selectFrom('audit_log').select('action').where('action', 'in', ['ratings.open', 'ratings.close']).execute()).map((a) => a.action).sort()).toEqual([
      'ratings.close',
      'ratings.open',
    ]);
    // Kept per season: next season's formation uses this season's rating, not the older one.
    const rows = (await ratingsOf(t.deps.db, [ids[1]!])).get(ids[1]!)!;
    expect(rows.map((r) => r.seasonId)).toContain('2026-fall');
    expect(ratingForFormation(rows, '2027-spring', await getRegionConfig(t.deps.db))).toMatchObject({ seasonId: '2026-fall', rating: 2 });
  });

  it('exports the association’s 7-column team upload file', async () => {
    const csv = await get(`/api/v1/teams/export?season=${SEASON}&division=10U&program=girls`, registrar);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const read = readCsvTable(csv.body);
    if (!read.ok) throw new Error('unreadable');
    expect(read.table.header).toEqual([...TEAM_UPLOAD_HEADER]);
    const rows = read.table.records.map((r) => r.cells);
    expect(rows).toHaveLength(16 + 2);
    // Never Touchline's own id: a coach without the association's volunteer id is marked.
    expect(rows[0]).toEqual(['10U Girls 1 (Aaron)', '', 'MISSING', '1', '', expect.stringMatching(/ Aaron$/), 'Head Coach']);
    const players = rows.filter((r) => r[1] !== '');
    expect(players).toHaveLength(16);
    expect(players.every((r) => /^X\d+$/.test(r[1]!) && r[2] === '' && r[3] === '' && r[4]!.length > 0)).toBe(true);
    expect((await get(`/api/v1/teams/export?season=${SEASON}`, head1)).statusCode).toBe(403);
    const own = await get(`/teams/${teams[0]!.id}/export.csv`, head1);
    expect(own.statusCode).toBe(200);
    expect(own.body.split('\r\n')[0]).toBe('TeamName,PlayerID,VolunteerID,VolunteerTypeID,Player Name,Team Personnel Name,Team Personnel Role');
    await t.deps.db.updateTable('people').set({ association_id: '90123456' }).where('id', '=', head1.id).execute();
    expect((await get(`/teams/${teams[0]!.id}/export.csv`, head1)).body.split('\r\n')[1]).toBe(`${rows[0]![0]},,90123456,1,,${rows[0]![5]},Head Coach`);
  });

  it('finds assistants after the draw: offers to accept, assignment, and no player moves', async () => {
    const childTeam = (await t.deps.db.selectFrom('team_players').select('team_id').where('player_id', '=', helperChild).executeTakeFirstOrThrow()).team_id;
    const target = teams.find((x) => x.id !== childTeam)!.id;
    const before = await t.deps.db.selectFrom('team_players').select(['team_id', 'player_id']).orderBy('player_id').execute();
    const open = await get(`/api/v1/assistants/open-teams?season=${SEASON}`, admin);
    expect(
      open
        .json()
        .map((x: { id: string }) => x.id)
        .sort(),
    ).toEqual(teams.map((x) => x.id).sort());
    const offer = await send('POST', `/api/v1/teams/${target}/assistants`, { personId: helper.id, mode: 'offer' }, admin);
    expect(offer.statusCode).toBe(201);
    const offerId = offer.json().offerId as string;
    expect((await t.deps.db.selectFrom('outbox').select('kind').where('to_address', '=', helper.email).execute()).map((m) => m.kind)).toContain('teams-assistant-offer');
    expect((await get(`/api/v1/teams/${target}/roster`, helper)).statusCode).toBe(403);
    expect((await send('POST', `/api/v1/me/assistant-offers/${offerId}`, { accept: true }, head1)).statusCode).toBe(404);
    const mine = await get('/api/v1/me/assistant-offers', helper);
    expect(mine.json()).toEqual([expect.objectContaining({ id: offerId, teamId: target })]);
    const accepted = await send('POST', `/api/v1/me/assistant-offers/${offerId}`, { accept: true }, helper);
    expect(accepted.statusCode).toBe(200);
    expect((await get(`/api/v1/teams/${target}/roster`, helper)).statusCode).toBe(200);
    expect(await t.deps.db.selectFrom('team_players').select(['team_id', 'player_id']).orderBy('player_id').execute()).toEqual(before);
    const left = await get(`/api/v1/assistants/open-teams?season=${SEASON}`, admin);
    expect(left.json().map((x: { id: string }) => x.id)).toEqual([childTeam]);
    const again = await send('POST', `/api/v1/teams/${childTeam}/assistants`, { personId: helper.id, mode: 'assign' }, admin);
    expect(again.statusCode).toBe(409);
    const notVolunteer = await send('POST', `/api/v1/teams/${childTeam}/assistants`, { personId: otherDivision.id, mode: 'assign' }, admin);
    expect(notVolunteer.statusCode).toBe(422);
    await t.deps.db.updateTable('people').set({ association_id: '90777777' }).where('id', '=', helper.id).execute();
    const csv = await get(`/api/v1/teams/export?season=${SEASON}`, admin);
    expect(csv.body).toContain(',90777777,2,,');
    expect(csv.body).toContain(',Assistant Coach');
  });
});
