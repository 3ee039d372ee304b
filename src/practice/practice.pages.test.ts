import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW, type TestApp } from '../testing/harness.js';
import { browserSession, makeActor, postForm, type TestActor } from '../testing/actors.js';
import { listSlots, type StoredSlot } from './slots.store.js';
import { loadSignup } from './booking/signup.store.js';
import { insertTeams, openPracticeApp, SEASON, setUpSeason } from './practice.testkit.js';

type Session = { cookie: string; csrf: string };

describe('practice pages', () => {
  let t: TestApp;
  let coach: TestActor;
  let admin: TestActor;
  let s: Session;
  let slots: StoredSlot[];
  let team: string;
  let team2: string;
  const slot = (field: string, weekday: number, start: string) => slots.find((x) => x.fieldId === field && x.weekday === weekday && x.start === start)!;

  beforeAll(async () => {
    t = await openPracticeApp('sqlite');
    await setUpSeason(t.deps);
    slots = await listSlots(t.deps.db, SEASON);
    coach = await makeActor(t.deps, ['head-coach'], { seasonId: SEASON });
    admin = await makeActor(t.deps, ['coach-administrator']);
    [team, team2] = (await insertTeams(t.deps.db, SEASON, [
      { division: '10U', name: 'Comets', headCoachId: coach.id },
      { division: '8U', name: 'Pebbles', headCoachId: coach.id },
    ])) as [string, string];
    s = await browserSession(t.app, coach.email, coach.password);
  });
  afterAll(async () => t?.close());

  const get = (url: string, session: Session = s) => t.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
  /** The page a redirect leads to, with the one-time message cookie it set. */
  const follow = (r: { headers: Record<string, unknown> }) => {
    const flash = [r.headers['set-cookie'] ?? []]
      .flat()
      .map(String)
      .find((c) => c.startsWith('tl_flash='))
      ?.split(';')[0];
    return t.app.inject({ method: 'GET', url: String(r.headers.location), headers: { cookie: [s.cookie, flash].filter(Boolean).join('; ') } });
  };
  const htmx = (url: string, data: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: s.cookie, 'hx-request': 'true', 'x-csrf-token': s.csrf, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(data).toString(),
    });

  it('counts down to the opening, with the exact time in the region zone, and offers no button', async () => {
    t.clock.set('2026-08-21T22:00:00.000Z');
    try {
      const r = await get('/practice');
      expect(r.statusCode).toBe(200);
      expect(r.body).toContain('Sign-up for 10U opens in 3 days 4 hours');
      expect(r.body).toContain('<time datetime="2026-08-25T02:00:00.000Z">Monday, August 24, 2026 at 7:00 PM PDT</time>');
      expect(r.body).not.toContain('aria-label="Book ');
      const refused = await postForm(t.app, `/practice/teams/${team}/book`, s, { slotId: slot('richmond', 1, '17:00').id });
      expect(refused.statusCode).toBe(422);
      expect(refused.body).toContain('opens Monday, August 24, 2026 at 7:00 PM PDT');
    } finally {
      t.clock.set(TEST_NOW);
    }
  });

  it('puts each team and the sign-up countdown on the coach home page', async () => {
    t.clock.set('2026-08-21T22:00:00.000Z');
    try {
      const home = await get('/');
      expect(home.body).toContain('Practice fields');
      expect(home.body).toContain('Comets: 0 of 2 weekly practices booked. Sign-up opens in 3 days 4 hours.');
      expect(home.body).toContain('Pebbles: 0 of 1 weekly practice booked.');
    } finally {
      t.clock.set(TEST_NOW);
    }
  });

  it('books with a plain form post (redirect and message) and shows each team separately', async () => {
    const page = await get('/practice');
    expect(page.body).toContain(`id="team-${team}"`);
    expect(page.body).toContain(`id="team-${team2}"`);
    expect(page.body).toContain('aria-label="Book Monday 17:00-18:00 at Richmond"');
    const r = await postForm(t.app, `/practice/teams/${team}/book`, s, { slotId: slot('richmond', 1, '17:00').id });
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe(`/practice#team-${team}`);
    const after = await follow(r);
    expect(after.body).toContain('Booked: Monday 17:00-18:00 at Richmond');
    expect(after.body).toContain('1 of 2 weekly practices booked');
  });

  it('books through htmx: answers the team card, and on a full slot the card with suggestions', async () => {
    const ok = await htmx(`/practice/teams/${team}/book`, { slotId: slot('brett', 2, '17:00').id });
    expect(ok.statusCode).toBe(200);
    expect(ok.body.startsWith(`<section class="card" id="team-${team}"`)).toBe(true);
    expect(ok.body).toContain('2 of 2 weekly practices booked');
    const full = slot('brett', 4, '17:00');
    const [a, b] = await insertTeams(t.deps.db, SEASON, [
      { division: '8U', headCoachId: admin.id },
      { division: '8U', headCoachId: admin.id },
    ]);
    for (const id of [a!, b!])
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/practice/bookings', headers: admin.bearer, payload: { teamId: id, slotId: full.id } })).statusCode).toBe(201);
    const refused = await htmx(`/practice/teams/${team2}/book`, { slotId: full.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('is full. Pick another slot.');
    expect(refused.body).toContain('class="suggested"');
    expect(refused.body).toContain(' · Suggested');
  });

  it('shows the team schedule with the next practices and the calendar link', async () => {
    const r = await get(`/practice/teams/${team}`);
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('Comets: practice schedule');
    expect(r.body).toMatch(/webcal:\/\/localhost:3000\/practice\/feeds\/[A-Za-z0-9_-]+\.ics/);
    expect(r.body).toContain('<time datetime="2026-09-15">Tue, Sep 15</time> 17:00-18:00, Brett');
  });

  it('moves a booking from the change page', async () => {
    const page = await get('/practice');
    const change = /href="(\/practice\/bookings\/[^/"]+\/change)" aria-label="Change Monday/.exec(page.body)![1]!;
    const form = await get(change);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('aria-label="Move to Wednesday 17:00-18:00 at Richmond"');
    const moved = await postForm(t.app, change.replace('/change', '/move'), s, { slotId: slot('richmond', 3, '17:00').id });
    expect(moved.statusCode).toBe(303);
    expect((await follow(moved)).body).toContain('Moved: Wednesday 17:00-18:00 at Richmond');
  });

  it('marks the slot in progress on the field grid from the clock', async () => {
    t.clock.set('2026-09-17T00:30:00.000Z'); // Wednesday 17:30 in Los Angeles
    try {
      const r = await get('/practice/grid');
      expect(r.statusCode).toBe(200);
      expect(r.body).toContain('Practice fields: Wednesday');
      expect(r.body).toMatch(/<tr class="now" aria-current="time"><td><strong class="status-ok">Now <\/strong>17:00-18:00<\/td><td>Comets \(10U\)<\/td>/);
      expect((await get('/practice/grid?day=2')).body).not.toContain('class="now"');
    } finally {
      t.clock.set(TEST_NOW);
    }
  });

  it('lets the coach administrator set sign-up in local time, add windows and generate slots', async () => {
    expect((await get('/practice/admin')).statusCode).toBe(403);
    const a = await browserSession(t.app, admin.email, admin.password);
    expect((await get('/practice/admin', a)).body).toContain('Practice sign-up administration');
    const saved = await postForm(t.app, '/practice/admin/signup', a, {
      opensAt: '2026-08-24T19:00',
      closesAt: '2026-09-30T00:00',
      opens_14U: '2026-08-26T19:00',
      blackouts: '2026-11-26\n2026-10-12',
    });
    expect(saved.statusCode).toBe(303);
    expect(await loadSignup(t.deps.db, SEASON)).toMatchObject({
      opensAt: '2026-08-25T02:00:00.000Z',
      closesAt: '2026-09-30T07:00:00.000Z',
      divisionOpensAt: { '14U': '2026-08-27T02:00:00.000Z' },
      blackouts: ['2026-10-12', '2026-11-26'],
    });
    const bad = await postForm(t.app, '/practice/admin/signup', a, { opensAt: '2026-08-24T19:00', closesAt: '2026-08-01T00:00', blackouts: '2027-02-30' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('The change deadline must come after the opening.');
    expect(bad.body).toContain('Blackout &quot;2027-02-30&quot; is not a date');
    const windowForm = (capacity: string) => {
      const body = new URLSearchParams({ _csrf: a.csrf, fieldId: 'brett', startTime: '16:00', endTime: '17:00', capacity });
      body.append('weekdays', '5');
      body.append('divisions', '8U');
      return t.app.inject({
        method: 'POST',
        url: '/practice/admin/windows',
        headers: { cookie: a.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: body.toString(),
      });
    };
    const over = await windowForm('3');
    expect(over.statusCode).toBe(422);
    expect(over.body).toContain('Brett holds 2 teams at once, so a window on it may hold at most 2 (this one says 3).');
    const added = await windowForm('2');
    expect(added.statusCode).toBe(303);
    expect((await postForm(t.app, '/practice/admin/generate', a, {})).statusCode).toBe(303);
    const list = await get('/practice/admin/slots', a);
    expect(list.body).toContain('aria-label="Capacity of Friday 16:00 Brett"');
    const teams = await get('/practice/admin/teams', a);
    expect(teams.body).toContain('Teams still to book');
    expect(teams.body).toContain('Pebbles');
  });
});
