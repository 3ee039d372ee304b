import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects, type TestApp } from '../../testing/harness.js';
import { browserSession, makeActor, postForm, type TestActor } from '../../testing/actors.js';
import { makeGame, makeTeam, openGamecardsApp, type TeamFixture } from '../gamecards.testkit.js';

type Session = { cookie: string; csrf: string };

/** Every form field of the good card (see goodCard) in the page's field names. */
function goodForm(team: TeamFixture): Record<string, string> {
  const f: Record<string, string> = {};
  team.players.forEach((p, i) => {
    f[`att_${p.id}`] = '1';
    for (let q = 0; q < 4; q++) f[`q${q + 1}_${p.id}`] = i === q ? 'S' : (i === 4 && q < 2) || (i === 5 && q >= 2) ? 'K' : 'P';
  });
  return f;
}

const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

describe.each(testDialects())('game card pages on %s', (dialect) => {
  let t: TestApp;
  let coach: TestActor;
  let admin: TestActor;
  let s: Session;
  let us: TeamFixture;
  let them: TeamFixture;

  const htmx = (url: string, data: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: s.cookie, 'hx-request': 'true', 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: s.csrf, ...data }).toString(),
    });
  const revisionOf = async (game: string) =>
    (await t.deps.db.selectFrom('game_cards').select(['revision', 'status']).where('game_id', '=', game).where('team_id', '=', us.id).executeTakeFirst()) ?? null;

  beforeAll(async () => {
    t = await openGamecardsApp(dialect);
    coach = await makeActor(t.deps, ['head-coach'], { seasonId: '2026-fall', division: '10U' });
    admin = await makeActor(t.deps, ['coach-administrator']);
    us = await makeTeam(t.deps.db, { number: 1, name: 'Comets', headCoachId: coach.id });
    them = await makeTeam(t.deps.db, { number: 2, name: 'Rockets' });
    s = await browserSession(t.app, coach.email, coach.password);
  });
  afterAll(async () => t.close());

  it('fills in a card without JavaScript: a form post saves, a resubmitted form is stored once', async () => {
    const game = await makeGame(t.deps.db, us, them);
    const page = await t.app.inject({ method: 'GET', url: `/games/${game}/cards/${us.id}`, headers: { cookie: s.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(us.players[0]!.name);
    expect(page.body).toContain('hx-trigger="change"');
    const data = { ...goodForm(us), saveId: hidden(page.body, 'saveId'), revision: '0', finalUs: '2', finalThem: '1', mc0_kind: 'caution', mc0_who: '#7', mc0_reason: 'Dissent' };
    const first = await postForm(t.app, `/games/${game}/cards/${us.id}`, s, data);
    expect(first.statusCode).toBe(303);
    const resent = await postForm(t.app, `/games/${game}/cards/${us.id}`, s, data);
    expect(resent.statusCode).toBe(303);
    expect(await revisionOf(game)).toEqual({ revision: 1, status: 'draft' });
    const api = (await t.app.inject({ method: 'GET', url: `/api/v1/games/${game}/cards/${us.id}`, headers: coach.bearer })).json();
    expect(api).toMatchObject({ violations: [], back: { final: { us: 2, them: 1 }, misconduct: [{ kind: 'caution', who: '#7', reason: 'Dissent' }] } });
  });

  it('autosaves each change with htmx and re-renders the violations block, with the next save id', async () => {
    const game = await makeGame(t.deps.db, us, them, { date: '2026-09-13' });
    const page = await t.app.inject({ method: 'GET', url: `/games/${game}/cards/${us.id}`, headers: { cookie: s.cookie } });
    const saveId = hidden(page.body, 'saveId');
    const form = { ...goodForm(us), [`q2_${us.players[0]!.id}`]: 'S', saveId, revision: '0' };
    const r = await htmx(`/games/${game}/cards/${us.id}`, form);
    expect(r.statusCode).toBe(200);
    expect(r.body).toMatch(/^<div id="card-live">/);
    expect(r.body).toContain('data-code="UNDER_MINIMUM"');
    expect(r.body).toContain(us.players[0]!.name);
    expect(hidden(r.body, 'revision')).toBe('1');
    expect(hidden(r.body, 'saveId')).not.toBe(saveId);
    const fixed = await htmx(`/games/${game}/cards/${us.id}`, { ...goodForm(us), saveId: hidden(r.body, 'saveId'), revision: '1' });
    expect(fixed.body).toContain('No problems');
    const stale = await htmx(`/games/${game}/cards/${us.id}`, { ...goodForm(us), saveId: 'another-save-id', revision: '1' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('changed elsewhere');
    expect(hidden(stale.body, 'revision')).toBe('1');
    expect(hidden(stale.body, 'saveId')).toBe('another-save-id');
  });

  it('submits from the page, then shows the card locked; the coach administrator sees a correction form', async () => {
    const game = await makeGame(t.deps.db, us, them, { date: '2026-09-14' });
    const page = await t.app.inject({ method: 'GET', url: `/games/${game}/cards/${us.id}`, headers: { cookie: s.cookie } });
    const r = await postForm(t.app, `/games/${game}/cards/${us.id}/submit`, s, { ...goodForm(us), saveId: hidden(page.body, 'saveId'), revision: '0' });
    expect(r.statusCode).toBe(303);
    expect(await revisionOf(game)).toEqual({ revision: 2, status: 'submitted' });
    const locked = await t.app.inject({ method: 'GET', url: `/games/${game}/cards/${us.id}`, headers: { cookie: s.cookie } });
    expect(locked.body).toContain('the card is locked');
    expect(locked.body).toContain('<fieldset disabled');
    expect(locked.body).not.toContain('hx-post');
    const a = await browserSession(t.app, admin.email, admin.password);
    const adminPage = await t.app.inject({ method: 'GET', url: `/games/${game}/cards/${us.id}`, headers: { cookie: a.cookie } });
    expect(adminPage.body).toContain('Reason for the correction');
    const noReason = await postForm(t.app, `/games/${game}/cards/${us.id}`, a, { ...goodForm(us), saveId: hidden(adminPage.body, 'saveId'), revision: '2' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('Say why you correct');
  });

  it('plans the rotation on a page and puts the plan on the card', async () => {
    const game = await makeGame(t.deps.db, us, them, { date: '2026-09-20' });
    const page = await t.app.inject({ method: 'GET', url: `/games/${game}/plan/${us.id}`, headers: { cookie: s.cookie } });
    expect(page.statusCode).toBe(200);
    const who: Record<string, string> = {};
    us.players.forEach((p, i) => {
      who[`att_${p.id}`] = i === 7 ? 'no' : '1';
      if (i < 2) who[`keep_${p.id}`] = 'on';
    });
    const planned = await postForm(t.app, `/games/${game}/plan/${us.id}`, s, { ...who, saveId: hidden(page.body, 'saveId'), revision: '0', do: 'plan' });
    expect(planned.statusCode).toBe(200);
    expect(planned.body).toContain('Quarter 1: keeper');
    expect(planned.body).toContain('No problems');
    const grid: Record<string, string> = { ...who };
    for (const m of planned.body.matchAll(/<select name="(q\d_[^"]+)"[^>]*>(.*?)<\/select>/g)) grid[m[1]!] = /<option value="(\w)" selected/.exec(m[2]!)?.[1] ?? 'S';
    const used = await postForm(t.app, `/games/${game}/plan/${us.id}`, s, { ...grid, saveId: hidden(planned.body, 'saveId'), revision: '0', do: 'use' });
    expect(used.statusCode).toBe(303);
    const card = (await t.app.inject({ method: 'GET', url: `/api/v1/games/${game}/cards/${us.id}`, headers: coach.bearer })).json();
    expect(card.violations).toEqual([]);
    expect(card.players[7]).toMatchObject({ attended: false });
  });

  it("lists the coach's games and refuses another team's card page", async () => {
    const game = await makeGame(t.deps.db, us, them, { date: '2026-09-27' });
    const list = await t.app.inject({ method: 'GET', url: '/games', headers: { cookie: s.cookie } });
    expect(list.body).toContain(`/games/${game}/cards/${us.id}`);
    expect(list.body).not.toContain(`/games/${game}/cards/${them.id}`);
    const theirs = await t.app.inject({ method: 'GET', url: `/games/${game}/cards/${them.id}`, headers: { cookie: s.cookie } });
    expect(theirs.statusCode).toBe(403);
    expect(theirs.body).not.toContain(them.players[0]!.name);
    const home = await t.app.inject({ method: 'GET', url: '/', headers: { cookie: s.cookie } });
    expect(home.body).toMatch(/\d+ game cards? to submit/);
    expect(home.body).toContain('2026-09-27 09:00: #1 Comets v #2 Rockets');
  });

  it('sets jersey numbers once for the season, refusing a number used twice', async () => {
    const data = Object.fromEntries(us.players.map((p, i) => [`j_${p.id}`, String(i === 1 ? 10 : i + 20)]));
    const ok = await postForm(t.app, `/games/teams/${us.id}/jerseys`, s, data);
    expect(ok.statusCode).toBe(303);
    const roster = await t.deps.db.selectFrom('team_players').select(['player_id', 'jersey']).where('team_id', '=', us.id).execute();
    expect(roster.find((r) => r.player_id === us.players[1]!.id)?.jersey).toBe(10);
    const dup = await postForm(t.app, `/games/teams/${us.id}/jerseys`, s, { ...data, [`j_${us.players[2]!.id}`]: '10' });
    expect(dup.statusCode).toBe(422);
    expect(dup.body).toContain('Number 10 is given to');
  });

  it('schedules and imports games from the pages (coach administrator)', async () => {
    const a = await browserSession(t.app, admin.email, admin.password);
    const made = await postForm(t.app, '/games/new?season=2026-fall', a, { date: '2026-10-24', time: '09:00', field: 'brett', home: us.id, away: them.id });
    expect(made.statusCode).toBe(303);
    const boundary = 'gamecards-test-boundary';
    const file = 'date,time,field,home,away\n2026-10-31,10:00,Brett,Comets,Nobody\n';
    const body = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="season"',
      '',
      '2026-fall',
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="s.csv"',
      'Content-Type: text/csv',
      '',
      file,
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const r = await t.app.inject({
      method: 'POST',
      url: `/games/import?_csrf=${encodeURIComponent(a.csrf)}`,
      headers: { cookie: a.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    expect(r.statusCode).toBe(422);
    expect(r.body).toContain('Row 2: away: there is no team');
  });
});
