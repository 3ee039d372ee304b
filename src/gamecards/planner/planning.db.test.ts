import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/clock.js';
import { testDialects, type TestApp } from '../../testing/harness.js';
import { makeActor, type TestActor } from '../../testing/actors.js';
import { cells, goodCard, makeGame, makeTeam, openGamecardsApp, type TeamFixture } from '../gamecards.testkit.js';

function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'touchline-card-'));
  try {
    writeFileSync(join(dir, 'card.pdf'), bytes);
    return execFileSync('/usr/bin/pdftotext', ['-layout', join(dir, 'card.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(testDialects())('checking, planning, printing and reports on %s', (dialect) => {
  let t: TestApp;
  let coach: TestActor;
  let assistant: TestActor;
  let admin: TestActor;
  let us: TeamFixture;
  let them: TeamFixture;

  beforeAll(async () => {
    t = await openGamecardsApp(dialect);
    coach = await makeActor(t.deps, ['head-coach'], { seasonId: '2026-fall', division: '10U' });
    assistant = await makeActor(t.deps, ['assistant-coach'], { seasonId: '2026-fall', division: '10U' });
    admin = await makeActor(t.deps, ['coach-administrator']);
    us = await makeTeam(t.deps.db, { number: 4, name: 'Comets', headCoachId: coach.id, assistantIds: [assistant.id], keepers: 3 });
    them = await makeTeam(t.deps.db, { number: 7, name: 'Rockets' });
  });
  afterAll(async () => t.close());

  it('checks a card without storing anything (POST /api/v1/playing-time/check)', async () => {
    const before = (await t.deps.db.selectFrom('game_cards').select('id').execute()).length;
    const body = { playersOnField: 7, quarters: 4, players: goodCard(us) };
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/playing-time/check', headers: coach.bearer, payload: body });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ ok: true, violations: [] });
    const short = { ...body, players: body.players.map((p, i) => (i === 0 ? { ...p, quarters: [cells.S, cells.S, cells.P, cells.P] } : p)) };
    const bad = (await t.app.inject({ method: 'POST', url: '/api/v1/playing-time/check', headers: coach.bearer, payload: short })).json();
    expect(bad.ok).toBe(false);
    expect(bad.violations).toContainEqual({ playerId: us.players[0]!.id, code: 'UNDER_MINIMUM', message: expect.stringContaining('owed 3') });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/playing-time/check', payload: body })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/playing-time/check', headers: coach.bearer, payload: { players: [] } })).statusCode).toBe(422);
    expect((await t.deps.db.selectFrom('game_cards').select('id').execute()).length).toBe(before);
  });

  it('prints the card with header and roster filled in (PDF)', async () => {
    const game = await makeGame(t.deps.db, them, us, { date: '2026-09-26', time: '10:15', field: 'campus-el-segundo' });
    const r = await t.app.inject({ method: 'GET', url: `/api/v1/games/${game}/cards/${us.id}/pdf`, headers: coach.bearer });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    const text = pdfText(r.rawPayload);
    for (const s of [
      'GAME CARD',
      'Region 92 El Segundo',
      '10U girls',
      '#4 Comets',
      'Test',
      '2026-09-26',
      '10:15',
      'Rockets (#7)',
      'Campus El Segundo',
      'we are away',
      'Cautions and send-offs',
      'Score at half time',
      'Referee',
    ]) {
      expect(text, s).toContain(s);
    }
    for (const p of us.players) expect(text).toMatch(new RegExp(`\\b${p.jersey}\\s+${p.name}`));
    expect(text).not.toContain(them.players[0]!.name);
    const page = await t.app.inject({ method: 'GET', url: `/games/${game}/cards/${us.id}/card.pdf`, headers: coach.bearer });
    expect(page.headers['content-type']).toBe('application/pdf');
  });

  it('plans a rotation that passes the checker and favours players who sat most this season', async () => {
    const past = await makeGame(t.deps.db, us, them, { date: '2026-09-05' });
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/games/${past}/cards/${us.id}`,
      headers: coach.bearer,
      payload: { saveId: newId(), revision: 0, players: goodCard(us) },
    });
    expect(put.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/games/${past}/cards/${us.id}/submit`, headers: coach.bearer, payload: {} })).statusCode).toBe(200);
    const next = await makeGame(t.deps.db, us, them, { date: '2026-09-27' });
    const r = await t.app.inject({ method: 'POST', url: `/api/v1/games/${next}/plan`, headers: assistant.bearer, payload: { teamId: us.id } });
    expect(r.statusCode).toBe(200);
    const plan = r.json();
    expect(plan.check).toEqual({ ok: true, violations: [] });
    expect(plan.season[us.players[0]!.id]).toMatchObject({ games: 1, played: 3, sat: 1 });
    const check = await t.app.inject({
      method: 'POST',
      url: '/api/v1/playing-time/check',
      headers: coach.bearer,
      payload: { playersOnField: 7, quarters: 4, players: plan.cardPlayers },
    });
    expect(check.json()).toEqual({ ok: true, violations: [] });
    const sits = (ids: string[]) =>
      plan.cardPlayers
        .filter((p: { id: string }) => ids.includes(p.id))
        .reduce((n: number, p: { quarters: { played: boolean }[] }) => n + p.quarters.filter((q) => !q.played).length, 0);
    expect(sits(us.players.slice(0, 4).map((p) => p.id))).toBeLessThanOrEqual(sits(us.players.slice(4).map((p) => p.id)));
    for (const l of plan.plan.lineups) expect(us.players.slice(0, 3).map((p) => p.id)).toContain(l.keeper);
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/games/${next}/plan`, headers: coach.bearer, payload: { teamId: us.id } });
    expect(again.json().plan).toEqual(plan.plan);
    const filled = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/games/${next}/cards/${us.id}`,
      headers: coach.bearer,
      payload: { saveId: newId(), revision: 0, players: plan.cardPlayers },
    });
    expect(filled.json().violations).toEqual([]);
  });

  it('re-checks a plan adjusted by hand, and refuses a plan when nobody can keep goal', async () => {
    const game = await makeGame(t.deps.db, us, them, { date: '2026-10-03' });
    const plan = (await t.app.inject({ method: 'POST', url: `/api/v1/games/${game}/plan`, headers: coach.bearer, payload: { teamId: us.id } })).json().plan;
    const lineups = plan.lineups.map((l: { quarter: number; keeper: string; field: string[] }) => ({
      quarter: l.quarter,
      keeper: l.quarter === 1 ? null : l.keeper,
      field: l.field,
    }));
    const r = await t.app.inject({ method: 'POST', url: `/api/v1/games/${game}/plan/check`, headers: coach.bearer, payload: { teamId: us.id, roster: plan.roster, lineups } });
    expect(r.json().violations.map((v: { code: string }) => v.code)).toContain('NO_KEEPER');
    const players = us.players.map((p) => ({ id: p.id, canKeep: false }));
    const none = await t.app.inject({ method: 'POST', url: `/api/v1/games/${game}/plan`, headers: coach.bearer, payload: { teamId: us.id, players } });
    expect(none.statusCode).toBe(422);
    expect(none.json().error.code).toBe('NO_KEEPER');
    const stranger = await makeActor(t.deps, ['head-coach'], { seasonId: '2026-fall', division: '10U' });
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/games/${game}/plan`, headers: stranger.bearer, payload: { teamId: us.id } })).statusCode).toBe(403);
  });

  it('reports quarters played per player, and submitted cards with violations to the board, with CSV', async () => {
    const game = await makeGame(t.deps.db, us, them, { date: '2026-09-13' });
    const rows = goodCard(us).map((p, i) => (i === 1 ? { ...p, quarters: [cells.S, cells.S, cells.S, cells.P] } : p));
    await t.app.inject({ method: 'PUT', url: `/api/v1/games/${game}/cards/${us.id}`, headers: coach.bearer, payload: { saveId: newId(), revision: 0, players: rows } });
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/games/${game}/cards/${us.id}/submit`, headers: coach.bearer, payload: {} })).statusCode).toBe(200);
    const report = (await t.app.inject({ method: 'GET', url: `/api/v1/games/reports/playing-time?team=${us.id}`, headers: coach.bearer })).json();
    const line = report[0].players.find((p: { playerId: string }) => p.playerId === us.players[1]!.id);
    expect(line).toMatchObject({ name: us.players[1]!.name, jersey: 2, gamesUnderMinimum: 1 });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/games/reports/playing-time?team=${them.id}`, headers: coach.bearer })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/games/reports/violations', headers: coach.bearer })).statusCode).toBe(403);
    const bad = (await t.app.inject({ method: 'GET', url: '/api/v1/games/reports/violations', headers: admin.bearer })).json();
    expect(bad).toContainEqual(
      expect.objectContaining({
        gameId: game,
        teamId: us.id,
        teamName: 'Comets',
        violations: expect.arrayContaining([expect.objectContaining({ playerId: us.players[1]!.id, code: 'UNDER_MINIMUM' })]),
      }),
    );
    const csv = await t.app.inject({ method: 'GET', url: '/api/v1/games/reports/violations.csv', headers: admin.bearer });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Date,Age group,Team number,Team,Opponent,Rule,Problem');
    expect(csv.body).toContain(`2026-09-13,10U girls,4,Comets,Rockets (#7),UNDER_MINIMUM`);
    const mine = await t.app.inject({ method: 'GET', url: '/api/v1/games/reports/playing-time.csv', headers: coach.bearer });
    expect(mine.body).toMatch(new RegExp(`10U,girls,4,Comets,2,${us.players[1]!.name},\\d+,`));
    expect(mine.body).not.toContain('Rockets');
  });
});
