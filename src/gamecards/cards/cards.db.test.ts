import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/clock.js';
import { testDialects, type TestApp } from '../../testing/harness.js';
import { makeActor, type TestActor } from '../../testing/actors.js';
import { editRegionConfig } from '../../region/region.testkit.js';
import { cells, goodCard, makeGame, makeTeam, openGamecardsApp, type TeamFixture } from '../gamecards.testkit.js';

describe.each(testDialects())('game cards on %s', (dialect) => {
  let t: TestApp;
  let coach: TestActor;
  let otherCoach: TestActor;
  let admin: TestActor;
  let regionAdmin: TestActor;
  let us: TeamFixture;
  let them: TeamFixture;
  const url = (game: string, team: string) => `/api/v1/games/${game}/cards/${team}`;
  const put = (game: string, team: string, who: TestActor, body: object) => t.app.inject({ method: 'PUT', url: url(game, team), headers: who.bearer, payload: body });
  const countSaves = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('game_card_saves')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await openGamecardsApp(dialect);
    coach = await makeActor(t.deps, ['head-coach'], { seasonId: '2026-fall', division: '10U' });
    otherCoach = await makeActor(t.deps, ['head-coach'], { seasonId: '2026-fall', division: '10U' });
    admin = await makeActor(t.deps, ['coach-administrator']);
    regionAdmin = await makeActor(t.deps, ['region-administrator']);
    us = await makeTeam(t.deps.db, { number: 1, name: 'Comets', headCoachId: coach.id });
    them = await makeTeam(t.deps.db, { number: 2, name: 'Rockets', headCoachId: otherCoach.id });
  });
  afterAll(async () => t.close());

  it('stores a save once when the same save id arrives twice (a retry after a dropped connection)', async () => {
    const game = await makeGame(t.deps.db, us, them);
    const body = { saveId: newId(), revision: 0, players: goodCard(us) };
    const before = await countSaves();
    const first = await put(game, us.id, coach, body);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ revision: 1, status: 'draft', replayed: false, violations: [] });
    const retry = await put(game, us.id, coach, body);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ revision: 1, replayed: true });
    expect(await countSaves()).toBe(before + 1);
    // The retry carried later changes (the coach kept going while offline): applied once, on top.
    const more = { ...body, players: goodCard(us).map((p, i) => (i === 0 ? { ...p, attended: false, quarters: p.quarters.map(() => cells.S) } : p)) };
    const grown = await put(game, us.id, coach, more);
    expect(grown.json()).toMatchObject({ revision: 2, replayed: false });
    expect(grown.json().players[0]).toMatchObject({ attended: false });
    expect(await countSaves()).toBe(before + 1);
  });

  it('answers 409 STALE to a save made on an old revision, and writes nothing', async () => {
    const game = await makeGame(t.deps.db, us, them, { date: '2026-09-13' });
    expect((await put(game, us.id, coach, { saveId: newId(), revision: 0, players: goodCard(us) })).statusCode).toBe(200);
    const stale = await put(game, us.id, coach, { saveId: newId(), revision: 0, players: [] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE');
    const card = await t.app.inject({ method: 'GET', url: url(game, us.id), headers: coach.bearer });
    expect(card.json()).toMatchObject({ revision: 1, violations: [] });
  });

  it('shows every violation with the player as the coach enters the card', async () => {
    const game = await makeGame(t.deps.db, us, them, { date: '2026-09-05' });
    const rows = goodCard(us);
    rows[0] = { ...rows[0]!, quarters: [cells.S, cells.S, cells.P, cells.P] };
    const r = await put(game, us.id, coach, { saveId: newId(), revision: 0, players: rows });
    const v = r.json().violations as { playerId: string; code: string; message: string }[];
    expect(v.find((x) => x.code === 'UNDER_MINIMUM')).toMatchObject({ playerId: us.players[0]!.id, message: expect.stringContaining(us.players[0]!.name) });
    expect(r.json().players[0]).toMatchObject({ name: us.players[0]!.name, jersey: 1, owed: 3 });
  });

  it('locks a submitted card: the coach cannot edit it, the coach administrator corrects it with a reason, audited', async () => {
    const game = await makeGame(t.deps.db, us, them, { date: '2026-09-06' });
    const saved = await put(game, us.id, coach, {
      saveId: newId(),
      revision: 0,
      players: goodCard(us),
      back: { final: { us: 2, them: 1 }, referees: { center: 'Ref One', assistant1: '', assistant2: '' } },
    });
    expect(saved.statusCode).toBe(200);
    const submitted = await t.app.inject({ method: 'POST', url: `${url(game, us.id)}/submit`, headers: coach.bearer, payload: { revision: 1 } });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', revision: 2 });
    const again = await t.app.inject({ method: 'POST', url: `${url(game, us.id)}/submit`, headers: coach.bearer, payload: {} });
    expect(again.json()).toMatchObject({ status: 'submitted', revision: 2 });
    const edit = await put(game, us.id, coach, { saveId: newId(), revision: 2, players: goodCard(us) });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('CARD_LOCKED');
    const noReason = await put(game, us.id, admin, { saveId: newId(), revision: 2, players: goodCard(us), back: { final: { us: 3, them: 1 } } });
    expect(noReason.statusCode).toBe(422);
    const fix = await put(game, us.id, admin, {
      saveId: newId(),
      revision: 2,
      players: goodCard(us),
      back: { final: { us: 3, them: 1 } },
      reason: 'The referee counted a late goal.',
    });
    expect(fix.statusCode).toBe(200);
    expect(fix.json()).toMatchObject({ status: 'submitted', revision: 3, back: { final: { us: 3, them: 1 } } });
    const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'gamecard.correct').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).toBe(admin.id);
    expect(JSON.parse(audit[0]!.before_json!).state.back.final).toEqual({ us: 2, them: 1 });
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ reason: 'The referee counted a late goal.', state: { back: { final: { us: 3, them: 1 } } } });
  });

  it('refuses to submit before the game day', async () => {
    const game = await makeGame(t.deps.db, us, them, { date: '2026-09-26' });
    await put(game, us.id, coach, { saveId: newId(), revision: 0, players: goodCard(us) });
    const r = await t.app.inject({ method: 'POST', url: `${url(game, us.id)}/submit`, headers: coach.bearer, payload: {} });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe('TOO_EARLY');
  });

  it("keeps a team's card from other coaches (403) and shows it to the board", async () => {
    const game = await makeGame(t.deps.db, us, them, { date: '2026-09-19' });
    const theirs = await t.app.inject({ method: 'GET', url: url(game, us.id), headers: otherCoach.bearer });
    expect(theirs.statusCode).toBe(403);
    expect(theirs.body).not.toContain(us.players[0]!.name);
    expect((await put(game, us.id, otherCoach, { saveId: newId(), revision: 0, players: [] })).statusCode).toBe(403);
    const stranger = await makeActor(t.deps, ['registrar']);
    expect((await t.app.inject({ method: 'GET', url: url(game, us.id), headers: stranger.bearer })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `${url(game, us.id)}/pdf`, headers: stranger.bearer })).statusCode).toBe(403);
    const board = await t.app.inject({ method: 'GET', url: url(game, us.id), headers: regionAdmin.bearer });
    expect(board.statusCode).toBe(200);
    expect(board.json().players[0].name).toBe(us.players[0]!.name);
    expect((await put(game, us.id, regionAdmin, { saveId: newId(), revision: 0, players: [] })).statusCode).toBe(403);
    const own = await t.app.inject({ method: 'GET', url: url(game, them.id), headers: otherCoach.bearer });
    expect(own.statusCode).toBe(200);
  });

  it('refuses a card with players who are not on the roster, listing each problem', async () => {
    const game = await makeGame(t.deps.db, us, them, { date: '2026-09-20' });
    const r = await put(game, us.id, coach, {
      saveId: newId(),
      revision: 0,
      players: [...goodCard(us), { id: them.players[0]!.id, attended: true, quarters: [cells.P, cells.P, cells.P] }],
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.details.errors).toEqual([expect.stringContaining('not on this team'), expect.stringContaining('exactly 4')]);
    expect(await t.deps.db.selectFrom('game_cards').select('id').where('game_id', '=', game).execute()).toEqual([]);
  });

  it("applies the region's rule as configured: the division's players on the field and the playing-time policy", async () => {
    await editRegionConfig(t.deps.db, t.deps.clock, { id: null, name: 'test' }, null, 'test', (c) => {
      c.divisions.find((d) => d.code === '10U')!.playersOnField = 6;
      c.playingTime.keeperMaxQuarters = 1;
    });
    const game = await makeGame(t.deps.db, us, them, { date: '2026-09-21' });
    const r = await put(game, us.id, coach, { saveId: newId(), revision: 0, players: goodCard(us) });
    const codes = (r.json().violations as { code: string }[]).map((v) => v.code);
    expect(codes.filter((c) => c === 'TOO_MANY_ON_FIELD')).toHaveLength(4);
    expect(codes.filter((c) => c === 'KEEPER_TOO_MANY')).toHaveLength(2);
    expect(r.json().playersOnField).toBe(6);
  });
});
