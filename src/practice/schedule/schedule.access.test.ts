import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects, type TestApp } from '../../testing/harness.js';
import { browserSession, makeActor, type TestActor } from '../../testing/actors.js';
import { BOARD_ROLES, type Role } from '../../platform/roles.js';
import { bookPractice } from '../booking/booking.service.js';
import { listSlots } from '../slots.store.js';
import { insertTeams, openPracticeApp, SEASON, setUpSeason } from '../practice.testkit.js';

/** Who practises when is for the coaches and the board: not for any account someone signed up for. */
describe.each(testDialects())('who sees the field grid and the bookings on %s', (dialect) => {
  let t: TestApp;
  let team: string;
  let coach: TestActor;
  beforeAll(async () => {
    t = await openPracticeApp(dialect);
    await setUpSeason(t.deps);
    coach = await makeActor(t.deps, ['head-coach'], { seasonId: SEASON, division: '10U' });
    [team] = (await insertTeams(t.deps.db, SEASON, [{ division: '10U', name: 'Comets', headCoachId: coach.id }])) as [string];
    const slot = (await listSlots(t.deps.db, SEASON)).find((s) => s.fieldId === 'richmond' && s.weekday === 1 && s.start === '17:00')!;
    await bookPractice(t.deps, { personId: null, name: 'test', isAdmin: true }, { teamId: team, slotId: slot.id });
  });
  afterAll(async () => t?.close());

  const urls = () => ['/practice/grid?day=1', `/practice/teams/${team}`, '/api/v1/practice/bookings', `/api/v1/practice/bookings?team=${team}`];

  it('refuses a self-registered account, and volunteers who coach no team, on the pages and the API', async () => {
    for (const roles of [[], ['field-helper'], ['youth-volunteer'], ['instructor']] as Role[][]) {
      const who = await makeActor(t.deps, roles);
      for (const url of urls()) {
        const r = await t.app.inject({ method: 'GET', url, headers: who.bearer });
        expect(r.statusCode, `${roles.join() || 'no role'} ${url}`).toBe(403);
        expect(r.body).not.toContain('Comets');
      }
    }
    const s = await browserSession(t.app, (await makeActor(t.deps)).email, 'correct horse battery');
    const page = await t.app.inject({ method: 'GET', url: '/practice/grid', headers: { cookie: s.cookie } });
    expect(page.statusCode).toBe(403);
    const home = await t.app.inject({ method: 'GET', url: '/', headers: { cookie: s.cookie } });
    expect(home.body).not.toContain('href="/practice/grid"');
  });

  it('lets every coach, coach mentor and board member see them', async () => {
    const others = [coach, await makeActor(t.deps, ['assistant-coach'], { seasonId: SEASON, division: '8U' }), await makeActor(t.deps, ['mentor'])];
    for (const role of BOARD_ROLES) others.push(await makeActor(t.deps, [role]));
    for (const who of others) {
      for (const url of urls()) {
        const r = await t.app.inject({ method: 'GET', url, headers: who.bearer });
        expect(r.statusCode, url).toBe(200);
        expect(r.body).toMatch(/Comets|"teamId"/);
      }
    }
  });
});
